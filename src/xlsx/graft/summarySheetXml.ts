// The summary sheet as worksheet XML, written directly: only the add-in's own sheet is written, the
// rest of the package is kept as it is (see graft.ts). Text is written as inline strings (t="inlineStr"):
// never read as a formula, and the workbook's shared string table is left untouched.
import { colLetter } from '../../engine/address';
import type { LayoutBlock, SummaryLayout, SummaryValue } from '../../engine/summary/summaryTypes';
import { xmlAttr, xmlNumber, xmlText } from './xmlText';

/** How a summary cell looks; turned into a cellXfs index by the style sheet (styleSheet.ts). */
export interface CellLook {
  numFmt: string;
  bold: boolean;
  size?: number;
}

export function lookKey(look: CellLook): string {
  return `${look.numFmt}|${look.bold ? 'b' : ''}|${look.size ?? ''}`;
}

interface Cell {
  col: number;
  value: SummaryValue;
  look: CellLook;
}

/** The project table as an Excel table: its name, header cells' names and range (header + project rows). */
export interface SummaryTable {
  name: string;
  columns: string[];
  ref: string;
}

export interface RenderedSummary {
  /** The worksheet part, in pieces (a large summary is one piece per block of rows). */
  sheet: Buffer[];
  /** The project table, when there are projects; its part is written by tableXml. */
  table: SummaryTable | null;
}

/** Excel table column names must be unique and non-empty. */
export function uniqueColumnNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.trim() || `Column${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${raw.trim() || 'Column'}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Title, block headings and the totals row are bold; the table header is bold text. */
function isBoldRow(block: LayoutBlock, sheetRow: number, layout: SummaryLayout): boolean {
  if (block.id === 'title') return true;
  if (block.id === 'table') return sheetRow === layout.table.totalsRow || sheetRow === layout.table.headerRow;
  return block.id !== 'info' && sheetRow === block.row;
}

/** The cells by 1-based row, each row's cells by column. The chart's data block is not written (no chart). */
function cellsByRow(layout: SummaryLayout, headerNames: string[] | null): Map<number, Cell[]> {
  const rows = new Map<number, Cell[]>();
  for (const block of layout.blocks) {
    if (block.id === 'chart') continue;
    block.values.forEach((values, r) => {
      const sheetRow = block.row + r;
      const isHeader = block.id === 'table' && sheetRow === layout.table.headerRow && headerNames !== null;
      const bold = isBoldRow(block, sheetRow, layout);
      const size = block.id === 'title' ? 14 : undefined;
      let line = rows.get(sheetRow + 1);
      if (!line) rows.set(sheetRow + 1, (line = []));
      values.forEach((value, c) => {
        const numFmt = isHeader ? '@' : (block.numberFormats[c] ?? 'General');
        line.push({ col: block.col + c + 1, value: isHeader ? (headerNames[c] ?? value) : value, look: { numFmt, bold, size } });
      });
    });
  }
  for (const line of rows.values()) line.sort((a, b) => a.col - b.col);
  return rows;
}

function cellXml(ref: string, value: SummaryValue, style: number): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (typeof value === 'number') {
    const v = xmlNumber(value);
    return v === null ? `<c r="${ref}"${s}/>` : `<c r="${ref}"${s}><v>${v}</v></c>`;
  }
  if (value === null || value === '') return `<c r="${ref}"${s}/>`;
  const text = xmlText(value);
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}
import type { PrintSetup } from '../../engine/summary/printSetup';
import { printSheetPr, printTail } from './printSetupXml';

export interface RenderInput {
  layout: SummaryLayout;
  /** The table's name, free in the workbook. */
  tableName: string;
  /** cellXfs index of a look (after styleSheet.ts added it). */
  styleOf: (look: CellLook) => number;
  /** Namespace of the relationship ids (r:id) in this package. */
  relNs: string;
  mainNs: string;
  /** Page setup of the sheet (landscape A4, one page wide …). */
  print?: PrintSetup;
}

/** Which looks the summary uses, so the style sheet can add them before the sheet is written. */
export function summaryLooks(layout: SummaryLayout): CellLook[] {
  const byKey = new Map<string, CellLook>();
  for (const line of cellsByRow(layout, layout.table.columns).values()) for (const cell of line) byKey.set(lookKey(cell.look), cell.look);
  return [...byKey.values()];
}

/** The table's range when it has projects: header row to last project row. */
function tableOf(layout: SummaryLayout, name: string): SummaryTable | null {
  const { table } = layout;
  if (table.columns.length === 0 || table.rowCount === 0 || !layout.blocks.some((b) => b.id === 'table')) return null;
  const first = `${colLetter(table.col + 1)}${table.headerRow + 1}`;
  const last = `${colLetter(table.col + table.columns.length)}${table.headerRow + 1 + table.rowCount}`;
  return { name, columns: uniqueColumnNames(table.columns), ref: `${first}:${last}` };
}

export function renderSummarySheet(input: RenderInput, tableRelId: string): RenderedSummary {
  const { layout } = input;
  const table = tableOf(layout, input.tableName);
  const headerNames = layout.table.columns.length > 0 && layout.blocks.some((b) => b.id === 'table') ? uniqueColumnNames(layout.table.columns) : null;
  const rows = cellsByRow(layout, headerNames);
  const pieces: Buffer[] = [];
  let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${xmlAttr(input.mainNs)}" xmlns:r="${xmlAttr(input.relNs)}">`;
  if (input.print) head += printSheetPr(input.print);
  if (layout.freezeRows > 0) {
    const top = `A${layout.freezeRows + 1}`;
    head += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${layout.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
  }
  const cols = layout.table.widths
    .map((width, i) => (Number.isFinite(width) && width > 0 ? `<col min="${layout.table.col + i + 1}" max="${layout.table.col + i + 1}" width="${width}" customWidth="1"/>` : ''))
    .join('');
  if (cols) head += `<cols>${cols}</cols>`;
  pieces.push(Buffer.from(head + '<sheetData>', 'utf8'));
  const looks = new Map<string, number>();
  const styleOf = (look: CellLook): number => {
    const key = lookKey(look);
    let s = looks.get(key);
    if (s === undefined) looks.set(key, (s = input.styleOf(look)));
    return s;
  };
  let chunk = '';
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    chunk += `<row r="${r}">`;
    for (const cell of rows.get(r) ?? []) chunk += cellXml(`${colLetter(cell.col)}${r}`, cell.value, styleOf(cell.look));
    chunk += '</row>';
    if (chunk.length > 1 << 16) {
      pieces.push(Buffer.from(chunk, 'utf8'));
      chunk = '';
    }
  }
  let tail = chunk + '</sheetData>';
  if (!table && headerNames) {
    const row = layout.table.headerRow + 1;
    tail += `<autoFilter ref="${colLetter(layout.table.col + 1)}${row}:${colLetter(layout.table.col + headerNames.length)}${row}"/>`;
  }
  if (input.print) tail += printTail(input.print);
  if (table) tail += `<tableParts count="1"><tablePart r:id="${xmlAttr(tableRelId)}"/></tableParts>`;
  pieces.push(Buffer.from(tail + '</worksheet>', 'utf8'));
  return { sheet: pieces, table };
}

/** The table part of the summary's project table. */
export function tableXml(table: SummaryTable, id: number, mainNs: string): string {
  const columns = table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${xmlAttr(name)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${xmlAttr(mainNs)}" id="${id}" name="${xmlAttr(table.name)}" displayName="${xmlAttr(table.name)}" ref="${table.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${table.ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
