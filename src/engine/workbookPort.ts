// The workbook port: what the task pane and the batch command need from a workbook.
// Implemented with Office JavaScript API in src/excel and with ExcelJS in src/xlsx.
import type { CellArea, Lang, MappingOverride, MonitoringBands, RateBand, Scheme, SheetData, SourceRef } from './types';
import type { SummaryLayout } from './summary/summaryTypes';
import type { ReportSheetLayout } from './report/sheetLayout';

export interface ReadRequest {
  /** Sheet name; without it the host picks (Excel: the active sheet; xlsx: see listSheets). */
  sheet?: string;
  /**
   * 'auto' (Excel): the Excel table the selection is in, else the selection when larger than one
   * cell, else the sheet's used range. 'sheet': the whole used range of the sheet.
   */
  scope?: 'auto' | 'sheet';
  /**
   * Re-reads what an earlier read reported (SheetData.source); wins over scope. Excel: a table by
   * name (gone: the sheet's used range, reported as kind 'sheet'), a selection extended down to the
   * used range's last row, or the used range. Hosts without tables or selections read the sheet.
   */
  source?: SourceRef;
}

/** Highlight rules for the source rows, driven by formulas on the rate. All positions 1-based. */
export interface HighlightSpec {
  sheet: string;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  budgetCol: number;
  actualCol: number;
  band: RateBand;
  /** In-year monitoring: rows are coloured by progress (rate ÷ timeShare) instead of the year-end band's low edge. */
  monitoring?: { timeShare: number; bands: MonitoringBands };
}

/** Which sheets a read of several sheets covers (forms layout: every sheet by default). */
export interface SheetsRequest {
  /** Only these sheets, in this order; all sheets in workbook order when absent. */
  sheets?: string[];
  /** Left out (e.g. the add-in's summary sheet); compared without regard to case, as Excel does. */
  exclude?: string[];
}

/**
 * A mark on one cell an officer has to look at (a form's stated score, blank explanation, 执行率), as a
 * formula rule relative to that cell: it goes away by itself once the cell is fixed. Positions 1-based.
 */
export interface CellMark {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface SourceChange {
  sheet: string;
  /** 1-based, inclusive. */
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
  /** True when the add-in itself caused the change (filtered by the adapter where it can tell). */
  own: boolean;
}

export interface Progress {
  stage: 'read' | 'evaluate' | 'write' | 'highlight';
  done: number;
  total: number;
}

/** What every port call that may take long accepts: cancellation and progress. */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

export interface WriteOptions extends CallOptions {
  /** writeSummary: the sheet the source was read from, never cleared or written whatever any record says. */
  sourceSheet?: string;
  /**
   * writeSummary: the highlights to apply with the summary, in the same requests where the port can
   * (it then answers `highlighted: true`); a port that does not leaves them to applyHighlights.
   */
  highlight?: HighlightSpec;
}

export interface Settings {
  version: 1;
  sheet?: string;
  override?: MappingOverride;
  /** What the mapping was made on; the column indices of `override` count from its first column. */
  source?: SourceRef;
  schemeId: string;
  customScheme?: Scheme;
  /** The officer picked the scheme in the pane: weights stated in the headers no longer pick it (issue 8, rule 9). */
  schemeChosen?: boolean;
  band: RateBand;
  lang?: Lang;
  autoRefresh?: boolean;
  /** Name of the summary sheet the add-in created. */
  summarySheet?: string;
  /** ISO time of the last refresh. */
  lastRefreshed?: string;
  /** False once the officer cleared the highlights: refreshes leave them off until the next Evaluate. */
  highlights?: boolean;
  /** 'forms' once the pane evaluated the workbook's self-evaluation forms: the ribbon's Refresh scores follows it. */
  layout?: 'table' | 'forms';
  /** In-year monitoring month (1–12); null or absent: year-end evaluation. */
  monitoringMonth?: number | null;
}

export interface WorkbookPort {
  listSheets(): Promise<string[]>;
  readSource(request?: ReadRequest, options?: CallOptions): Promise<SheetData>;
  /**
   * Writes the summary to a sheet the add-in owns. A sheet with the preferred name that the add-in
   * did not create is left alone and another name is used; returns the name written, and in
   * `keptSheets` the sheets a settings record claimed but that could not be proved the add-in's.
   */
  writeSummary(
    layout: SummaryLayout,
    preferredName: string,
    options?: WriteOptions,
  ): Promise<{ sheetName: string; keptSheets?: string[]; highlighted?: boolean }>;
  /** Replaces the add-in's own highlight rules on the sheet; never touches the user's rules. */
  applyHighlights(spec: HighlightSpec): Promise<void>;
  clearHighlights(sheet: string): Promise<void>;
  /** Returns a function that stops listening. */
  onSourceChanged(listener: (change: SourceChange) => void): Promise<() => Promise<void>>;
  loadSettings(): Promise<Settings | null>;
  saveSettings(settings: Settings): Promise<void>;
  /** Selects a row of the source sheet (1-based), e.g. when a project is clicked. */
  selectRow?(sheet: string, row: number): Promise<void>;
  /**
   * Reads the used range of several sheets (values and merged areas), for the forms layout. Empty
   * sheets come back with an empty grid. Round trips do not grow with the number of sheets beyond one
   * read each (small sheets share one).
   */
  readSheets?(request?: SheetsRequest, options?: CallOptions): Promise<SheetData[]>;
  /**
   * Replaces the add-in's own cell marks on `sheets` (and on the sheets of `marks`) with `marks`;
   * never touches the user's formats or rules.
   */
  applyCellMarks?(marks: CellMark[], sheets: string[]): Promise<void>;
  /** Removes the add-in's own cell marks from these sheets. */
  clearCellMarks?(sheets: string[]): Promise<void>;
  /** Activates the sheet and selects the area (a form, when its project is clicked). */
  selectRange?(sheet: string, area: CellArea): Promise<void>;
  /**
   * Writes the draft report to a sheet the add-in owns (its marker name and the ownership record, as for
   * the summary); a sheet it did not create is never cleared or written: another name is used. Activates it.
   */
  writeReportSheet?(layout: ReportSheetLayout, preferredName: string, options?: WriteOptions): Promise<{ sheetName: string; keptSheets?: string[] }>;
}
