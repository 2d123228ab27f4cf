// Large summaries: ExcelJS builds an object per cell and takes longer to write the summary than the
// whole source sheet. Above a threshold, renderSummary writes the first row of each long block through
// ExcelJS and defers the rest; on save the deferred rows are inserted as plain XML next to that row,
// with that row's cell styles, their text appended to the shared string table as ExcelJS writes text,
// and the table's range is stretched. Everything else is ExcelJS's output.
import { storableText } from './cellText';
import { readZipTexts } from './zipPatch';
import type { SummaryValue } from '../engine/summaryTypes';
import { colLetter } from '../engine/address';

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

/** ExcelJS's rule for the text of a <t> element. */
function textElement(text: string): string {
  return (/^\s|\n|\s$/.test(text) ? '<t xml:space="preserve">' : '<t>') + escapeXml(text) + '</t>';
}

const SST_COUNTS = /^(<sst\b[^>]*?)\s+count="(\d+)"\s+uniqueCount="(\d+)"/;

/** Where the <sst> element starts and its counts, as ExcelJS writes them. */
function sstHead(sstXml: string): { start: number; counts: RegExpExecArray } {
  const start = sstXml.indexOf('<sst');
  const counts = start < 0 ? null : SST_COUNTS.exec(sstXml.slice(start));
  if (!counts) throw new Error('shared string table without its counts');
  return { start, counts };
}

/**
 * The text of the deferred rows, added to the workbook's shared string table (xl/sharedStrings.xml):
 * ExcelJS writes text there too, so both kinds of rows read back alike, in ExcelJS and in Excel.
 */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly added: string[] = [];
  private references = 0;

  constructor(private readonly first: number) {}

  /** The index in the table of the text as it goes into the file; new text is added. */
  index(value: string): number {
    this.references++;
    const text = storableText(value);
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.first + this.added.length;
      this.indexes.set(text, index);
      this.added.push(text);
    }
    return index;
  }

  static of(sstXml: string): SharedStrings {
    return new SharedStrings(Number(sstHead(sstXml).counts[3]));
  }

  /** The table with the added strings at its end and its counts raised. */
  appendTo(sstXml: string): Buffer {
    const { start, counts } = sstHead(sstXml);
    const end = sstXml.lastIndexOf('</sst>');
    if (end < 0) throw new Error('shared string table not as ExcelJS writes it');
    const head = `${counts[1]} count="${Number(counts[2]) + this.references}" uniqueCount="${Number(counts[3]) + this.added.length}"`;
    const chunks = [Buffer.from(sstXml.slice(0, start) + head + sstXml.slice(start + counts[0].length, end), 'utf8')];
    for (let i = 0; i < this.added.length; i += 1000) {
      chunks.push(Buffer.from(this.added.slice(i, i + 1000).map((t) => '<si>' + textElement(t) + '</si>').join(''), 'utf8'));
    }
    chunks.push(Buffer.from(sstXml.slice(end), 'utf8'));
    return Buffer.concat(chunks);
  }
}

/**
 * The rows as UTF-8 XML. Text is a shared string: it can never be read as a formula, whatever it
 * begins with. One buffer per row: these rows are the bulk of a large summary, and one huge string
 * costs twice the time.
 */
function rowsXml(deferred: DeferredRows, styles: Map<string, string>, strings: SharedStrings): Buffer {
  const width = deferred.rows.reduce((w, r) => Math.max(w, r.values.length), 0);
  const letters: string[] = [];
  const attrs: string[] = [];
  for (let i = 0; i < width; i++) {
    letters.push(colLetter(deferred.col + i));
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
        xml += '<c r="' + letters[i] + row + '"' + attrs[i] + ' t="s"><v>' + strings.index(value) + '</v></c>';
      }
    }
    chunks.push(Buffer.from(xml + '</row>', 'utf8'));
  }
  return Buffer.concat(chunks);
}

/** The sheet XML with each block's rows inserted right after its style row. */
function insertRows(sheetXml: string, deferred: DeferredRows[], strings: SharedStrings): Buffer {
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
    chunks.push(Buffer.from(sheetXml.slice(cursor, end), 'utf8'), rowsXml(d, rowStyles(sheetXml.slice(start, end)), strings));
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

const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * The entries to replace in a workbook ExcelJS wrote: summary sheets with their deferred rows, the shared
 * strings with their text, stretched tables.
 */
export async function bulkReplacements(written: Buffer, patches: BulkPatch[]): Promise<Map<string, Buffer | string>> {
  const sheetPaths = new Map(patches.map((p) => [`xl/worksheets/sheet${p.sheetId}.xml`, p]));
  const texts = await readZipTexts(written, (name) => sheetPaths.has(name) || name === SHARED_STRINGS || /^xl\/tables\/[^/]+\.xml$/.test(name));
  // The summary's title is text written by ExcelJS, so the table is there whenever there is a summary.
  const sst = texts.get(SHARED_STRINGS);
  if (sst === undefined) throw new Error(`${SHARED_STRINGS} not found in the written workbook`);
  const strings = SharedStrings.of(sst);
  const replacements = new Map<string, Buffer | string>();
  for (const [path, patch] of sheetPaths) {
    const xml = texts.get(path);
    if (xml === undefined) throw new Error(`${path} not found in the written workbook`);
    replacements.set(path, insertRows(xml, patch.deferred, strings));
    if (patch.table) {
      const { name, ref } = patch.table;
      for (const [tablePath, text] of texts) {
        if (tablePath.startsWith('xl/tables/') && text.includes(`name="${escapeXml(name)}"`)) replacements.set(tablePath, stretchTable(text, ref));
      }
    }
  }
  replacements.set(SHARED_STRINGS, strings.appendTo(sst));
  return replacements;
}
