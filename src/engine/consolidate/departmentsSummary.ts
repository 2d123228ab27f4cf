// The departments view as a summary sheet (the pane's "汇总各部门 / Consolidate sheets"): one row per
// department with its projects, Σ budget, Σ actual, fund-weighted rate and where it stands against the
// band (or, with a monitoring month, its progress and status); the totals; the grade (or monitoring)
// distribution; every flagged project with its sheet and row; the sheets that could not be evaluated;
// a chart of the departments' rates against the band. Laid out and written like any summary.
import type { Consolidation } from './consolidate';
import { bandPosition } from './consolidateViews';
import { viewText } from './consolidateViewText';
import { gradeLabel, monitoringStatusLabel, monitoringTitle, monthSpan, statusText, summaryText } from '../messages';
import { monitor, monitoringBands, MONITORING_STATUSES, timeShare } from '../monitoring';
import { formatPercent, formatTime, monitoringBandsText } from '../summary/summary';
import { catalogue, fill } from '../../text/catalogue';
import type { SummaryColumn, SummaryModel, SummaryValue } from '../summary/summaryTypes';
import { GRADES, type Lang, type RateBand, type Scheme } from '../types';

export const DEPARTMENTS_SHEET: Record<Lang, string> = { zh: catalogue('zh').engine.sheets.departments, en: catalogue('en').engine.sheets.departments };

export function buildDepartmentsSummary(c: Consolidation, scheme: Scheme, band: RateBand, lang: Lang, run: { time: Date; month?: number }): SummaryModel {
  const t = (key: Parameters<typeof summaryText>[0]): string => summaryText(key, lang);
  const v = (key: Parameters<typeof viewText>[0]): string => viewText(key, lang);
  const month = run.month;
  const bands = monitoringBands(scheme);
  const columns: SummaryColumn[] = [
    { key: 'index', label: t('colIndex'), kind: 'index' },
    { key: 'name', label: v('department'), kind: 'text' },
    { key: 'projects', label: v('projects'), kind: 'index' },
    { key: 'budget', label: t('colBudget'), kind: 'amount' },
    { key: 'actual', label: t('colActual'), kind: 'amount' },
    { key: 'usageRate', label: t('colRate'), kind: 'rate' },
    ...(month !== undefined
      ? [
          { key: 'progress', label: t('colProgress'), kind: 'rate' as const },
          { key: 'monitoring', label: t('colMonitoring'), kind: 'status' as const },
        ]
      : [{ key: 'band', label: v('bandPosition'), kind: 'status' as const }]),
    { key: 'flagged', label: v('flagged'), kind: 'index' },
  ];
  const rows: SummaryValue[][] = c.departments.map((d, i) => {
    const m = month !== undefined ? monitor(d.usageRate, month, bands) : null;
    return [
      i + 1,
      d.name,
      d.projects,
      d.budget,
      d.actual,
      d.usageRate,
      ...(month !== undefined ? [m?.progress ?? null, m ? monitoringStatusLabel(m.status, lang) : ''] : [bandPosition(d.usageRate, band, lang)]),
      d.flagged,
    ];
  });
  const totalsRow: SummaryValue[] = columns.map((col) => {
    switch (col.key) {
      case 'name':
        return t('totalsLabel');
      case 'projects':
        return c.totals.projects;
      case 'budget':
        return c.totals.budget;
      case 'actual':
        return c.totals.actual;
      case 'usageRate':
        return c.totals.usageRate;
      case 'flagged':
        return c.totals.flagged;
      default:
        return null;
    }
  });
  const distribution: SummaryModel['gradeDistribution'] =
    month !== undefined
      ? {
          title: t('monitoringTitleCounts'),
          rows: MONITORING_STATUSES.map((s) => ({ label: monitoringStatusLabel(s, lang), count: c.departments.reduce((n, d) => n + (d.monitoring?.[s] ?? 0), 0) })),
        }
      : { title: t('gradesTitle'), rows: GRADES.map((g) => ({ label: gradeLabel(g, lang), count: c.departments.reduce((n, d) => n + d.grades[g], 0) })) };
  const flaggedRows: SummaryModel['flagged']['rows'] = [];
  for (const p of c.projects) {
    if (p.project.flags.length === 0) continue;
    flaggedRows.push({ index: flaggedRows.length + 1, name: `${p.department} · ${p.project.name}`, row: p.project.row, reasons: statusText(p.project.flags, lang) });
  }
  const share = month !== undefined ? timeShare(month) : null;
  const bandInfo =
    month !== undefined && share !== null
      ? [
          { label: t('infoMonth'), value: fill(catalogue(lang).engine.words.timeElapsed, { span: monthSpan(month, lang), share: formatPercent(share) }) },
          { label: t('infoMonitoringBands'), value: monitoringBandsText(bands, lang) },
        ]
      : [{ label: t('infoBand'), value: `${formatPercent(band.low)} – ${formatPercent(band.high)}` }];
  const base = v('titleDepartments');
  return {
    lang,
    title: month !== undefined ? `${monitoringTitle(month, lang)} — ${base}` : base,
    info: [
      { label: v('department'), value: String(c.totals.departments) },
      { label: t('infoScheme'), value: scheme.name[lang] },
      ...bandInfo,
      { label: t('infoTime'), value: formatTime(run.time) },
    ],
    columns,
    rows,
    totalsRow,
    gradeDistribution: distribution,
    flagged: { title: t('flaggedTitle'), header: [t('colIndex'), t('colName'), t('flaggedRow'), t('flaggedReasons')], rows: flaggedRows },
    checks: { title: v('titleFailures'), rows: c.failures.map((f) => `${f.file}: ${f.message}`) },
    chart: {
      title: v(share === null ? 'chartTitle' : 'chartTitleMonitoring'),
      categories: c.departments.map((d) => d.name),
      rates: c.departments.map((d) => d.usageRate),
      band: share === null ? { low: band.low, high: band.high } : { low: bands.yellow * share, high: bands.green * share },
      seriesName: t('colRate'),
      ...(share === null ? {} : { lowLabel: t('chartRedLine'), highLabel: t('chartGreenLine') }),
    },
  };
}
