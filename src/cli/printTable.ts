// The readable output without --json: a plain text table that lines up Chinese and Latin text.
import type { Evaluation, Lang, ProjectResult } from '../engine/types';
import { flagLabel, gradeLabel, monitoringStatusLabel, monitoringTitle } from '../engine/messages';
import { monitoringBandsText } from '../engine/summary/summary';
import { catalogue } from '../text/catalogue';
import { cliText, type CliTextKey } from './messages';
import { visible } from './consoleText';
import { rateCell } from './rateCell';

/** Columns a character takes in a terminal: CJK and full-width forms take two. */
function charWidth(code: number): number {
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function formatTable(header: string[], rows: string[][], rightAligned: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: string[]): string => cells.map((cell, c) => pad(cell, widths[c], rightAligned[c])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function amount(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : v.toFixed(2);
}

export function percent(v: number | null, lang: Lang): string {
  return v === null || !Number.isFinite(v) ? cliText('noRate', lang) : `${(v * 100).toFixed(2)}%`;
}

export function score(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : String(Math.round(v * 100) / 100);
}

/** Names are cut so one long project name does not push the table off the screen. */
function shortName(name: string, max = 40): string {
  if (displayWidth(name) <= max) return name;
  let out = '';
  let width = 0;
  for (const ch of name) {
    width += charWidth(ch.codePointAt(0) ?? 0);
    if (width > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function renderReadable(evaluation: Evaluation, schemeName: string, lang: Lang): string[] {
  const t = (k: CliTextKey, v?: Record<string, string | number>): string => cliText(k, lang, v);
  const lines: string[] = [];
  const monitoring = evaluation.monitoring;
  const where = {
    sheet: visible(evaluation.sheet),
    headerRow: evaluation.headerRow,
    unit: evaluation.unit ?? t('unitNone'),
    scheme: visible(schemeName),
    low: percent(evaluation.band.low, lang),
    high: percent(evaluation.band.high, lang),
  };
  if (monitoring) {
    lines.push(
      t('sheetLineMonitoring', where),
      t('monitoringLine', {
        title: monitoringTitle(monitoring.month, lang),
        share: percent(monitoring.timeShare, lang),
        bands: monitoringBandsText(monitoring.bands, lang),
      }),
      '',
    );
  } else {
    lines.push(t('sheetLine', where), '');
  }
  const light = (p: ProjectResult): string[] =>
    monitoring ? [p.monitoring ? percent(p.monitoring.progress, lang) : '—', p.monitoring ? monitoringStatusLabel(p.monitoring.status, lang) : '—'] : [];
  const header = [
    t('colNo'),
    t('colRow'),
    t('colName'),
    t('colBudget'),
    t('colActual'),
    t('colRate'),
    ...(monitoring ? [t('colProgress'), t('colLight')] : []),
    t('colTotal'),
    t('colGrade'),
    t('colFlags'),
  ];
  const rows = evaluation.projects.map((p, i) => [
    String(i + 1),
    String(p.row),
    shortName(visible(p.name)),
    amount(p.budget),
    amount(p.actual),
    rateCell(p, lang),
    ...light(p),
    score(p.scores.total),
    p.grade ? gradeLabel(p.grade, lang) : '—',
    p.flags.length ? p.flags.map((f) => flagLabel(f, lang)).join(catalogue(lang).engine.words.itemSep) : t('ok'),
  ]);
  const align = [true, true, false, true, true, true, ...(monitoring ? [true, false] : []), true, false, false];
  lines.push(...formatTable(header, rows, align), '');
  const { totals, grades } = evaluation;
  lines.push(
    t('totalsLine', {
      projects: totals.projects,
      budget: amount(totals.budget),
      actual: amount(totals.actual),
      rate: percent(totals.usageRate, lang),
      flagged: totals.flagged,
    }),
    t('gradesLine', { ...grades }),
  );
  if (monitoring) lines.push(t('monitoringCounts', { ...monitoring.counts }));
  for (const c of evaluation.checks) {
    lines.push(
      t('checkLine', {
        row: c.row,
        column: t(c.column === 'budget' ? 'budgetWord' : 'actualWord'),
        stated: amount(c.stated),
        computed: amount(c.computed),
      }),
    );
  }
  return lines;
}
