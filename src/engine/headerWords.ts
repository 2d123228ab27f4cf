// Header words per role (from the synonym list in docs/domain.md) and the matching of one header text.
import { compactText } from './numbers';
import type { Role } from './types';

/** 'ignore' marks words that look like a role but name another column ("项目编码", "执行率得分"). */
export type HeaderRole = Role | 'ignore';

interface HeaderWord {
  word: string;
  /** Position in HEADER_WORDS: breaks ties between words of equal length. */
  order: number;
  role: HeaderRole;
  /** Confidence when the header is exactly this word; a header merely containing it gets less. */
  confidence: number;
}

const STRONG = 1;
const WEAK = 0.7;
const UNCERTAIN = 0.55;
const FALLBACK = 0.5;

function words(role: HeaderRole, confidence: number, list: string[]): HeaderWord[] {
  return list.map((w) => ({ word: compactText(w), role, confidence, order: 0 }));
}

const HEADER_WORDS: HeaderWord[] = [
  ...words('project', STRONG, ['项目名称', '项目', '预算项目', '项目全称', 'project', 'projectname']),
  ...words('budget', STRONG, [
    '全年预算数', '调整后预算数', '预算数', '年度预算数', '项目资金预算', '年度预算', '全年预算', '调整后预算',
    '预算安排数', '预算安排', 'budget',
    // English headers that contain the other role's word: the longest word decides.
    'expenditurebudget', 'spendingbudget', 'budgetamount', 'adjustedbudget', 'full-yearbudget',
  ]),
  ...words('budget', WEAK, ['预算', '预算金额', '预算资金', '批复金额', '批复数', '批复预算', '安排数']),
  ...words('budget', FALLBACK, ['年初预算数', '年初预算', '初始预算', 'initialbudget', 'originalbudget']),
  ...words('actual', STRONG, [
    '全年执行数', '预算执行数', '实际执行数', '执行数', '实际支出', '实际执行', 'actual', 'spent', 'expenditure',
    '实际支出数', '执行金额',
    'budgetspent', 'actualspend', 'actualspending', 'actualexpenditure', 'amountspent', 'budgetexecuted',
  ]),
  ...words('actual', WEAK, ['决算数', '支出数', '支出金额', '实际使用']),
  ...words('statedRate', STRONG, [
    '执行率', '预算执行率', '经费使用率', '使用率', '实际执行率', '资金执行率', 'usagerate', 'executionrate',
  ]),
  ...words('statedRate', WEAK, ['rate', '执行进度']),
  ...words('output', STRONG, ['产出指标', '产出绩效', '产出', 'output']),
  ...words('benefit', STRONG, ['效益指标', '效益绩效', '效益', 'benefit']),
  ...words('satisfaction', STRONG, ['满意度指标', '服务对象满意度', '满意度', 'satisfaction']),
  ...words('total', STRONG, ['总分', '总绩效', '自评得分', '得分合计', '综合评分', 'totalscore', 'score', '总得分', '自评分']),
  // Bare 得分 / Total may be the execution score or a total amount: found, but marked uncertain.
  ...words('total', UNCERTAIN, ['得分', '评分', 'total']),
  ...words('explanation', STRONG, [
    '偏差原因分析及改进措施', '偏差原因', '未完成原因分析', '原因', 'explanation', 'reason', '偏差原因分析',
  ]),
  ...words('explanation', WEAK, ['偏差说明', 'deviation']),
  ...words('ignore', STRONG, [
    '编码', '代码', '编号', '序号', '类别', '类型', '负责人', '单位', '预算单位', '单位名称', '项目单位', '实施单位',
    '主管部门', '科目', '预算科目', 'code', 'no.',
    '执行率得分', '预算执行得分', '预算执行率得分', '执行得分', 'executionscore', '权重', '分值', 'weight',
    'projectcode', 'projectno.', 'projectid', 'projectnumber', 'projecttype', 'projectowner',
  ]),
];

HEADER_WORDS.forEach((hw, i) => {
  hw.order = i;
});

/** Header words by their first character: a header is scanned once instead of once per word. */
const WORDS_BY_FIRST_CHAR = new Map<string, HeaderWord[]>();
for (const hw of HEADER_WORDS) {
  const list = WORDS_BY_FIRST_CHAR.get(hw.word[0]);
  if (list === undefined) WORDS_BY_FIRST_CHAR.set(hw.word[0], [hw]);
  else list.push(hw);
}

/** Bracketed parts ("(万元)", "(50分)") and a trailing unit are not part of the header word. */
const BRACKETED = /[([【〔<][^)\]】〕>]*[)\]】〕>]/g;
const TRAILING_UNIT = /[/:]?(?:单位[:]?)?(?:万元|千元|元)$/;

export interface HeaderMatch {
  role: HeaderRole;
  confidence: number;
}

const CONTAINED = 0.85;

/**
 * The role a header text names: the longest header word it contains wins, so "预算执行率" is a rate
 * (not budget), "预算执行数" an actual, "项目资金预算" a budget. On equal length 'ignore' wins.
 */
export function matchHeader(text: string): HeaderMatch | null {
  if (text === '') return null;
  const known = matchCache.get(text);
  if (known !== undefined) return known;
  const match = matchUncached(text);
  if (matchCache.size >= MATCH_CACHE_SIZE) matchCache.clear();
  matchCache.set(text, match);
  return match;
}

// Header detection looks at the same texts again for every candidate row and pair; a bounded cache
// keeps wide sheets (thousands of text columns) fast. Results are immutable values.
const MATCH_CACHE_SIZE = 20_000;
const matchCache = new Map<string, HeaderMatch | null>();

function matchUncached(text: string): HeaderMatch | null {
  const compact = compactText(text);
  if (compact === '' || compact.length > 40) return null;
  const core = compact.replace(BRACKETED, '').replace(TRAILING_UNIT, '') || compact;
  let best: HeaderWord | null = null;
  for (let i = 0; i < core.length; i++) {
    const candidates = WORDS_BY_FIRST_CHAR.get(core[i]);
    if (candidates === undefined) continue;
    for (const hw of candidates) {
      if (!core.startsWith(hw.word, i)) continue;
      if (isBetter(hw, best)) best = hw;
    }
  }
  if (best === null) return null;
  const exact = core === best.word;
  return Object.freeze({ role: best.role, confidence: exact ? best.confidence : best.confidence * CONTAINED });
}

/** Longer words win; on equal length 'ignore' wins, then the word earlier in the list. */
function isBetter(hw: HeaderWord, best: HeaderWord | null): boolean {
  if (best === null || hw.word.length > best.word.length) return true;
  if (hw.word.length < best.word.length) return false;
  const hwIgnore = hw.role === 'ignore';
  const bestIgnore = best.role === 'ignore';
  if (hwIgnore !== bestIgnore) return hwIgnore;
  return hw.order < best.order;
}

/** Scores are out of 100; a larger number in a heading is a year or a code, not a weight. */
const MAX_WEIGHT = 100;

const WEIGHT_PATTERNS = [
  /(\d+(?:\.\d+)?)分/,
  /(\d+(?:\.\d+)?)(?:pts?|points?|marks?)\b/,
  /(?:权重|满分|weight)[:=]?(\d+(?:\.\d+)?)/,
  /\((\d+(?:\.\d+)?)\)/, // "Output score (50)": a bare number in brackets after a score heading
];

/** The weight a header states: "产出指标(50分)" → 50. */
export function statedWeight(text: string): number | undefined {
  const compact = compactText(text);
  for (const p of WEIGHT_PATTERNS) {
    const m = p.exec(compact);
    if (m) {
      const w = Number(m[1]);
      if (Number.isFinite(w) && w > 0 && w <= MAX_WEIGHT) return w;
    }
  }
  return undefined;
}

// ---- self-evaluation forms (项目支出绩效自评表): labels, funds block, indicator block ----------------
// Words are compared after compactText, with bracketed parts ("(10分)", "（万元）") removed; the longest
// word a text contains decides, as for table headers. src/engine/forms/formWords.ts matches them.

/** Labels of a form's head and of its sections. */
export const FORM_LABEL_WORDS = {
  /** Where a form starts: the label with the project's name to its right. */
  projectName: ['项目名称', '项目全称', 'projectname'],
  department: ['主管部门', '主管部门及代码', '主管单位', '部门名称', 'department'],
  unitName: ['实施单位', '项目实施单位', '预算单位', '单位名称', 'implementingunit'],
  /** The funds block's own heading (项目资金（万元）, 预算执行情况(10分)): may state the execution weight. */
  fundsBlock: ['项目资金', '预算执行情况', '资金情况', '资金执行情况'],
  /** The indicator block's heading (绩效指标(90分)): may state the indicators' weight. */
  indicatorBlock: ['绩效指标', '绩效指标完成情况'],
  goal: ['年度总体目标', '年度目标完成情况', '总体目标', '年度目标'],
  goalExpected: ['预期目标', '年度预期目标'],
  goalAchieved: ['实际完成情况', '实际完成目标', '目标完成情况', '全年实际完成情况'],
  /** The final score row of the indicator block: 总分 (national) / 合计 (Sichuan). */
  totalRow: ['总分', '合计', '总计', '得分合计', '自评总分', '综合得分'],
  /** Rows after the indicators that close the block. */
  closing: ['评价结论', '存在问题', '改进措施', '项目负责人', '填表人', '说明', '备注', '注'],
} as const;

/** Column headers of the funds block, by what the column holds. */
export const FORM_FUNDS_WORDS = {
  budgetStart: ['年初预算数', '年初预算', '年初预算金额', '年初数', 'initialbudget'],
  budget: ['全年预算数', '调整后预算数', '调整后预算', '全年预算', '预算数', '年度预算数', 'budget'],
  actual: ['全年执行数', '预算执行数', '实际执行数', '执行数', '实际支出', 'actual'],
  rate: ['执行率', '预算执行率', '资金执行率', 'executionrate'],
  weight: ['分值', '权重', 'weight'],
  score: ['得分', 'score'],
  explanation: ['原因', '偏差原因', '原因分析', '未完成原因分析'],
} as const;

/** Row labels of the funds block: its total row; any other labelled row is a source row (其中：…). */
export const FORM_FUNDS_TOTAL_WORDS: readonly string[] = ['年度资金总额', '资金总额', '总额', '合计', '小计', '资金总计'];

/** Column headers of the indicator block. */
export const FORM_INDICATOR_WORDS = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称', '绩效指标名称'],
  direction: ['指标性质', '指标方向', '指标类型'],
  target: ['年度指标值', '指标值', '目标值', '年度目标值', '预期指标值', '计划值'],
  unit: ['度量单位', '计量单位', '单位'],
  actual: ['实际完成值', '完成值', '实际值', '全年实际值', '实际完成情况'],
  weight: ['分值', '权重'],
  score: ['得分', '自评得分'],
  explanation: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '未完成原因分析', '原因分析', '原因'],
} as const;

/** First-level indicator labels (产出指标(50分) …) and the component their scores add up to. */
export const FORM_GROUP_WORDS = {
  output: ['产出', '成本'],
  benefit: ['效益', '效果'],
  satisfaction: ['满意度', '满意'],
} as const;

/** 指标性质 words: what an indicator's direction is called in the 指标性质 column. */
export const FORM_DIRECTION_WORDS = {
  '≥': ['≥', '>=', '>', '正向', '正向指标', '大于等于', '不低于', '不少于'],
  '≤': ['≤', '<=', '<', '反向', '反向指标', '小于等于', '不高于', '不超过', '不多于'],
  '=': ['=', '等于', '等于指标'],
  定性: ['定性', '定性指标'],
} as const;
