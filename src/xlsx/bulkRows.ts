// Large summaries: ExcelJS builds an object per cell and takes longer to write the summary than the
// whole source sheet. Above a threshold, renderSummary writes the first row of each long block through
// ExcelJS and defers the rest; saveAs then inserts the deferred rows as plain XML next to that row,
// with that row's cell styles, and stretches the table's range. Everything else stays ExcelJS's output.
import JSZip from 'jszip';
import type { SummaryValue } from '../engine/summaryTypes';

export interface DeferredRows {
  /** 1-based sheet row written by ExcelJS whose cell styles the deferred rows take; they follow it directly. */
  styleRow: number;
  /** 1-based column of the first value. */
  col: number;
  rows: { row: number; values: SummaryValue[] }[];
}

export interface BulkPatch {
  /** ExcelJS writes a worksheet to xl/worksheets/sheet{id}.xml. */
  sheetId: number;
  deferred: DeferredRows[];
  /** The summary table, whose range ExcelJS wrote over its first data row only. */
  table: { name: string; ref: string } | null;
}

export function columnLetters(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

// Characters XML 1.0 does not allow at all.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Text is an inline string: it can never be read as a formula, whatever it begins with. */
function cellXml(ref: string, value: SummaryValue, style: string | undefined): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'string' && value !== '') {
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  }
  return '';
}

/** Style index per column letter of one <row> element. */
function rowStyles(rowXml: string): Map<string, string> {
  const styles = new Map<string, string>();
  const cell = /<c r="([A-Z]+)\d+"([^>]*?)\/?>/g;
  for (let m = cell.exec(rowXml); m !== null; m = cell.exec(rowXml)) {
    const s = /\bs="(\d+)"/.exec(m[2]);
    if (s) styles.set(m[1], s[1]);
  }
  return styles;
}

export function insertRows(sheetXml: string, deferred: DeferredRows): string {
  if (deferred.rows.length === 0) return sheetXml;
  const start = sheetXml.indexOf(`<row r="${deferred.styleRow}"`);
  if (start < 0) throw new Error(`summary row ${deferred.styleRow} not found in the written sheet`);
  const end = sheetXml.indexOf('</row>', start) + '</row>'.length;
  const styles = rowStyles(sheetXml.slice(start, end));
  const parts: string[] = [];
  for (const { row, values } of deferred.rows) {
    let cells = '';
    values.forEach((value, i) => {
      const letters = columnLetters(deferred.col + i);
      cells += cellXml(`${letters}${row}`, value, styles.get(letters));
    });
    parts.push(`<row r="${row}">${cells}</row>`);
  }
  return sheetXml.slice(0, end) + parts.join('') + sheetXml.slice(end);
}

function stretchTable(tableXml: string, ref: string): string {
  return tableXml
    .replace(/(<table\b[^>]*?\bref=")[^"]*(")/, `$1${ref}$2`)
    .replace(/(<autoFilter\b[^>]*?\bref=")[^"]*(")/, `$1${ref}$2`);
}

/** Applies the deferred rows to a workbook ExcelJS wrote; entries left alone keep their compressed bytes. */
export async function applyBulkPatches(written: Buffer, patches: BulkPatch[], level: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(written);
  for (const patch of patches) {
    const path = `xl/worksheets/sheet${patch.sheetId}.xml`;
    const file = zip.file(path);
    if (!file) throw new Error(`${path} not found in the written workbook`);
    let xml = await file.async('string');
    // Later blocks first, so the row positions found for earlier ones stay valid.
    for (const d of [...patch.deferred].sort((a, b) => b.styleRow - a.styleRow)) xml = insertRows(xml, d);
    zip.file(path, xml);
    if (patch.table) {
      const { name, ref } = patch.table;
      for (const table of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
        const text = await table.async('string');
        if (text.includes(`name="${escapeXml(name)}"`)) zip.file(table.name, stretchTable(text, ref));
      }
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
}
