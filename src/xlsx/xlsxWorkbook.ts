// The WorkbookPort on a workbook file (.xlsx/.xlsm, .xls, .ods). Used by the batch command.
// Read: container.ts checks the file, sheetjsReader.ts reads the values; written: graft/ (the copy).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CallOptions, HighlightSpec, ReadRequest, Settings, SourceChange, WorkbookPort, WriteOptions } from '../engine/workbookPort';
import type { SummaryLayout } from '../engine/summary/summaryTypes';
import type { SheetData } from '../engine/types';
import { XlsxError } from './errors';
import { checkContainer, readWorkbookFile } from './container';
import { WorkbookValues } from './sheetjsReader';
import type { FormSheet } from '../engine/forms/formTypes';
import { freeSheetName } from '../engine/sheetNames';
import { chooseSummarySheet } from '../engine/summary/summaryOwnership';
import { parseSettings, serializeSettings } from '../engine/settings';
import { CopyEdits, evaluatedCopy, type CopyNote } from './graft/evaluatedCopy';
import { copySheetNames } from './graft/evaluatedCopy';

export class XlsxWorkbook implements WorkbookPort {
  /** The settings record as JSON, as a workbook stores it. */
  private settings: string | null = null;
  /** Sheets already read: the command reads the source once to pick it and once to evaluate it. */
  private readonly readCache = new Map<string, SheetData>();
  /** What the evaluated copy adds to the original package (see graft/graft.ts). */
  private readonly edits = new CopyEdits();
  private packageNames: string[] | null = null;
  /** What the last copy could not keep or do, for the batch command to say. */
  copyNotes: CopyNote[] = [];

  /** `original`: the file's bytes, which the copy keeps; `values`: what SheetJS read of them. */
  constructor(
    private readonly values: WorkbookValues,
    private readonly original: Buffer,
  ) {}

  static async fromFile(path: string): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBuffer(await readWorkbookFile(path), path);
  }

  /** The container is checked (container.ts: size, entries, inflated size, encryption) before SheetJS reads it. */
  static async fromBuffer(data: Buffer | ArrayBuffer, path = ''): Promise<XlsxWorkbook> {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
    const kind = await checkContainer(bytes, path);
    return new XlsxWorkbook(WorkbookValues.read(bytes, kind, path), bytes);
  }

  async listSheets(): Promise<string[]> {
    return [...this.values.sheetNames, ...this.edits.summaryNames()];
  }

  private async base(): Promise<Buffer> {
    return this.original;
  }

  /** The input's sheet of that name (exact, else without regard to case, as Excel's names are). */
  private sheet(name: string): string {
    const names = this.values.sheetNames;
    const found = names.find((n) => n === name) ?? names.find((n) => n.toLowerCase() === name.toLowerCase());
    if (found === undefined) throw new XlsxError('unknown_sheet', { sheet: name, sheets: names });
    return found;
  }

  async readSource(request: ReadRequest = {}, options: CallOptions = {}): Promise<SheetData> {
    // A file has no selection, and its tables are not read apart: every read is the sheet's used block.
    const sheetName = request.sheet ?? request.source?.sheet;
    const name = sheetName === undefined ? this.values.sheetNames[0] : this.sheet(sheetName);
    options.onProgress?.({ stage: 'read', done: 0, total: 1 });
    const data = this.readCache.get(name) ?? this.values.read(name);
    this.readCache.set(name, data);
    options.onProgress?.({ stage: 'read', done: 1, total: 1 });
    return { ...data, source: { sheet: name, kind: 'sheet' } };
  }

  /** The add-in's own summary sheets in the input (an evaluated copy evaluated again): never a source. */
  ownSummarySheets(): string[] {
    return this.values.ownSummaries();
  }

  /** Every sheet's cells and merged areas, in workbook order, but the add-in's own summaries: the input of the forms layout. */
  async readFormSheets(): Promise<FormSheet[]> {
    const own = new Set(this.ownSummarySheets());
    return this.values.sheetNames.filter((name) => !own.has(name)).map((name) => {
      const data = this.readCache.get(name) ?? this.values.read(name);
      this.readCache.set(name, data);
      return { name, cells: data.grid, origin: data.origin, merges: this.values.merges(name) };
    });
  }

  /**
   * The summary is kept as its layout and written into the copy on save. Which sheet may be rewritten is the
   * engine's rule (chooseSummarySheet): only summaries this object made count as recorded and marked; the
   * input's sheets are never rewritten (a file carries no ownership record), so they get a free name.
   */
  async writeSummary(layout: SummaryLayout, preferredName: string, options: WriteOptions = {}): Promise<{ sheetName: string }> {
    options.onProgress?.({ stage: 'write', done: 0, total: 1 });
    this.packageNames ??= await copySheetNames(await this.base());
    const own = this.edits.summaryNames();
    const choice = chooseSummarySheet(
      [...own.map((name) => ({ name, recorded: true, marked: true })), ...this.packageNames.map((name) => ({ name, recorded: false, marked: false }))],
      preferredName,
      options.sourceSheet,
    );
    if (choice.kind === 'reuse') this.edits.dropSummary(choice.name);
    const sheetName = choice.kind === 'reuse' ? choice.name : freeSheetName(preferredName, [...this.packageNames, ...own]);
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
    return parseSettings(this.settings);
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settings = serializeSettings(settings);
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
