// The only place that asks which host the pane runs in and which API sets it offers.

export interface HostInfo {
  inExcel: boolean;
  /** Office's display language ("zh-CN", "en-US"), or the browser's outside Office. */
  displayLanguage: string;
  /** From Office's theme where the host exposes one; null when unknown. */
  dark: boolean | null;
  /** Required API sets this Excel lacks, as "ExcelApi 1.8"; empty when all are there. */
  missingApiSets: string[];
  /** ExcelApi 1.14 (event triggerSource) is optional: without it the adapter switches events off around its writes. */
  canUseTriggerSource: boolean;
  /** The pane may offer a file to save (a browser download): Excel on the web only. */
  canDownload?: boolean;
}

/**
 * Whether a browser download reaches the officer: in Excel on the web the pane is a browser frame and an
 * <a download> saves the file; the desktop hosts' webviews (Windows, Mac) drop it silently.
 */
export function allowsDownloads(platform: unknown): boolean {
  const online = officeGlobal()?.PlatformType?.OfficeOnline ?? 'OfficeOnline';
  return platform === online || platform === 'OfficeOnline';
}

/*
 * API sets the adapter (src/excel/*.ts) uses, checked member by member against @types/office-js:
 * REQUIRED, ExcelApi 1.8 (Excel 2019 perpetual stops there):
 *   1.8  runtime.enableEvents (own writes kept out of change events where triggerSource is missing)
 *   1.7  getRangeByIndexes, freezePanes, ChartSeries.chartType, Worksheet.onChanged and its event args
 *   1.6  conditional formats (highlights);  1.5  context.runtime
 *   1.4  getUsedRangeOrNullObject, worksheets/tables getItemOrNullObject;  1.2  columnWidth, Table.worksheet
 *   1.1  the rest (values, numberFormat, tables, charts, selection, getRange, activate, select)
 * OPTIONAL, used only once isApiSetSupported says so:
 *   1.9  Range.getTables: the table the selection is in, with the selection's request. Without it the
 *        sheet's tables (1.1) are listed with that request and matched against the selection: one
 *        round trip more when the sheet has tables but the selection is in none.
 *        worksheets.onChanged: changes on every sheet. Without it Worksheet.onChanged (1.7) is
 *        registered on the sheet the last read landed on, and moved when a read lands on another.
 *   Neither changes what the pane shows, so HostInfo does not report them.
 *   1.14 event triggerSource (without it events are switched off around the add-in's own writes)
 *   1.13 Range.getMergedAreasOrNullObject: merged cells of forms (without it forms are read without merges)
 *   1.9  Worksheet.pageLayout: the print setup of the summary sheet (landscape A4, set when the add-in
 *        creates it) and of the report sheet (portrait A4); without it the sheets are written without one
 */
export const REQUIRED_API_SETS: readonly { name: string; version: string }[] = [{ name: 'ExcelApi', version: '1.8' }];
export const TRIGGER_SOURCE_API_SET = { name: 'ExcelApi', version: '1.14' } as const;
export const SELECTION_TABLES_API_SET = { name: 'ExcelApi', version: '1.9' } as const;
export const WORKBOOK_EVENTS_API_SET = { name: 'ExcelApi', version: '1.9' } as const;
export const MERGED_AREAS_API_SET = { name: 'ExcelApi', version: '1.13' } as const;
export const PAGE_LAYOUT_API_SET = { name: 'ExcelApi', version: '1.9' } as const;

const DEFAULT_TIMEOUT_MS = 3000;

function officeGlobal(): typeof Office | undefined {
  const g = globalThis as { Office?: typeof Office };
  return g.Office;
}

function browserLanguage(): string {
  const nav = (globalThis as { navigator?: { language?: string } }).navigator;
  return nav?.language ?? 'en';
}

/** isSetSupported, false when Office or its requirements object is absent. */
export function isApiSetSupported(name: string, version: string): boolean {
  const office = officeGlobal();
  try {
    return office?.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** Required API sets this Excel lacks, as "ExcelApi 1.8"; empty when all are there. */
export function missingApiSets(): string[] {
  return REQUIRED_API_SETS.filter((s) => !isApiSetSupported(s.name, s.version)).map((s) => `${s.name} ${s.version}`);
}

/** Relative luminance (0..1) of a "#RRGGBB" colour; null when it is not one. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const channel = (i: number): number => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function themeIsDark(office: typeof Office): boolean | null {
  try {
    const background = office.context?.officeTheme?.bodyBackgroundColor;
    if (typeof background !== 'string') return null;
    const lum = luminance(background);
    return lum === null ? null : lum < 0.4;
  } catch {
    return null;
  }
}

export async function detectHost(options: { timeoutMs?: number } = {}): Promise<HostInfo> {
  const office = officeGlobal();
  const outside: HostInfo = {
    inExcel: false,
    displayLanguage: browserLanguage(),
    dark: null,
    missingApiSets: [],
    canUseTriggerSource: false,
  };
  if (!office || typeof office.onReady !== 'function') return outside;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  let info: { host: Office.HostType | null; platform?: Office.PlatformType | null } | null;
  try {
    info = await Promise.race([office.onReady(), timeout]);
  } catch {
    info = null;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  // office.js loaded in a plain browser resolves with host null.
  const excelHost = office.HostType?.Excel ?? 'Excel';
  if (!info || info.host !== excelHost) return outside;
  return {
    inExcel: true,
    displayLanguage: office.context?.displayLanguage || browserLanguage(),
    dark: themeIsDark(office),
    missingApiSets: missingApiSets(),
    canUseTriggerSource: isApiSetSupported(TRIGGER_SOURCE_API_SET.name, TRIGGER_SOURCE_API_SET.version),
    canDownload: allowsDownloads(info.platform ?? office.context?.platform),
  };
}
