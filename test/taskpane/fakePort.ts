// An in-memory WorkbookPort for pane and workflow tests: one source sheet, recorded calls.
import type {
  HighlightSpec,
  ReadRequest,
  Settings,
  SourceChange,
  WorkbookPort,
  CallOptions,
  WriteOptions,
} from '../../src/engine/workbookPort';
import type { Grid, SheetData, SourceRef } from '../../src/engine/types';
import type { SummaryLayout } from '../../src/engine/summary/summaryTypes';
import type { ReportSheetLayout } from '../../src/engine/report/sheetLayout';
import { HostError } from '../../src/excel/errors';
import { freeSheetName } from '../../src/engine/sheetNames';
import { chooseSummarySheet } from '../../src/engine/summary/summaryOwnership';
import { SEED } from '../support/seed';

/** The seed report's seven projects (万元), with a start-of-year budget column that differs. */
export const SEED_BUDGETS = SEED.budgets;
export const SEED_ACTUALS = SEED.actuals;
export const SEED_START_BUDGETS = [300, 26.15, 40, 20, 150, 200, 170];
export const SEED_NAMES = SEED.names;
const PRINTED_RATES = SEED.printedRates;
const OUTPUT = SEED.output;
const BENEFIT = SEED.benefit;
const TOTAL = SEED.totals;

/** Title row, unit row, header on sheet row 3, projects on rows 4–10, 合计 on row 11. */
export function seedGrid(): Grid {
  const header = ['序号', '项目名称', '年初预算数', '全年预算数', '全年执行数', '执行率', '产出指标(50分)', '效益指标(50分)', '总分'];
  const rows: Grid = [['安全生产项目支出绩效自评表（2018年度）'], ['单位：万元'], header];
  SEED_NAMES.forEach((name, i) => {
    rows.push([i + 1, name, SEED_START_BUDGETS[i], SEED_BUDGETS[i], SEED_ACTUALS[i], PRINTED_RATES[i], OUTPUT[i], BENEFIT[i], TOTAL[i]]);
  });
  rows.push(['', '合计', 906.15, 918.45, 725.45, '', '', '', '']);
  return rows;
}

type Method = keyof WorkbookPort;

export class FakePort implements WorkbookPort {
  calls: Method[] = [];
  sheetName = '自评表';
  origin = { row: 1, col: 1 };
  grid: Grid;
  /** More sheets, by name, read when a request names them. */
  otherSheets: Record<string, Grid> = {};
  settings: Settings | null = null;
  summaries: { layout: SummaryLayout; preferredName: string; sheetName: string }[] = [];
  /** Summary sheets this port created, in order. */
  summarySheets: string[] = [];
  reportSheets: { layout: ReportSheetLayout; preferredName: string; sourceSheet?: string }[] = [];
  highlights: HighlightSpec[] = [];
  cleared: string[] = [];
  selected: { sheet: string; row: number }[] = [];
  reads: ReadRequest[] = [];
  listeners: ((change: SourceChange) => void)[] = [];
  /** Makes a method reject with this error. */
  failures: Partial<Record<Method, unknown>> = {};
  /** What an 'auto' read resolves to (Excel: the table or range selected); the used range when null. */
  autoSource: SourceRef | null = null;
  /** Tables deleted since: a source naming one reads back as its sheet, as the Excel adapter does. */
  goneTables: string[] = [];
  /** Awaited inside readSource, so a test can hold a read open. */
  beforeRead: (() => Promise<void>) | null = null;

  constructor(grid: Grid = seedGrid()) {
    this.grid = grid;
  }

  protected enter(method: Method): void {
    this.calls.push(method);
    if (method in this.failures) throw this.failures[method];
  }

  async listSheets(): Promise<string[]> {
    this.enter('listSheets');
    return [this.sheetName, ...Object.keys(this.otherSheets)];
  }

  async readSource(request?: ReadRequest, options?: CallOptions): Promise<SheetData> {
    this.enter('readSource');
    this.reads.push(request ?? {});
    if (this.beforeRead) await this.beforeRead();
    options?.onProgress?.({ stage: 'read', done: 1, total: 1 });
    const name = request?.sheet ?? this.sheetName;
    const grid = name === this.sheetName ? this.grid : this.otherSheets[name];
    if (!grid) throw new HostError('not_found', `no sheet ${name}`);
    return { name, origin: { ...this.origin }, grid: grid.map((row) => [...row]), source: this.sourceOf(name, request) };
  }

  private sourceOf(sheet: string, request: ReadRequest | undefined): SourceRef {
    const wanted = request?.source;
    if (wanted && !(wanted.kind === 'table' && this.goneTables.includes(wanted.table ?? ''))) return { ...wanted };
    if (!wanted && (request?.scope ?? 'auto') === 'auto' && this.autoSource) return { ...this.autoSource };
    return { sheet, kind: 'sheet' };
  }

  /** Follows the engine's rule like the real hosts: only its own summaries are rewritten, a user's sheet never. */
  async writeSummary(layout: SummaryLayout, preferredName: string, options?: WriteOptions): Promise<{ sheetName: string }> {
    this.enter('writeSummary');
    const userSheets = [this.sheetName, ...Object.keys(this.otherSheets)];
    const choice = chooseSummarySheet(
      [...this.summarySheets.map((name) => ({ name, recorded: true, marked: true })), ...userSheets.map((name) => ({ name, recorded: false, marked: false }))],
      preferredName,
      options?.sourceSheet,
    );
    const sheetName = choice.kind === 'reuse' ? choice.name : freeSheetName(preferredName, [...userSheets, ...this.summarySheets]);
    if (choice.kind === 'create') this.summarySheets.push(sheetName);
    this.summaries.push({ layout, preferredName, sheetName });
    return { sheetName };
  }

  async writeReportSheet(layout: ReportSheetLayout, preferredName: string, options?: WriteOptions): Promise<{ sheetName: string }> {
    this.enter('writeReportSheet');
    this.reportSheets.push({ layout, preferredName, sourceSheet: options?.sourceSheet });
    return { sheetName: preferredName };
  }

  async applyHighlights(spec: HighlightSpec): Promise<void> {
    this.enter('applyHighlights');
    this.highlights.push(spec);
  }

  async clearHighlights(sheet: string): Promise<void> {
    this.enter('clearHighlights');
    this.cleared.push(sheet);
  }

  async onSourceChanged(listener: (change: SourceChange) => void): Promise<() => Promise<void>> {
    this.enter('onSourceChanged');
    this.listeners.push(listener);
    return async () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  async loadSettings(): Promise<Settings | null> {
    this.enter('loadSettings');
    return this.settings;
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.enter('saveSettings');
    this.settings = settings;
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    this.enter('selectRow');
    this.selected.push({ sheet, row });
  }

  /** Simulates an edit: updates a cell (1-based sheet coordinates) and fires the change event. */
  edit(row: number, col: number, value: string | number, own = false): void {
    const r = row - this.origin.row;
    const c = col - this.origin.col;
    while (this.grid.length <= r) this.grid.push([]);
    this.grid[r][c] = value;
    for (const listener of this.listeners) {
      listener({ sheet: this.sheetName, rowStart: row, rowEnd: row, colStart: col, colEnd: col, own });
    }
  }
}
