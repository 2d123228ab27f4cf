// The engine's words, in Chinese and English: flag, grade and role labels, error messages,
// scheme-validation messages and the summary sheet's labels. No other engine file holds UI text.
import type { EngineError } from './errors';
import type { Flag, Grade, Lang, MonitoringStatus, Role } from './types';

const FLAG_LABELS: Record<Flag, Record<Lang, string>> = {
  under_execution: { zh: '执行率低于下限', en: 'Usage below band' },
  over_budget: { zh: '超预算', en: 'Over budget' },
  zero_budget: { zh: '预算为零', en: 'No budget' },
  missing_value: { zh: '预算数或执行数缺失', en: 'Budget or actual missing' },
  negative_value: { zh: '金额为负数', en: 'Negative amount' },
  rate_mismatch: { zh: '执行率与填报不符', en: 'Stated rate differs' },
  total_mismatch: { zh: '总分与填报不符', en: 'Stated total differs' },
  score_over_weight: { zh: '得分超过权重', en: 'Score above weight' },
  low_score: { zh: '评分等级为差', en: 'Poor grade' },
  missing_explanation: { zh: '缺少偏差原因说明', en: 'Deviation not explained' },
  monitoring_yellow: { zh: '序时进度偏慢（黄灯）', en: 'Behind schedule (yellow)' },
  monitoring_red: { zh: '序时进度严重滞后（红灯）', en: 'Far behind schedule (red)' },
};

const GRADE_LABELS: Record<Grade, Record<Lang, string>> = {
  excellent: { zh: '优', en: 'Excellent' },
  good: { zh: '良', en: 'Good' },
  fair: { zh: '中', en: 'Fair' },
  poor: { zh: '差', en: 'Poor' },
};

const ROLE_LABELS: Record<Role, Record<Lang, string>> = {
  project: { zh: '项目名称', en: 'Project' },
  budget: { zh: '预算数', en: 'Budget' },
  actual: { zh: '实际执行数', en: 'Actual spend' },
  statedRate: { zh: '执行率', en: 'Stated rate' },
  output: { zh: '产出指标', en: 'Output score' },
  benefit: { zh: '效益指标', en: 'Benefit score' },
  satisfaction: { zh: '满意度指标', en: 'Satisfaction score' },
  total: { zh: '总分', en: 'Total score' },
  explanation: { zh: '偏差原因', en: 'Deviation explanation' },
};

/** The header words an officer can look for when a required column was not found. */
const ROLE_HINTS: Partial<Record<Role, string>> = {
  project: '项目名称, 项目, 预算项目, Project',
  budget: '全年预算数, 调整后预算数, 预算数, Budget',
  actual: '全年执行数, 实际执行数, 实际支出, Actual, Spent',
};

/** How the English message names a missing column ("No actual-spend column found"). */
const ROLE_COLUMN_EN: Partial<Record<Role, string>> = {
  project: 'project-name',
  budget: 'budget',
  actual: 'actual-spend',
};

export function flagLabel(flag: Flag, lang: Lang): string {
  return FLAG_LABELS[flag][lang];
}

export function gradeLabel(grade: Grade, lang: Lang): string {
  return GRADE_LABELS[grade][lang];
}

export function roleLabel(role: Role, lang: Lang): string {
  return ROLE_LABELS[role][lang];
}

/** "执行率低于下限；执行率与填报不符", or "正常" / "OK" without flags. */
export function statusText(flags: readonly Flag[], lang: Lang): string {
  if (flags.length === 0) return lang === 'zh' ? '正常' : 'OK';
  return flags.map((f) => flagLabel(f, lang)).join(lang === 'zh' ? '；' : '; ');
}

function missingColumnMessage(role: Role, lang: Lang): string {
  const hint = ROLE_HINTS[role] ?? roleLabel(role, 'zh');
  if (lang === 'zh') return `未找到“${roleLabel(role, 'zh')}”列（查找了：${hint.replace(/, /g, '、')}）`;
  const what = ROLE_COLUMN_EN[role] ?? roleLabel(role, 'en').toLowerCase();
  return `No ${what} column found (looked for ${hint})`;
}

/** One line: what went wrong and what to do. */
export function errorMessage(err: EngineError, lang: Lang): string {
  const sheet = err.details.sheet;
  const problems = (err.details.messages?.[lang] ?? err.details.errors ?? []).join(lang === 'zh' ? '；' : '; ');
  const where = sheet ? (lang === 'zh' ? `工作表“${sheet}”：` : `Sheet "${sheet}": `) : '';
  switch (err.code) {
    case 'empty_sheet':
      return lang === 'zh'
        ? `${where}工作表是空的。请打开或选择包含项目支出表的工作表。`
        : `${where}The sheet is empty. Open or select the sheet that holds the project table.`;
    case 'missing_columns': {
      const missing = err.details.missing ?? [];
      const parts = missing.map((r) => missingColumnMessage(r, lang));
      return lang === 'zh'
        ? `${where}${parts.join('；')}。请检查表头行，或手动指定该列。`
        : `${where}${parts.join('; ')}. Check the header row or choose the column by hand.`;
    }
    case 'no_projects':
      return lang === 'zh'
        ? `${where}表头下方没有项目行（项目行需要项目名称以及预算数或执行数）。请检查表头行是否正确。`
        : `${where}No project rows below the header (a project row needs a name and a budget or actual amount). Check the header row.`;
    case 'invalid_scheme':
      if (err.details.schemeId !== undefined && problems === '') {
        return lang === 'zh'
          ? `未知的评分方案“${err.details.schemeId}”。可用的内置方案：mof2020、wuhan2018，或提供自定义方案文件。`
          : `Unknown scoring scheme "${err.details.schemeId}". Built-in schemes: mof2020, wuhan2018; or provide a custom scheme file.`;
      }
      return lang === 'zh'
        ? `评分方案有误：${problems}。请修改方案文件后重试。`
        : `Invalid scoring scheme: ${problems}. Fix the scheme file and try again.`;
    case 'invalid_band':
      return lang === 'zh'
        ? `执行率区间有误：${problems}。请输入如 0.9 和 1.0 的下限和上限。`
        : `Invalid usage-rate band: ${problems}. Enter a low and a high edge such as 0.9 and 1.0.`;
  }
}

// ---- scheme and band validation ----------------------------------------------------------

export type SchemeIssue =
  /** found: the unexpected character, null at an unexpected end of the text. */
  | { kind: 'json_syntax'; line: number; column: number; position: number; found: string | null; inString: boolean }
  | { kind: 'json_too_deep'; position: number; max: number }
  | { kind: 'not_object'; path: string }
  | { kind: 'unknown_key'; path: string; key: string; allowed: string[] }
  | { kind: 'missing_key'; path: string }
  | { kind: 'not_string'; path: string }
  | { kind: 'not_number'; path: string; value: string }
  | { kind: 'negative'; path: string; value: number }
  | { kind: 'weights_sum'; sum: number; parts: string }
  | { kind: 'grade_range'; path: string; value: number }
  | { kind: 'grades_order'; excellent: number; good: number; fair: number }
  | { kind: 'band_order'; low: number; high: number }
  | { kind: 'monitoring_order'; green: number; yellow: number }
  | { kind: 'band_percent'; path: string; value: number }
  | { kind: 'bad_rule'; value: string }
  | { kind: 'steps_empty' }
  | { kind: 'steps_unsorted' }
  | { kind: 'step_min_range'; index: number; value: number }
  | { kind: 'step_over_weight'; index: number; score: number; weight: number }
  | { kind: 'bad_choice'; path: string; value: string; allowed: string[] };

export function schemeIssueMessage(issue: SchemeIssue, lang: Lang): string {
  const zh = lang === 'zh';
  switch (issue.kind) {
    case 'json_syntax': {
      const what = issue.inString
        ? zh ? '这个字符串里有无效的转义或控制字符' : 'this string holds an invalid escape or control character'
        : issue.found === null
          ? zh ? '文本意外结束' : 'unexpected end of text'
          : zh ? `意外的字符“${issue.found}”` : `unexpected character '${issue.found}'`;
      return zh
        ? `JSON 格式错误，位于第${issue.line}行第${issue.column}列（字符位置 ${issue.position}）：${what}`
        : `Malformed JSON at line ${issue.line}, column ${issue.column} (position ${issue.position}): ${what}`;
    }
    case 'json_too_deep':
      return zh
        ? `JSON 嵌套超过 ${issue.max} 层（字符位置 ${issue.position}），不是评分方案`
        : `JSON nested deeper than ${issue.max} levels (position ${issue.position}); this is not a scoring scheme`;
    case 'not_object':
      return zh ? `“${issue.path}”应为对象（{ … }）` : `"${issue.path}" must be an object ({ … })`;
    case 'unknown_key':
      return zh
        ? `“${issue.path}”中有未知的键“${issue.key}”（可用的键：${issue.allowed.join('、')}）`
        : `Unknown key "${issue.key}" in "${issue.path}" (allowed: ${issue.allowed.join(', ')})`;
    case 'missing_key':
      return zh ? `缺少“${issue.path}”` : `"${issue.path}" is missing`;
    case 'not_string':
      return zh ? `“${issue.path}”应为非空文字` : `"${issue.path}" must be a non-empty string`;
    case 'not_number':
      return zh ? `“${issue.path}”应为数字，实际为 ${issue.value}` : `"${issue.path}" must be a number, got ${issue.value}`;
    case 'negative':
      return zh ? `“${issue.path}”不能为负数（${issue.value}）` : `"${issue.path}" must not be negative (${issue.value})`;
    case 'weights_sum':
      return zh
        ? `各项权重与执行得分权重之和应为 100，实际为 ${fmt(issue.sum)}（${issue.parts}）`
        : `Weights plus the execution weight must add up to 100, they add up to ${fmt(issue.sum)} (${issue.parts})`;
    case 'grade_range':
      return zh ? `等级分数线“${issue.path}”应在 0 到 100 之间（${issue.value}）` : `Grade edge "${issue.path}" must be between 0 and 100 (${issue.value})`;
    case 'grades_order':
      return zh
        ? `等级分数线应从高到低：优 > 良 > 中，实际为 ${fmt(issue.excellent)} / ${fmt(issue.good)} / ${fmt(issue.fair)}`
        : `Grade edges must descend: excellent > good > fair, got ${fmt(issue.excellent)} / ${fmt(issue.good)} / ${fmt(issue.fair)}`;
    case 'band_order':
      return zh
        ? `执行率区间下限 ${fmt(issue.low)} 大于上限 ${fmt(issue.high)}`
        : `The band's low edge ${fmt(issue.low)} is above its high edge ${fmt(issue.high)}`;
    case 'monitoring_order':
      return zh
        ? `监控区间的黄灯线 ${fmt(issue.yellow)} 高于绿灯线 ${fmt(issue.green)}（应如 yellow 0.6、green 0.8）`
        : `The monitoring yellow edge ${fmt(issue.yellow)} is above the green edge ${fmt(issue.green)} (e.g. yellow 0.6, green 0.8)`;
    case 'band_percent':
      return zh
        ? `“${issue.path}”为 ${fmt(issue.value)}，执行率应写成小数（90% 写作 0.9）`
        : `"${issue.path}" is ${fmt(issue.value)}; write rates as fractions (0.9 for 90%)`;
    case 'bad_rule':
      return zh
        ? `“execution.rule”应为 "linear" 或 "stepped"，实际为 ${issue.value}`
        : `"execution.rule" must be "linear" or "stepped", got ${issue.value}`;
    case 'steps_empty':
      return zh ? `分档规则“execution.steps”至少需要一档` : `"execution.steps" needs at least one step for the stepped rule`;
    case 'steps_unsorted':
      return zh
        ? `“execution.steps”的 min 应按顺序排列且不重复（从高到低或从低到高）`
        : `"execution.steps" must be sorted by min without repeats (highest first or lowest first)`;
    case 'step_min_range':
      return zh
        ? `第${issue.index + 1}档的 min 为 ${fmt(issue.value)}，应为 0 到 2 之间的小数（80% 写作 0.8）`
        : `Step ${issue.index + 1}: min is ${fmt(issue.value)}, it must be a fraction between 0 and 2 (0.8 for 80%)`;
    case 'step_over_weight':
      return zh
        ? `第${issue.index + 1}档的得分 ${fmt(issue.score)} 超过执行得分权重 ${fmt(issue.weight)}`
        : `Step ${issue.index + 1}: score ${fmt(issue.score)} is above the execution weight ${fmt(issue.weight)}`;
    case 'bad_choice':
      return zh
        ? `“${issue.path}”应为 ${issue.allowed.map((a) => `"${a}"`).join(' 或 ')}，实际为 ${issue.value}`
        : `"${issue.path}" must be ${issue.allowed.map((a) => `"${a}"`).join(' or ')}, got ${issue.value}`;
  }
}

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

// ---- summary sheet labels ----------------------------------------------------------------

const SUMMARY_TEXT = {
  title: { zh: '项目支出绩效自评汇总', en: 'Project expenditure performance self-evaluation summary' },
  infoSheet: { zh: '来源工作表', en: 'Source sheet' },
  infoHeaderRow: { zh: '表头行', en: 'Header row' },
  infoScheme: { zh: '评分方案', en: 'Scoring scheme' },
  infoBand: { zh: '执行率区间', en: 'Usage-rate band' },
  infoUnit: { zh: '金额单位', en: 'Amount unit' },
  infoTime: { zh: '评价时间', en: 'Evaluated at' },
  unitUnknown: { zh: '未注明', en: 'not stated' },
  colIndex: { zh: '序号', en: 'No.' },
  colName: { zh: '项目名称', en: 'Project' },
  colBudget: { zh: '预算数', en: 'Budget' },
  colActual: { zh: '执行数', en: 'Actual' },
  colRate: { zh: '使用率', en: 'Usage rate' },
  colOutput: { zh: '产出得分', en: 'Output' },
  colBenefit: { zh: '效益得分', en: 'Benefit' },
  colSatisfaction: { zh: '满意度得分', en: 'Satisfaction' },
  colExecution: { zh: '执行得分', en: 'Execution' },
  colTotal: { zh: '总分', en: 'Total' },
  colGrade: { zh: '等级', en: 'Grade' },
  colStatus: { zh: '状态', en: 'Status' },
  totalsLabel: { zh: '合计', en: 'Total' },
  gradesTitle: { zh: '等级分布', en: 'Grade distribution' },
  gradeNone: { zh: '无总分', en: 'No total' },
  flaggedTitle: { zh: '需关注的项目', en: 'Flagged projects' },
  flaggedRow: { zh: '行号', en: 'Row' },
  flaggedReasons: { zh: '原因', en: 'Reasons' },
  checksTitle: { zh: '表内核对', en: 'Sheet checks' },
  checksNone: { zh: '无', en: 'None' },
  chartTitle: { zh: '各项目经费使用率', en: 'Usage rate by project' },
  chartLow: { zh: '下限', en: 'Low edge' },
  chartHigh: { zh: '上限', en: 'High edge' },
  budgetWord: { zh: '预算数', en: 'budget' },
  actualWord: { zh: '执行数', en: 'actual' },
  monitoringTail: { zh: '项目支出执行进度', en: 'project spending progress' },
  colProgress: { zh: '序时进度比', en: 'Progress vs time' },
  colMonitoring: { zh: '监控状态', en: 'Monitoring' },
  infoMonth: { zh: '监控期间', en: 'Monitoring period' },
  infoMonitoringBands: { zh: '监控标准', en: 'Monitoring bands' },
  monitoringTitleCounts: { zh: '监控状态分布', en: 'Monitoring status' },
  monitoringNone: { zh: '无执行率', en: 'No rate' },
  chartRedLine: { zh: '红灯线', en: 'Red below' },
  chartGreenLine: { zh: '绿灯线', en: 'Green from' },
} as const satisfies Record<string, Record<Lang, string>>;

export type SummaryTextKey = keyof typeof SUMMARY_TEXT;

export function summaryText(key: SummaryTextKey, lang: Lang): string {
  return SUMMARY_TEXT[key][lang];
}

/** "第10行合计的预算数为918.4，项目之和为918.45，相差0.05" */
export function sumMismatchSentence(
  row: number,
  column: 'budget' | 'actual',
  stated: string,
  computed: string,
  diff: string,
  lang: Lang,
): string {
  const what = summaryText(column === 'budget' ? 'budgetWord' : 'actualWord', lang);
  return lang === 'zh'
    ? `第${row}行合计的${what}为${stated}，项目之和为${computed}，相差${diff}`
    : `Row ${row}: the total row states ${what} ${stated}, the projects add up to ${computed} (difference ${diff})`;
}

/** The pane's, the ribbon's and the command's language from a locale ("zh-CN", "zh_CN.UTF-8" → zh; else en). */
export function langFromLocale(locale: string | null | undefined): Lang {
  return (locale ?? '').trim().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// ---- in-year monitoring (双监控) -----------------------------------------------------------

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The months covered: "1–9月" / "Jan–Sep"; one month alone: "1月" / "Jan". */
export function monthSpan(month: number, lang: Lang): string {
  if (lang === 'zh') return month === 1 ? '1月' : `1–${month}月`;
  return month === 1 ? MONTHS_EN[0] : `${MONTHS_EN[0]}–${MONTHS_EN[month - 1]}`;
}

/** "1–9月 运行监控" / "Jan–Sep in-year monitoring". */
export function monitoringTitle(month: number, lang: Lang): string {
  return lang === 'zh' ? `${monthSpan(month, lang)} 运行监控` : `${monthSpan(month, lang)} in-year monitoring`;
}

const STATUS_LABELS: Record<MonitoringStatus, Record<Lang, string>> = {
  green: { zh: '绿灯', en: 'Green' },
  yellow: { zh: '黄灯', en: 'Yellow' },
  red: { zh: '红灯', en: 'Red' },
};

export function monitoringStatusLabel(status: MonitoringStatus, lang: Lang): string {
  return STATUS_LABELS[status][lang];
}

