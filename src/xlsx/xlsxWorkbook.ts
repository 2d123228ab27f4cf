// The WorkbookPort on an .xlsx file, with ExcelJS. Used by the batch command.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { HighlightSpec, ReadRequest, Settings, SourceChange, WorkbookPort, WriteOptions } from '../engine/port';
import type { SummaryLayout } from '../engine/summaryTypes';
import type { SheetData } from '../engine/types';
import { XlsxError } from './errors';
import { readSheet } from './readSheet';
import { freeSheetName } from '../engine/sheetNames';
import { CopyEdits, evaluatedCopy, type CopyNote } from './graft/evaluatedCopy';
import { copySheetNames } from './graft/evaluatedCopy';

export class XlsxWorkbook implements WorkbookPort {
  private settings: Settings | null = null;
  /** Sheets already read: the command reads the source once to pick it and once to evaluate it. */
  private readonly readCache = new Map<string, SheetData>();
  /** What the evaluated copy adds to the original package (see graft/graft.ts). */
  private readonly edits = new CopyEdits();
  private packageNames: string[] | null = null;
  /** What the last copy could not keep or do, for the batch command to say. */
  copyNotes: CopyNote[] = [];

  /** `original`: the file's bytes, which the copy keeps; without them the copy starts from ExcelJS's output. */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly original?: Buffer,
  ) {}

  static async fromFile(path: string): Promise<XlsxWorkbook> {
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
    return XlsxWorkbook.fromBuffer(data, path);
  }

  static async fromBuffer(data: Buffer | ArrayBuffer, path = ''): Promise<XlsxWorkbook> {
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
    return new XlsxWorkbook(workbook, bytes);
  }

  async listSheets(): Promise<string[]> {
    return [...this.workbook.worksheets.map((ws) => ws.name), ...this.edits.summaryNames()];
  }

  private async base(): Promise<Buffer> {
    return this.original ?? Buffer.from(await this.workbook.xlsx.writeBuffer());
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

  /** The summary is kept as its layout and written into the copy on save; only summaries this object made are replaced. */
  async writeSummary(layout: SummaryLayout, preferredName: string, options: WriteOptions = {}): Promise<{ sheetName: string }> {
    options.onProgress?.({ stage: 'write', done: 0, total: 1 });
    this.edits.dropSummary(preferredName);
    this.packageNames ??= await copySheetNames(await this.base());
    const sheetName = freeSheetName(preferredName, [...this.packageNames, ...this.edits.summaryNames()]);
    this.edits.addSummary(sheetName, layout);
    options.onProgress?.({ stage: 'write', done: 1, total: 1 });
    return { sheetName };
  }

  async applyHighlights(spec: HighlightSpec): Promise<void> {
    this.sheet(spec.sheet);
    this.edits.setHighlights(spec);
  }

  async clearHighlights(sheet: string): Promise<void> {
    this.edits.clearHighlights(sheet);
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

  /** The evaluated copy: the original package with the summary and the highlights grafted in (graft/graft.ts). */
  async toBuffer(): Promise<Buffer> {
    // The grids read are no longer needed; letting them go spares the collector during the write.
    this.readCache.clear();
    const copy = await evaluatedCopy(await this.base(), this.edits);
    this.copyNotes = copy.notes;
    return copy.bytes;
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
