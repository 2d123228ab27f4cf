// Large summaries: ExcelJS builds an object per cell and takes longer to write the summary than the
// whole source sheet. Above a threshold, renderSummary writes the first row of each long block through
// ExcelJS and defers the rest; on save the deferred rows are inserted as plain XML next to that row,
// with that row's cell styles, and the table's range is stretched. Everything else is ExcelJS's output.
import { storableText } from './cellText';
import { readZipTexts } from './zipPatch';
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

const MARKUP = /[&<>"]/;

/** Text for an element or a double-quoted attribute; see storableText for the characters XML cannot hold. */
export function escapeXml(text: string): string {
  if (!MARKUP.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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

/**
 * The rows as UTF-8 XML. Text is an inline string: it can never be read as a formula, whatever it
 * begins with. One buffer per row: these rows are the bulk of a large summary, and one huge string
 * costs twice the time.
 */
export function rowsXml(deferred: DeferredRows, styles: Map<string, string>): Buffer {
  const width = deferred.rows.reduce((w, r) => Math.max(w, r.values.length), 0);
  const letters: string[] = [];
  const attrs: string[] = [];
  for (let i = 0; i < width; i++) {
    letters.push(columnLetters(deferred.col + i));
    const s = styles.get(letters[i]);
    attrs.push(s === undefined ? '' : ' s="' + s + '"');
  }
  const chunks: Buffer[] = [];
  for (const { row, values } of deferred.rows) {
    let xml = '<row r="' + row + '">';
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'number') {
        if (Number.isFinite(value)) xml += '<c r="' + letters[i] + row + '"' + attrs[i] + '><v>' + value + '</v></c>';
      } else if (typeof value === 'string' && value !== '') {
        const text = storableText(value);
        // As ExcelJS decides it for the cells it writes.
        const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
        xml += '<c r="' + letters[i] + row + '"' + attrs[i] + ' t="inlineStr"><is><t' + space + '>' + escapeXml(text) + '</t></is></c>';
      }
    }
    chunks.push(Buffer.from(xml + '</row>', 'utf8'));
  }
  return Buffer.concat(chunks);
}

/** The sheet XML with each block's rows inserted right after its style row. */
export function insertRows(sheetXml: string, deferred: DeferredRows[]): Buffer {
  const chunks: Buffer[] = [];
  let cursor = 0;
  for (const d of [...deferred].sort((a, b) => a.styleRow - b.styleRow)) {
    if (d.rows.length === 0) continue;
    const start = sheetXml.indexOf(`<row r="${d.styleRow}"`, cursor);
    if (start < 0) throw new Error(`summary row ${d.styleRow} not found in the written sheet`);
    const end = sheetXml.indexOf('</row>', start) + '</row>'.length;
    // ExcelJS must not have written any of the deferred rows itself: a row twice makes a broken file.
    const next = /<row r="(\d+)"/.exec(sheetXml.slice(end, end + 64));
    const last = d.rows[d.rows.length - 1].row;
    if (next && Number(next[1]) <= last) throw new Error(`summary row ${next[1]} written twice`);
    chunks.push(Buffer.from(sheetXml.slice(cursor, end), 'utf8'), rowsXml(d, rowStyles(sheetXml.slice(start, end))));
    cursor = end;
  }
  chunks.push(Buffer.from(sheetXml.slice(cursor), 'utf8'));
  return Buffer.concat(chunks);
}

function stretchTable(tableXml: string, ref: string): string {
  return tableXml
    .replace(/(<table\b[^>]*?\bref=")[^"]*(")/, `$1${ref}$2`)
    .replace(/(<autoFilter\b[^>]*?\bref=")[^"]*(")/, `$1${ref}$2`);
}

/** The entries to replace in a workbook ExcelJS wrote: summary sheets with their deferred rows, stretched tables. */
export async function bulkReplacements(written: Buffer, patches: BulkPatch[]): Promise<Map<string, Buffer | string>> {
  const sheetPaths = new Map(patches.map((p) => [`xl/worksheets/sheet${p.sheetId}.xml`, p]));
  const texts = await readZipTexts(written, (name) => sheetPaths.has(name) || /^xl\/tables\/[^/]+\.xml$/.test(name));
  const replacements = new Map<string, Buffer | string>();
  for (const [path, patch] of sheetPaths) {
    const xml = texts.get(path);
    if (xml === undefined) throw new Error(`${path} not found in the written workbook`);
    replacements.set(path, insertRows(xml, patch.deferred));
    if (patch.table) {
      const { name, ref } = patch.table;
      for (const [tablePath, text] of texts) {
        if (tablePath.startsWith('xl/tables/') && text.includes(`name="${escapeXml(name)}"`)) replacements.set(tablePath, stretchTable(text, ref));
      }
    }
  }
  return replacements;
}
