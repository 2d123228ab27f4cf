// Bounds on an input workbook, checked before any library parses it (see docs/security.md).

/** Largest workbook file read: a 5-million-cell .xlsx is ~40 MB, an .xls of it ~80 MB. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Most entries in the zip package (.xlsx/.xlsm/.ods); Excel's own packages hold a few dozen. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Largest inflated size of one entry: a 5-million-cell sheet's XML is ~250 MB; well under V8's longest string. */
export const MAX_ENTRY_INFLATED_BYTES = 384 * 1024 * 1024;
/** Largest inflated size of all entries together. */
export const MAX_TOTAL_INFLATED_BYTES = 1024 * 1024 * 1024;
/** Most cells read from one sheet, counted over the block from its first to its last cell holding data: as the pane. */
export const MAX_SHEET_CELLS = 5_000_000;

/** A report given to --check-report: a 200-page .docx is a few MB; its document.xml inflates to tens of MB. */
export const MAX_REPORT_FILE_BYTES = 50 * 1024 * 1024;
export const REPORT_ZIP_LIMITS = { entries: 2_000, entryBytes: 128 * 1024 * 1024, totalBytes: 256 * 1024 * 1024 } as const;
