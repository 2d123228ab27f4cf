// Reads the used range of several sheets with their merged areas (forms layout: a form per sheet, or
// several stacked on one). Round trips: one to list the sheets, one for their used ranges, then one
// for all the small sheets together (values and merges), and the chunked reads of each large one.
import type { SheetsRequest, CallOptions } from '../engine/workbookPort';
import type { CellArea, SheetData } from '../engine/types';
import { exceedsReadLimit, gridBytes } from './chunks';
import { parseAddress } from './address';
import { HostError, throwIfAborted } from './errors';
import { readRect, rectOf, RECT, type ReadTuning, type Rect } from './readRect';
import type { RequestMeter } from './requestMeter';

export interface SheetsTuning extends ReadTuning {
  /** Range.getMergedAreasOrNullObject is there (ExcelApi 1.13); without it no merges are reported. */
  merges: boolean;
}

/** Same limit as readRect's direct read: ~200 bytes a cell keeps a request of small sheets under 4 MB. */
const DIRECT_READ_CELLS = 20_000;
/** Below this many rows a band whose merges cannot be listed is given up (merges left out). */
const MIN_MERGE_BAND_ROWS = 8;

/**
 * The areas of a RangeAreas address ("Sheet1!A1:B4, Sheet1!D1:D4", sheet names quoted when they need
 * it), 1-based. Each area is the text after a "!" up to the next comma.
 */
export function parseAreasAddress(address: string): CellArea[] {
  const areas: CellArea[] = [];
  const pattern = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*(?=,|$)/g;
  for (const match of address.matchAll(pattern)) {
    const rect = parseAddress(match[1]);
    if (rect) areas.push(rect);
  }
  return areas;
}

interface Target {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** Known once the used ranges are loaded; null for an empty sheet. */
  rect: Rect | null;
}

function matchNames(all: string[], request: SheetsRequest): string[] {
  const lower = (s: string) => s.toLowerCase();
  const excluded = new Set((request.exclude ?? []).map(lower));
  if (!request.sheets) return all.filter((n) => !excluded.has(lower(n)));
  const byLower = new Map(all.map((n) => [lower(n), n]));
  const names: string[] = [];
  for (const wanted of request.sheets) {
    const name = byLower.get(lower(wanted));
    if (name === undefined) throw new HostError('not_found', `sheet ${wanted}`);
    if (!excluded.has(lower(name)) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Small sheets packed into reads of at most `limit` cells together, in workbook order. */
function packSmall(targets: Target[], limit: number): Target[][] {
  const groups: Target[][] = [];
  let current: Target[] = [];
  let cells = 0;
  for (const t of targets) {
    const n = (t.rect as Rect).rowCount * (t.rect as Rect).columnCount;
    if (current.length > 0 && cells + n > limit) {
      groups.push(current);
      current = [];
      cells = 0;
    }
    current.push(t);
    cells += n;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function toGridValue(value: unknown): SheetData['grid'][number][number] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

function sheetData(t: Target, grid: SheetData['grid'], merges: CellArea[] | undefined): SheetData {
  const rect = t.rect;
  const origin = rect ? { row: rect.rowIndex + 1, col: rect.columnIndex + 1 } : { row: 1, col: 1 };
  return { name: t.name, grid, origin, source: { sheet: t.name, kind: 'sheet' }, ...(merges ? { merges } : {}) };
}

/** Values and merges of a group of small sheets in one round trip. */
async function readGroup(context: Excel.RequestContext, group: Target[], tuning: SheetsTuning): Promise<SheetData[]> {
  const loaded = group.map((t) => {
    const rect = t.rect as Rect;
    const range = t.sheet.getRangeByIndexes(rect.rowIndex, rect.columnIndex, rect.rowCount, rect.columnCount);
    range.load('values');
    const merged = tuning.merges ? range.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { t, range, merged };
  });
  await tuning.meter.sync(context, 'read:sheets:values', () => loaded.reduce((sum, l) => sum + gridBytes(l.range.values), 0));
  return loaded.map(({ t, range, merged }) =>
    sheetData(
      t,
      range.values.map((row) => row.map(toGridValue)),
      merged ? (merged.isNullObject ? [] : parseAreasAddress(merged.address)) : undefined,
    ),
  );
}

/**
 * Merged areas of a rectangle. Excel refuses to list more than 512 at once: a refused band is split
 * in two, down to a few rows, below which its merges are left out rather than failing the read.
 */
async function readMerges(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect, meter: RequestMeter): Promise<CellArea[]> {
  const range = sheet.getRangeByIndexes(rect.rowIndex, rect.columnIndex, rect.rowCount, rect.columnCount);
  const merged = range.getMergedAreasOrNullObject();
  merged.load('address');
  try {
    await meter.sync(context, 'read:merges');
  } catch {
    if (rect.rowCount < MIN_MERGE_BAND_ROWS) return [];
    const half = Math.floor(rect.rowCount / 2);
    const top = await readMerges(context, sheet, { ...rect, rowCount: half }, meter);
    const bottom = await readMerges(context, sheet, { ...rect, rowIndex: rect.rowIndex + half, rowCount: rect.rowCount - half }, meter);
    // An area crossing the cut is listed by both halves.
    const seen = new Set(top.map((a) => `${a.rowStart}:${a.colStart}`));
    return top.concat(bottom.filter((a) => !seen.has(`${a.rowStart}:${a.colStart}`)));
  }
  return merged.isNullObject ? [] : parseAreasAddress(merged.address);
}

export async function readSheetsIn(
  context: Excel.RequestContext,
  request: SheetsRequest,
  options: CallOptions,
  tuning: SheetsTuning,
): Promise<SheetData[]> {
  const { meter } = tuning;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await meter.sync(context, 'read:sheets');
  const names = matchNames(
    worksheets.items.map((s) => s.name),
    request,
  );
  if (names.length === 0) return [];
  const targets: Target[] = names.map((name) => {
    const sheet = worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(RECT);
    return { name, sheet, used, rect: null };
  });
  await meter.sync(context, 'read:sheets:used');
  throwIfAborted(options.signal);
  for (const t of targets) {
    t.rect = t.used.isNullObject ? null : rectOf(t.used);
    if (t.rect && exceedsReadLimit(t.rect.rowCount, t.rect.columnCount)) {
      throw new HostError('too_many_cells', `${t.name}: ${t.rect.rowCount} × ${t.rect.columnCount} cells`);
    }
  }

  const direct = tuning.directReadCells ?? DIRECT_READ_CELLS;
  const small = targets.filter((t) => t.rect && t.rect.rowCount * t.rect.columnCount <= direct);
  const results = new Map<string, SheetData>();
  const totalRows = targets.reduce((sum, t) => sum + (t.rect?.rowCount ?? 0), 0);
  let doneRows = 0;
  const progress = (rows: number) => {
    doneRows += rows;
    options.onProgress?.({ stage: 'read', done: doneRows, total: totalRows });
  };

  for (const group of packSmall(small, direct)) {
    throwIfAborted(options.signal);
    let read: SheetData[];
    try {
      read = await readGroup(context, group, tuning);
    } catch {
      // A group refused as a whole (more merges on a sheet than Excel lists at once, a response the
      // estimate missed) is read sheet by sheet below, as large sheets are; a real failure recurs there.
      continue;
    }
    for (const data of read) results.set(data.name, data);
    progress(group.reduce((sum, t) => sum + (t.rect as Rect).rowCount, 0));
  }
  for (const t of targets) {
    if (!t.rect || results.has(t.name)) continue;
    throwIfAborted(options.signal);
    const grid = await readRect(context, t.sheet, t.rect, {}, tuning);
    const merges = tuning.merges ? await readMerges(context, t.sheet, t.rect, meter) : undefined;
    results.set(t.name, sheetData(t, grid, merges));
    progress(t.rect.rowCount);
  }
  return targets.map((t) => results.get(t.name) ?? sheetData(t, [], tuning.merges ? [] : undefined));
}
