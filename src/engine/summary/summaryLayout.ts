// Where everything goes on the summary sheet. Both renderers (Office JavaScript API and ExcelJS) write exactly
// these blocks with these number formats; they need nothing else. Every block is rectangular
// (null = empty cell) and blocks never overlap.
//
//   A1            title
//   (blank)
//   B..C          run information (label, value)
//   (blank)
//   A..           project table: header, one row per project, totals row
//   (blank)
//   B..C          grade distribution (heading, then label, count)
//   (blank)
//   A..D          flagged projects (heading, header, rows)
//   (blank)
//   A             sheet checks (heading, then one sentence per row)
//   right of the table, one blank column between: chart data (name, rate, low, high), then the chart.
import { summaryText } from '../messages';
import type { ColumnKind, LayoutBlock, SummaryLayout, SummaryModel, SummaryValue } from './summaryTypes';

const FORMATS: Record<ColumnKind, string> = {
  index: 'General',
  text: '@',
  amount: '0.00',
  rate: '0.00%',
  score: '0.0',
  grade: '@',
  status: '@',
};

/** Widths in characters: [minimum, maximum]; text columns grow with their content. */
const WIDTHS: Record<ColumnKind, [number, number]> = {
  index: [6, 8],
  text: [14, 50],
  amount: [12, 18],
  rate: [10, 14],
  score: [8, 12],
  grade: [6, 10],
  status: [12, 60],
};

const GAP = 1;
const CHART_DATA_COLUMNS = 4;

/** Excel counts a CJK character as two columns wide. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

function pad(row: SummaryValue[], width: number): SummaryValue[] {
  if (row.length === width) return row;
  const out = row.slice(0, width);
  while (out.length < width) out.push(null);
  return out;
}

function block(id: LayoutBlock['id'], row: number, col: number, rows: SummaryValue[][], numberFormats: string[]): LayoutBlock {
  const width = numberFormats.length;
  // Rows already of the right width are kept as they are: the table can hold a million rows.
  for (let i = 0; i < rows.length; i++) if (rows[i].length !== width) rows[i] = pad(rows[i], width);
  return { id, row, col, values: rows, numberFormats };
}

export function layoutSummary(model: SummaryModel): SummaryLayout {
  const none = summaryText('checksNone', model.lang);
  const blocks: LayoutBlock[] = [];

  blocks.push(block('title', 0, 0, [[model.title]], ['@']));

  const infoRow = 2;
  blocks.push(block('info', infoRow, 1, model.info.map((i) => [i.label, i.value]), ['@', '@']));

  const table = {
    headerRow: infoRow + model.info.length + GAP,
    col: 0,
    columns: model.columns.map((c) => c.label),
    rowCount: model.rows.length,
    totalsRow: 0,
    widths: [] as number[],
  };
  table.totalsRow = table.headerRow + 1 + table.rowCount;
  const tableFormats = model.columns.map((c) => FORMATS[c.kind]);
  const tableRows: SummaryValue[][] = new Array(model.rows.length + 2);
  tableRows[0] = table.columns;
  for (let i = 0; i < model.rows.length; i++) tableRows[i + 1] = model.rows[i];
  tableRows[model.rows.length + 1] = model.totalsRow;
  blocks.push(block('table', table.headerRow, table.col, tableRows, tableFormats));
  table.widths = model.columns.map((c, i) => {
    const [min, max] = WIDTHS[c.kind];
    let widest = displayWidth(c.label);
    if (c.kind === 'text' || c.kind === 'status') {
      for (const r of model.rows) {
        const v = r[i];
        // A text is at most twice its length wide: most rows are skipped without measuring.
        if (typeof v === 'string' && v.length * 2 > widest) widest = Math.max(widest, displayWidth(v));
        if (widest >= max) break;
      }
    }
    return Math.min(max, Math.max(min, widest + 2));
  });

  let next = table.totalsRow + 1 + GAP;
  const grades = model.gradeDistribution;
  blocks.push(block('grades', next, 1, [[grades.title], ...grades.rows.map((g) => [g.label, g.count])], ['@', 'General']));
  next += 1 + grades.rows.length + GAP;

  const flagged = model.flagged;
  const flaggedRows: SummaryValue[][] =
    flagged.rows.length > 0 ? flagged.rows.map((f) => [f.index, f.name, f.row, f.reasons]) : [[null, none]];
  blocks.push(block('flagged', next, 0, [[flagged.title], flagged.header, ...flaggedRows], ['General', '@', 'General', '@']));
  next += 2 + flaggedRows.length + GAP;

  const checkRows = model.checks.rows.length > 0 ? model.checks.rows : [none];
  blocks.push(block('checks', next, 0, [[model.checks.title], ...checkRows.map((s) => [s])], ['@']));
  next += 1 + checkRows.length + GAP;

  if (model.todo) {
    const todoRows: SummaryValue[][] = model.todo.rows.length > 0 ? model.todo.rows : [[null, none]];
    blocks.push(block('todo', next, 0, [[model.todo.title], model.todo.header, ...todoRows], model.todo.numberFormats));
  }

  const chart = model.chart;
  const dataRow = table.headerRow;
  const dataCol = table.col + table.columns.length + GAP;
  const chartHeader = [
    summaryText('colName', model.lang),
    chart.seriesName,
    chart.lowLabel ?? summaryText('chartLow', model.lang),
    chart.highLabel ?? summaryText('chartHigh', model.lang),
  ];
  const chartRows: SummaryValue[][] = new Array(chart.categories.length + 1);
  chartRows[0] = chartHeader;
  for (let i = 0; i < chart.categories.length; i++) {
    chartRows[i + 1] = [chart.categories[i], chart.rates[i] ?? null, chart.band.low, chart.band.high];
  }
  blocks.push(block('chart', dataRow, dataCol, chartRows, ['@', '0.00%', '0.00%', '0.00%']));

  return {
    sheetTitle: model.title,
    blocks,
    table,
    freezeRows: table.headerRow + 1,
    chart: {
      ...chart,
      dataRow,
      dataCol,
      anchorRow: dataRow,
      anchorCol: dataCol + CHART_DATA_COLUMNS + GAP,
    },
  };
}
