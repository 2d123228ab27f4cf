// The summary sheet's content, host-free: what each block says, in the officer's language.
// Numbers stay unrounded; the layout's number formats round them for display.
import { gradeLabel, monitoringStatusLabel, monitoringTitle, monthSpan, statusText, summaryText, sumMismatchSentence, type SummaryTextKey } from '../messages';
import { MONITORING_STATUSES } from '../monitoring';
import { catalogue, fill } from '../../text/catalogue';
import type { Evaluation, Lang, MonitoringBands, ProjectResult, Scheme } from '../types';
import { GRADES } from '../types';
import type { ColumnKind, SummaryColumn, SummaryModel, SummaryValue } from './summaryTypes';

interface ColumnSpec {
  key: string;
  label: SummaryTextKey;
  kind: ColumnKind;
  value: (p: ProjectResult, index: number, lang: Lang) => SummaryValue;
}

const INDEX: ColumnSpec = { key: 'index', label: 'colIndex', kind: 'index', value: (_p, i) => i + 1 };
const NAME: ColumnSpec = { key: 'name', label: 'colName', kind: 'text', value: (p) => p.name };
const BUDGET: ColumnSpec = { key: 'budget', label: 'colBudget', kind: 'amount', value: (p) => p.budget };
const ACTUAL: ColumnSpec = { key: 'actual', label: 'colActual', kind: 'amount', value: (p) => p.actual };
const RATE: ColumnSpec = { key: 'usageRate', label: 'colRate', kind: 'rate', value: (p) => p.usageRate };
const SCORE_COLUMNS: ColumnSpec[] = [
  { key: 'output', label: 'colOutput', kind: 'score', value: (p) => p.scores.output },
  { key: 'benefit', label: 'colBenefit', kind: 'score', value: (p) => p.scores.benefit },
  { key: 'satisfaction', label: 'colSatisfaction', kind: 'score', value: (p) => p.scores.satisfaction },
];
const EXECUTION: ColumnSpec = { key: 'execution', label: 'colExecution', kind: 'score', value: (p) => p.scores.execution };
const TOTAL: ColumnSpec = { key: 'total', label: 'colTotal', kind: 'score', value: (p) => p.scores.total };
const GRADE: ColumnSpec = {
  key: 'grade',
  label: 'colGrade',
  kind: 'grade',
  value: (p, _i, lang) => (p.grade === null ? null : gradeLabel(p.grade, lang)),
};
const PROGRESS: ColumnSpec = { key: 'progress', label: 'colProgress', kind: 'rate', value: (p) => p.monitoring?.progress ?? null };
const MONITORING: ColumnSpec = {
  key: 'monitoring',
  label: 'colMonitoring',
  kind: 'grade',
  value: (p, _i, lang) => (p.monitoring ? monitoringStatusLabel(p.monitoring.status, lang) : null),
};
const STATUS: ColumnSpec = { key: 'status', label: 'colStatus', kind: 'status', value: (p, _i, lang) => statusText(p.flags, lang) };

/** Up to four decimals, no trailing zeros: 918.4, 918.45. */
function formatNumber(x: number): string {
  const r = Math.round(x * 1e4) / 1e4;
  return String(Object.is(r, -0) ? 0 : r);
}

/** 0.9 → "90%", 0.955 → "95.5%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(Math.round(fraction * 1e4) / 100)}%`;
}

/** Local time as yyyy-mm-dd HH:MM. */
export function formatTime(time: Date): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${p2(time.getMonth() + 1)}-${p2(time.getDate())} ${p2(time.getHours())}:${p2(time.getMinutes())}`;
}

function pickColumns(evaluation: Evaluation, scheme: Scheme): ColumnSpec[] {
  const projects = evaluation.projects;
  const some = (spec: ColumnSpec): boolean => projects.some((p, i) => spec.value(p, i, 'en') !== null);
  const columns = [INDEX, NAME, BUDGET, ACTUAL, RATE];
  if (evaluation.monitoring) columns.push(PROGRESS, MONITORING);
  for (const spec of SCORE_COLUMNS) if (some(spec)) columns.push(spec);
  if (scheme.execution !== null || some(EXECUTION)) columns.push(EXECUTION);
  if (some(TOTAL)) columns.push(TOTAL, GRADE);
  columns.push(STATUS);
  return columns;
}

export function buildSummary(evaluation: Evaluation, scheme: Scheme, lang: Lang, run: { time: Date }): SummaryModel {
  const t = (key: SummaryTextKey): string => summaryText(key, lang);
  const specs = pickColumns(evaluation, scheme);
  const unitSuffix = evaluation.unit ? fill(catalogue(lang).engine.words.unitSuffix, { unit: evaluation.unit }) : '';
  const columns: SummaryColumn[] = specs.map((s) => ({
    key: s.key,
    label: s.kind === 'amount' ? t(s.label) + unitSuffix : t(s.label),
    kind: s.kind,
  }));

  const rows = evaluation.projects.map((p, i) => specs.map((s) => s.value(p, i, lang)));
  const totals = evaluation.totals;
  const totalsRow: SummaryValue[] = specs.map((s) => {
    switch (s.key) {
      case 'name':
        return t('totalsLabel');
      case 'budget':
        return totals.budget;
      case 'actual':
        return totals.actual;
      case 'usageRate':
        return totals.usageRate;
      default:
        return null;
    }
  });

  const band = evaluation.band;
  const monitoring = evaluation.monitoring;
  const bandInfo = monitoring
    ? [
        {
          label: t('infoMonth'),
          value: fill(catalogue(lang).engine.words.timeElapsed, { span: monthSpan(monitoring.month, lang), share: formatPercent(monitoring.timeShare) }),
        },
        { label: t('infoMonitoringBands'), value: monitoringBandsText(monitoring.bands, lang) },
      ]
    : [{ label: t('infoBand'), value: `${formatPercent(band.low)} – ${formatPercent(band.high)}` }];
  const info = [
    { label: t('infoSheet'), value: evaluation.sheet },
    { label: t('infoHeaderRow'), value: String(evaluation.headerRow) },
    { label: t('infoScheme'), value: scheme.name[lang] },
    ...bandInfo,
    { label: t('infoUnit'), value: evaluation.unit ?? t('unitUnknown') },
    { label: t('infoTime'), value: formatTime(run.time) },
  ];

  const gradeRows = GRADES.map((g) => ({ label: gradeLabel(g, lang), count: evaluation.grades[g] }));
  const ungraded = evaluation.projects.length - GRADES.reduce((n, g) => n + evaluation.grades[g], 0);
  if (ungraded > 0 && columns.some((c) => c.key === 'total')) gradeRows.push({ label: t('gradeNone'), count: ungraded });
  const distribution = monitoring ? monitoringDistribution(evaluation, lang) : { title: t('gradesTitle'), rows: gradeRows };

  const flaggedRows: SummaryModel['flagged']['rows'] = [];
  evaluation.projects.forEach((p, i) => {
    if (p.flags.length > 0) flaggedRows.push({ index: i + 1, name: p.name, row: p.row, reasons: statusText(p.flags, lang) });
  });

  const checks = evaluation.checks.map((c) =>
    sumMismatchSentence(c.row, c.column, formatNumber(c.stated), formatNumber(c.computed), formatNumber(Math.abs(c.stated - c.computed)), lang),
  );

  return {
    lang,
    title: monitoring ? `${monitoringTitle(monitoring.month, lang)} — ${t('monitoringTail')}` : t('title'),
    info,
    columns,
    rows,
    totalsRow,
    gradeDistribution: distribution,
    flagged: {
      title: t('flaggedTitle'),
      header: [t('colIndex'), t('colName'), t('flaggedRow'), t('flaggedReasons')],
      rows: flaggedRows,
    },
    checks: { title: t('checksTitle'), rows: checks },
    chart: {
      title: t('chartTitle'),
      categories: evaluation.projects.map((p) => p.name),
      rates: evaluation.projects.map((p) => p.usageRate),
      // Monitoring: the rates a project needs this month to leave red and to be green.
      band: monitoring
        ? { low: monitoring.bands.yellow * monitoring.timeShare, high: monitoring.bands.green * monitoring.timeShare }
        : { low: band.low, high: band.high },
      seriesName: t('colRate'),
      ...(monitoring ? { lowLabel: t('chartRedLine'), highLabel: t('chartGreenLine') } : {}),
    },
  };
}

/** "绿灯 ≥80%，黄灯 60%–80%，红灯 <60%（执行率 ÷ 时间进度）". */
export function monitoringBandsText(bands: MonitoringBands, lang: Lang): string {
  const g = formatPercent(bands.green);
  const y = formatPercent(bands.yellow);
  return fill(catalogue(lang).engine.words.monitoringBands, { green: g, yellow: y });
}

function monitoringDistribution(evaluation: Evaluation, lang: Lang): SummaryModel['gradeDistribution'] {
  const counts = evaluation.monitoring?.counts ?? { green: 0, yellow: 0, red: 0 };
  const rows = MONITORING_STATUSES.map((s) => ({ label: monitoringStatusLabel(s, lang), count: counts[s] }));
  const none = evaluation.projects.length - rows.reduce((n, r) => n + r.count, 0);
  if (none > 0) rows.push({ label: summaryText('monitoringNone', lang), count: none });
  return { title: summaryText('monitoringTitleCounts', lang), rows };
}
