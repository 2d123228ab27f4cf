// The WorkbookPort on an .xlsx file, with ExcelJS. Used by the batch command.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { HighlightSpec, ReadRequest, Settings, SourceChange, WorkbookPort, WriteOptions } from '../engine/port';
import type { SummaryLayout } from '../engine/summaryTypes';
import type { SheetData } from '../engine/types';
import { bulkReplacements, type BulkPatch } from './bulkRows';
import { checkContainer, readWorkbookFile } from './container';
import { XlsxError } from './errors';
import { addHighlights, removeHighlights, type OwnRules } from './highlights';
import { readSheet } from './readSheet';
import { renderSummary } from './renderSummary';
import { freeSheetName } from '../engine/sheetNames';
import { rebuildZip } from './zipPatch';
import { WorkbookValues } from './sheetjsReader';

export interface XlsxWorkbookOptions {
  /** Summary blocks longer than this many rows are written by saveAs as plain XML (see bulkRows.ts). */
  bulkRowsAbove?: number;
}

/** Deflate level of the summary parts rewritten on save (native zlib): the fastest; a little larger. */
const ZIP_LEVEL = 1;
const DEFAULT_BULK_ROWS_ABOVE = 1000;

async function loadExcelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export class XlsxWorkbook implements WorkbookPort {
  private settings: Settings | null = null;
  /** Sheets this object created: the only ones it may replace. */
  private readonly ownSheets = new Set<string>();
  private readonly ownRules = new Map<string, OwnRules>();
  /** Rows of summary sheets still to be inserted on save, by sheet name. */
  private readonly pending = new Map<string, BulkPatch>();
  private readonly bulkRowsAbove: number;
  /** Sheets already read: the command reads the source once to pick it and once to evaluate it. */
  private readonly readCache = new Map<string, SheetData>();

  constructor(
    readonly workbook: ExcelJS.Workbook,
    options: XlsxWorkbookOptions = {},
    /** The input's values read by SheetJS (sheetjsReader.ts), by ExcelJS sheet name; other sheets are read from `workbook`. */
    private readonly values: { book: WorkbookValues; names: Map<string, string> } | null = null,
  ) {
    this.bulkRowsAbove = options.bulkRowsAbove ?? DEFAULT_BULK_ROWS_ABOVE;
  }

  static async fromFile(path: string, options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBuffer(await readWorkbookFile(path), path, options);
  }

  /**
   * The container is checked first (container.ts: size, entries, inflated size, encryption), the values are
   * read by SheetJS; ExcelJS loads the package to write the copy: the input itself, or for an .xls/.ods an .xlsx of its values.
   */
  static async fromBuffer(data: Buffer | ArrayBuffer, path = '', options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
    const kind = await checkContainer(bytes, path);
    const values = WorkbookValues.read(bytes, kind, path);
    let workbook: ExcelJS.Workbook | null = null;
    let copy = { bytes, names: new Map(values.sheetNames.map((n) => [n, n])) };
    if (kind === 'ooxml') workbook = await loadExcelJs(bytes).catch(() => null);
    // A package ExcelJS cannot load (.xls, .ods, OpenXML SDK output, sheet names over 31 characters): the copy holds its values.
    const valuesOnly = workbook === null;
    if (!workbook) {
      copy = values.toXlsx();
      try {
        workbook = await loadExcelJs(copy.bytes);
      } catch (err) {
        throw new XlsxError('broken_workbook', { path, reason: err instanceof Error ? err.message : String(err) });
      }
    }
    if (workbook.worksheets.length === 0) throw new XlsxError('not_workbook', { path });
    const book = new XlsxWorkbook(workbook, options, { book: values, names: copy.names });
    book.valuesOnly = valuesOnly;
    return book;
  }

  /** True when the copy is an .xlsx of the input's values only (see fromBuffer): the batch command says so. */
  valuesOnly = false;

  async listSheets(): Promise<string[]> {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new XlsxError('unknown_sheet', { sheet: name, sheets: this.workbook.worksheets.map((w) => w.name) });
    return ws;
  }

  async readSource(request: ReadRequest = {}, options: WriteOptions = {}): Promise<SheetData> {
    // A file has no selection, and its tables are not read apart: every read is the sheet's used block.
    const sheetName = request.sheet ?? request.source?.sheet;
    const ws = sheetName === undefined ? this.workbook.worksheets[0] : this.sheet(sheetName);
    options.onProgress?.({ stage: 'read', done: 0, total: 1 });
    const data = this.readCache.get(ws.name) ?? this.readValues(ws);
    this.readCache.set(ws.name, data);
    options.onProgress?.({ stage: 'read', done: 1, total: 1 });
    return { ...data, source: { sheet: ws.name, kind: 'sheet' } };
  }

  /** The sheet as read by SheetJS when it is one of the input's, under the name the port knows it by. */
  private readValues(ws: ExcelJS.Worksheet): SheetData {
    const original = this.ownSheets.has(ws.name) ? undefined : this.values?.names.get(ws.name);
    if (original === undefined || !this.values?.book.has(original)) return readSheet(ws);
    return { ...this.values.book.read(original), name: ws.name };
  }

  async writeSummary(layout: SummaryLayout, preferredName: string, options: WriteOptions = {}): Promise<{ sheetName: string }> {
    const existing = this.workbook.worksheets.map((ws) => ws.name);
    const reusable = existing.find((n) => n.toLowerCase() === preferredName.toLowerCase() && this.ownSheets.has(n));
    if (reusable) {
      this.workbook.removeWorksheet(this.sheet(reusable).id);
      this.pending.delete(reusable);
    }
    const sheetName = freeSheetName(
      preferredName,
      this.workbook.worksheets.map((ws) => ws.name),
    );
    options.onProgress?.({ stage: 'write', done: 0, total: 1 });
    const ws = this.workbook.addWorksheet(sheetName);
    this.readCache.delete(sheetName);
    if (reusable) this.readCache.delete(reusable);
    const rendered = renderSummary(ws, layout, { bulkRowsAbove: this.bulkRowsAbove });
    if (rendered.deferred.length > 0) {
      this.pending.set(sheetName, { sheetId: ws.id, deferred: rendered.deferred, table: rendered.table });
    }
    this.ownSheets.add(sheetName);
    options.onProgress?.({ stage: 'write', done: 1, total: 1 });
    return { sheetName };
  }

  async applyHighlights(spec: HighlightSpec): Promise<void> {
    const ws = this.sheet(spec.sheet);
    const previous = this.ownRules.get(spec.sheet);
    if (previous) removeHighlights(ws, previous);
    this.ownRules.set(spec.sheet, addHighlights(ws, spec));
  }

  async clearHighlights(sheet: string): Promise<void> {
    const previous = this.ownRules.get(sheet);
    if (!previous) return;
    removeHighlights(this.sheet(sheet), previous);
    this.ownRules.delete(sheet);
  }

  // A file on disk does not change under us while the command runs.
  async onSourceChanged(listener: (change: SourceChange) => void): Promise<() => Promise<void>> {
    void listener;
    return async () => {};
  }

  async loadSettings(): Promise<Settings | null> {
    return this.settings;
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settings = settings;
  }

  /** The workbook as .xlsx bytes, deferred summary rows included (see bulkRows.ts). */
  async toBuffer(): Promise<Buffer> {
    // The grids read are no longer needed; letting them go spares the collector during the write.
    this.readCache.clear();
    const written = Buffer.from(await this.workbook.xlsx.writeBuffer());
    const patches = [...this.pending.values()].filter((p) => this.workbook.getWorksheet(p.sheetId) !== undefined);
    return patches.length === 0 ? written : rebuildZip(written, await bulkReplacements(written, patches), ZIP_LEVEL);
  }

  /** Writes to a temporary file beside the target, then renames: a crash never leaves half a workbook. */
  async saveAs(path: string): Promise<void> {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await fs.writeFile(temp, await this.toBuffer());
      await fs.rename(temp, path);
    } catch (err) {
      await fs.rm(temp, { force: true });
      throw err;
    }
  }
}
