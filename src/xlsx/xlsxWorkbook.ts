// The WorkbookPort on an .xlsx file, with ExcelJS. Used by the batch command.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { HighlightSpec, ReadRequest, Settings, SourceChange, WorkbookPort, WriteOptions } from '../engine/port';
import type { SummaryLayout } from '../engine/summaryTypes';
import type { SheetData } from '../engine/types';
import { bulkReplacements, type BulkPatch } from './bulkRows';
import { XlsxError } from './errors';
import { addHighlights, removeHighlights, type OwnRules } from './highlights';
import { readSheet } from './readSheet';
import { renderSummary } from './renderSummary';
import { freeSheetName } from '../engine/sheetNames';
import { rebuildZip } from './zipPatch';

export interface XlsxWorkbookOptions {
  /** Summary blocks longer than this many rows are written by saveAs as plain XML (see bulkRows.ts). */
  bulkRowsAbove?: number;
}

/** Deflate level of the summary parts rewritten on save (native zlib): the fastest; a little larger. */
const ZIP_LEVEL = 1;
const DEFAULT_BULK_ROWS_ABOVE = 1000;

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
  ) {
    this.bulkRowsAbove = options.bulkRowsAbove ?? DEFAULT_BULK_ROWS_ABOVE;
  }

  static async fromFile(path: string, options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
    let data: Buffer;
    try {
      data = await fs.readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new XlsxError('file_missing', { path });
      if (code === 'EISDIR') throw new XlsxError('not_workbook', { path });
      if (code === 'EACCES' || code === 'EPERM') throw new XlsxError('file_unreadable', { path });
      throw err;
    }
    return XlsxWorkbook.fromBuffer(data, path, options);
  }

  static async fromBuffer(data: Buffer | ArrayBuffer, path = '', options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
    // Every .xlsx is a zip, which starts with "PK".
    if (bytes.length < 4 || bytes.readUInt16LE(0) !== 0x4b50) throw new XlsxError('not_workbook', { path });
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as ArrayBuffer);
    } catch (err) {
      throw new XlsxError('broken_workbook', { path, reason: err instanceof Error ? err.message : String(err) });
    }
    if (workbook.worksheets.length === 0) throw new XlsxError('not_workbook', { path });
    return new XlsxWorkbook(workbook, options);
  }

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
    const data = this.readCache.get(ws.name) ?? readSheet(ws);
    this.readCache.set(ws.name, data);
    options.onProgress?.({ stage: 'read', done: 1, total: 1 });
    return { ...data, source: { sheet: ws.name, kind: 'sheet' } };
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
