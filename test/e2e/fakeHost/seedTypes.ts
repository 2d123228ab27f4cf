// What a test hands the fake host before the page loads (window.__fakeExcelSeed), and what it reads back.
export type SeedScalar = string | number | boolean | null;
/** A cell: a plain value, or a value with a formula and/or a number format. */
export type SeedCell = SeedScalar | { v?: SeedScalar; f?: string; nf?: string };

export interface SeedRule {
  /** Local address the rule applies to, e.g. "B4:K10". */
  address: string;
  formula: string;
  fill: string;
}

export interface SeedSheet {
  name: string;
  /** Rows of cells starting at A1 (or at `origin`). */
  rows: SeedCell[][];
  origin?: string;
  /** More blocks of cells, each from its own top-left address (a note far from the table, say). */
  blocks?: { origin: string; rows: SeedCell[][] }[];
  /** Merged areas; as in Excel, only the top-left cell of each keeps a value. */
  merges?: string[];
  tables?: { name: string; address: string }[];
  /** The user's own conditional formats (custom rules), which the add-in must leave alone. */
  userRules?: SeedRule[];
  /** Names scoped to the sheet (Worksheet.names), e.g. a marker a copied sheet brought along. */
  names?: { name: string; formula: string; visible?: boolean }[];
  /** Protected (Review > Protect Sheet): the add-in's edits of it fail with AccessDenied. */
  protected?: boolean;
}

export interface FakeSeed {
  /** 'excel': Office and Excel present in Excel; 'outside': office.js loaded in a plain browser. */
  mode?: 'excel' | 'outside';
  sheets: SeedSheet[];
  activeSheet?: string;
  /** Local address of the selection on the active sheet (default A1); "B3:C4,E6" selects two areas. */
  selection?: string;
  displayLanguage?: string;
  theme?: 'light' | 'dark';
  /** Requirement sets and their highest version; default ExcelApi 1.17 and the usual companions. */
  supportedSets?: Record<string, string>;
  platform?: 'OfficeOnline' | 'PC' | 'Mac';
  settings?: Record<string, unknown>;
  /** Milliseconds each sync takes (default 5). */
  latencyMs?: number;
  /** Bytes a request or response may carry (default 5 MB, as Excel on the web). */
  payloadLimit?: number;
  /**
   * A host that refuses a page-layout zoom with verticalFitToPages or horizontalFitToPages 0
   * (InvalidArgument): the reference does not say 0 is accepted, so the add-in must survive either reading.
   */
  refuseZeroFitToPages?: boolean;
}

export interface CellSnapshot {
  v: SeedScalar;
  f: string | null;
  nf: string;
}

export interface RuleSnapshot {
  id: string;
  type: string;
  address: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  error?: string;
}
