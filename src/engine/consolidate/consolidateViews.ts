// The consolidated workbook's sheets as data, host-free: departments, all projects with their source,
// the flagged indicators of forms, the workbooks that could not be read. The writer
// (src/xlsx/consolidatedBook.ts) lays each view out as an Excel table; the strings are in
// consolidateViewText.ts. With a monitoring month the views show the monitoring status and say so.
import type { Consolidation } from './consolidate';
import { viewText, type ViewTextKey } from './consolidateViewText';
import { EDGE_EPS } from '../score';
import { formStatusText, indicatorReasons } from '../forms/formMessages';
import { gradeLabel, monitoringStatusLabel, monitoringTitle } from '../messages';
import { monitor } from '../monitoring';
import type { CellValue, Lang, MonitoringBands, RateBand } from '../types';
import { FLAGS, GRADES } from '../types';
import { statusText } from '../messages';

export type ViewColumnKind = 'text' | 'count' | 'money' | 'percent' | 'score';

export interface ViewColumn {
  header: string;
  kind: ViewColumnKind;
  /** Characters. */
  width: number;
}

export interface ConsolidatedView {
  key: 'departments' | 'projects' | 'indicators' | 'failures';
  sheet: string;
  /** The Excel table's name (ASCII, unique in the workbook). */
  table: string;
  title: string;
  columns: ViewColumn[];
  rows: CellValue[][];
}

export interface ViewOptions {
  lang: Lang;
  band: RateBand;
  /** In-year monitoring: the month and the scheme's bands. */
  monitoring?: { month: number; bands: MonitoringBands };
  /** How a file is named in the views (relative to where the command ran). */
  fileName: (file: string) => string;
}

function col(key: ViewTextKey, kind: ViewColumnKind, width: number, lang: Lang): ViewColumn {
  return { header: viewText(key, lang), kind, width };
}

/** Budget, actual and usage rate: the same three columns in the departments and projects views. */
function amountColumns(lang: Lang): ViewColumn[] {
  return [col('budget', 'money', 14, lang), col('actual', 'money', 14, lang), col('rate', 'percent', 12, lang)];
}

/** Where the rate stands against the band: below, within, above. */
export function bandPosition(rate: number | null, band: RateBand, lang: Lang): string {
  if (rate === null) return '';
  if (rate < band.low - EDGE_EPS) return viewText('belowBand', lang);
  if (rate > band.high + EDGE_EPS) return viewText('aboveBand', lang);
  return viewText('withinBand', lang);
}

function titled(key: ViewTextKey, o: ViewOptions): string {
  const base = viewText(key, o.lang);
  return o.monitoring ? `${monitoringTitle(o.monitoring.month, o.lang)} — ${base}` : base;
}

function departmentsView(c: Consolidation, o: ViewOptions): ConsolidatedView {
  const { lang } = o;
  const m = o.monitoring;
  const columns: ViewColumn[] = [
    col('department', 'text', 28, lang),
    col('files', 'count', 8, lang),
    col('projects', 'count', 8, lang),
    ...amountColumns(lang),
    m ? col('progress', 'percent', 12, lang) : col('bandPosition', 'text', 12, lang),
    ...(m ? [col('status', 'text', 10, lang), col('green', 'count', 8, lang), col('yellow', 'count', 8, lang), col('red', 'count', 8, lang)] : []),
    ...GRADES.map((g) => ({ header: gradeLabel(g, lang), kind: 'count' as const, width: 8 })),
    col('flagged', 'count', 10, lang),
    col('checks', 'count', 10, lang),
  ];
  const rows = c.departments.map((d) => {
    const mon = m ? monitor(d.usageRate, m.month, m.bands) : null;
    return [
      d.name,
      d.files,
      d.projects,
      d.budget,
      d.actual,
      d.usageRate,
      m ? (mon?.progress ?? null) : bandPosition(d.usageRate, o.band, lang),
      ...(m ? [mon ? monitoringStatusLabel(mon.status, lang) : '', d.monitoring?.green ?? 0, d.monitoring?.yellow ?? 0, d.monitoring?.red ?? 0] : []),
      ...GRADES.map((g) => d.grades[g]),
      d.flagged,
      d.checks,
    ];
  });
  return { key: 'departments', sheet: viewText('sheetDepartments', lang), table: 'Departments', title: titled('titleDepartments', o), columns, rows };
}

function projectsView(c: Consolidation, o: ViewOptions): ConsolidatedView {
  const { lang } = o;
  const m = o.monitoring;
  const columns: ViewColumn[] = [
    col('department', 'text', 24, lang),
    col('project', 'text', 36, lang),
    ...amountColumns(lang),
    ...(m ? [col('progress', 'percent', 12, lang), col('status', 'text', 10, lang)] : []),
    col('total', 'score', 10, lang),
    col('grade', 'text', 8, lang),
    col('issues', 'text', 36, lang),
    col('file', 'text', 30, lang),
    col('sheet', 'text', 16, lang),
    col('row', 'count', 8, lang),
  ];
  const rows = c.projects.map(({ department, file, sheet, project: p, form }) => [
    department,
    p.name,
    p.budget,
    p.actual,
    p.usageRate,
    ...(m ? [p.monitoring?.progress ?? null, p.monitoring ? monitoringStatusLabel(p.monitoring.status, lang) : ''] : []),
    p.scores.total,
    p.grade ? gradeLabel(p.grade, lang) : '',
    // A form's own flags (weights_mismatch …) beside the rate flags, which follow the monitoring month.
    form ? formStatusText([...p.flags, ...form.flags.filter((f) => !(FLAGS as readonly string[]).includes(f))], lang) : statusText(p.flags, lang),
    o.fileName(file),
    sheet,
    p.row,
  ]);
  return { key: 'projects', sheet: viewText('sheetProjects', lang), table: 'Projects', title: titled('titleProjects', o), columns, rows };
}

function indicatorsView(c: Consolidation, o: ViewOptions): ConsolidatedView {
  const { lang } = o;
  const columns: ViewColumn[] = [
    col('department', 'text', 24, lang),
    col('project', 'text', 30, lang),
    col('level1', 'text', 14, lang),
    col('level2', 'text', 14, lang),
    col('indicator', 'text', 24, lang),
    col('target', 'text', 14, lang),
    col('achieved', 'text', 14, lang),
    col('weight', 'score', 8, lang),
    col('statedScore', 'score', 8, lang),
    col('score', 'score', 8, lang),
    col('issues', 'text', 30, lang),
    col('explanation', 'text', 30, lang),
    col('file', 'text', 30, lang),
    col('sheet', 'text', 16, lang),
    col('row', 'count', 8, lang),
  ];
  const rows: CellValue[][] = [];
  for (const { department, file, form } of c.projects) {
    if (!form) continue;
    for (const i of form.indicators) {
      if (i.flags.length === 0) continue;
      rows.push([department, form.name, i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.statedScore, i.score, indicatorReasons(i.flags, lang), i.explanation ?? '', o.fileName(file), form.sheet, i.row]);
    }
  }
  return { key: 'indicators', sheet: viewText('sheetIndicators', lang), table: 'FlaggedIndicators', title: viewText('titleIndicators', lang), columns, rows };
}

function failuresView(c: Consolidation, o: ViewOptions): ConsolidatedView {
  const { lang } = o;
  return {
    key: 'failures',
    sheet: viewText('sheetFailures', lang),
    table: 'Unreadable',
    title: viewText('titleFailures', lang),
    columns: [col('file', 'text', 48, lang), col('reason', 'text', 60, lang)],
    rows: c.failures.map((f) => [o.fileName(f.file), f.message]),
  };
}

export function consolidatedViews(c: Consolidation, o: ViewOptions): ConsolidatedView[] {
  return [departmentsView(c, o), projectsView(c, o), indicatorsView(c, o), failuresView(c, o)];
}
