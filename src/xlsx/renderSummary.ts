// Renders the host-free SummaryLayout onto an ExcelJS worksheet.
import type { Style, Workbook, Worksheet } from 'exceljs';
import type { LayoutBlock, SummaryLayout, SummaryValue } from '../engine/summaryTypes';
import { colLetter } from '../engine/address';
import type { DeferredRows } from './bulkRows';
import { storableText } from './cellText';
import { freeTableName } from '../engine/sheetNames';

/** One shared style object per look: ExcelJS recognises a style object it has seen and skips the work. */
class StyleCache {
  private readonly byKey = new Map<string, Partial<Style>>();

  get(numFmt: string, bold = false, size?: number): Partial<Style> {
    const key = `${numFmt}|${bold ? 'b' : ''}|${size ?? ''}`;
    let style = this.byKey.get(key);
    if (!style) {
      style = { numFmt };
      if (bold || size) style.font = { bold, ...(size ? { size } : {}) };
      this.byKey.set(key, style);
    }
    return style;
  }
}

export interface RenderOptions {
  /**
   * Blocks with more data rows than this are written through ExcelJS up to their first data row; the
   * rest is returned as deferred rows for saveAs to insert (see bulkRows.ts). Infinity: write everything.
   */
  bulkRowsAbove?: number;
}

export interface RenderResult {
  deferred: DeferredRows[];
  table: { name: string; ref: string } | null;
}

/** Text cells are written as plain strings under '@': ExcelJS never turns a string into a formula. */
function cellValue(v: SummaryValue): string | number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v === '' || v === null ? null : storableText(v);
}

/** Title, block headings and the totals row are bold; the table header gets its look from the table style. */
function isBoldRow(block: LayoutBlock, sheetRow: number, layout: SummaryLayout): boolean {
  if (block.id === 'title') return true;
  if (block.id === 'table') return sheetRow === layout.table.totalsRow || sheetRow === layout.table.headerRow;
  return block.id !== 'info' && sheetRow === block.row;
}

/** Index range [from, to) of a block's data rows that may be deferred: project rows, flagged rows. */
function dataRows(block: LayoutBlock, layout: SummaryLayout): [number, number] | null {
  if (block.id === 'table') return [layout.table.headerRow - block.row + 1, layout.table.headerRow - block.row + 1 + layout.table.rowCount];
  if (block.id === 'flagged') return [2, block.values.length];
  return null;
}

function writeBlock(sheet: Worksheet, block: LayoutBlock, layout: SummaryLayout, styles: StyleCache, bulkAbove: number, deferred: DeferredRows[]): void {
  const range = dataRows(block, layout);
  const defer = range !== null && range[1] - range[0] > bulkAbove;
  const later: DeferredRows = { styleRow: block.row + (range?.[0] ?? 0) + 1, col: block.col + 1, rows: [] };
  block.values.forEach((rowValues, r) => {
    const sheetRow = block.row + r;
    if (defer && range && r > range[0] && r < range[1]) {
      later.rows.push({ row: sheetRow + 1, values: rowValues });
      return;
    }
    const row = sheet.getRow(sheetRow + 1);
    const bold = isBoldRow(block, sheetRow, layout);
    const size = block.id === 'title' ? 14 : undefined;
    rowValues.forEach((value, c) => {
      const cell = row.getCell(block.col + c + 1);
      cell.value = cellValue(value);
      cell.style = styles.get(block.numberFormats[c] ?? 'General', bold, size);
    });
  });
  if (later.rows.length > 0) deferred.push(later);
}

/** Table names are workbook-wide; a copy of an evaluated copy must not collide with the first summary's table. */
/** Every table name of the workbook: table names are unique across all its sheets. */
function tableNames(workbook: Workbook): string[] {
  return workbook.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {}));
}

/** Excel table column names must be unique and non-empty. */
function uniqueColumnNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.trim() || `Column${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${raw.trim() || 'Column'}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function addProjectTable(sheet: Worksheet, layout: SummaryLayout, styles: StyleCache, deferring: boolean): RenderResult['table'] {
  const { table } = layout;
  const block = layout.blocks.find((b) => b.id === 'table');
  if (!block || table.columns.length === 0) return null;
  const offset = table.headerRow - block.row;
  const columns = uniqueColumnNames(table.columns);
  if (table.rowCount === 0) {
    sheet.autoFilter = {
      from: { row: table.headerRow + 1, column: table.col + 1 },
      to: { row: table.headerRow + 1, column: table.col + columns.length },
    };
    return null;
  }
  // When the project rows are deferred, the table is declared over its first row and stretched on save.
  const rowCount = deferring ? 1 : table.rowCount;
  const rows = block.values.slice(offset + 1, offset + 1 + rowCount).map((r) => r.map(cellValue));
  const name = freeTableName(tableNames(sheet.workbook), 'EvaluationSummary');
  sheet.addTable({
    name,
    ref: `${colLetter(table.col + 1)}${table.headerRow + 1}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: columns.map((n) => ({ name: n, filterButton: true })),
    rows,
  });
  // addTable rewrites the header and data cells; put the formats back with the shared styles.
  const headerRow = sheet.getRow(table.headerRow + 1);
  columns.forEach((_, c) => (headerRow.getCell(table.col + c + 1).style = styles.get('@', true)));
  for (let r = 0; r < rows.length; r++) {
    const row = sheet.getRow(table.headerRow + 2 + r);
    for (let c = 0; c < columns.length; c++) {
      row.getCell(table.col + c + 1).style = styles.get(block.numberFormats[c] ?? 'General');
    }
  }
  // Addresses computed, not taken from getCell: that would create the cells of rows still deferred.
  const topLeft = `${colLetter(table.col + 1)}${table.headerRow + 1}`;
  const bottomRight = `${colLetter(table.col + columns.length)}${table.headerRow + 1 + table.rowCount}`;
  return { name, ref: `${topLeft}:${bottomRight}` };
}

export function renderSummary(sheet: Worksheet, layout: SummaryLayout, options: RenderOptions = {}): RenderResult {
  const bulkAbove = options.bulkRowsAbove ?? Infinity;
  const styles = new StyleCache();
  const deferred: DeferredRows[] = [];
  // ExcelJS cannot draw charts; the chart's data block alone would only repeat the table beside it.
  for (const block of layout.blocks) if (block.id !== 'chart') writeBlock(sheet, block, layout, styles, bulkAbove, deferred);
  const table = addProjectTable(sheet, layout, styles, layout.table.rowCount > bulkAbove);
  layout.table.widths.forEach((width, i) => {
    if (Number.isFinite(width) && width > 0) sheet.getColumn(layout.table.col + i + 1).width = width;
  });
  if (layout.freezeRows > 0) sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.freezeRows }];
  return { deferred, table };
}
