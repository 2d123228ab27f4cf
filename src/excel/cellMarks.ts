// The add-in's cell marks on forms, as conditional formats on single cells (the cell's own format is
// never touched). A rule is the add-in's when three things hold: its formula carries the add-in's
// signature, its fill is one of the mark fills, and its sheet is listed in the workbook's record of
// sheets the add-in marked. Every other rule is the user's and stays.
import type { CellMark } from '../engine/workbookPort';
import { FORM_MARK_COLOURS } from '../engine/forms/formMarks';
import { DEFAULT_CHUNK_BUDGET, jsonStringBytes, OPERATION_OVERHEAD_BYTES } from './chunks';
import type { RequestMeter } from './requestMeter';
import { documentSettings, readJson, saveAsync } from './settings';

export const MARKS_KEY = 'budgetPerformance.cellMarks';
/** N() of a text is 0: the signature changes nothing in what the rule computes. */
export const MARK_SIGNATURE = 'N("budgetPerformance.mark")=0';
const MARK_FILLS = new Set(Object.values(FORM_MARK_COLOURS).map((c) => c.fill.toUpperCase()));

/** Ids of the sheets that carry the add-in's marks. */
export function loadMarkedSheets(): string[] {
  const raw = readJson(MARKS_KEY);
  const ids = typeof raw === 'object' && raw !== null ? (raw as { sheetIds?: unknown }).sheetIds : undefined;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

async function saveMarkedSheets(ids: string[]): Promise<void> {
  const before = loadMarkedSheets();
  if (before.length === ids.length && before.every((id) => ids.includes(id))) return;
  documentSettings().set(MARKS_KEY, JSON.stringify({ sheetIds: ids }));
  await saveAsync();
}

/** The formula as written: the mark's condition and the signature. */
export function signedFormula(formula: string): string {
  const body = formula.trim().replace(/^=/, '');
  return `=AND(${body},${MARK_SIGNATURE})`;
}

export function isOwnMark(formula: string, fill: string): boolean {
  return formula.replace(/\s+/g, '').includes(MARK_SIGNATURE) && MARK_FILLS.has(fill.toUpperCase());
}

interface SheetEntry {
  name: string;
  sheet: Excel.Worksheet;
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Lists the sheets' rules and deletes the add-in's own (deletes are queued, sent with the next sync). */
async function queueRemoval(
  context: Excel.RequestContext,
  names: string[],
  meter: RequestMeter,
  budget: number,
): Promise<{ entries: SheetEntry[]; marked: string[]; removed: number; pendingBytes: number }> {
  const entries: SheetEntry[] = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('id');
    return { name, sheet };
  });
  await meter.sync(context, 'marks:sheets');
  const present = entries.filter((e) => !e.sheet.isNullObject);
  const marked = loadMarkedSheets();
  // Only sheets the add-in marked can hold its rules: the others are not even listed.
  const lists = present
    .filter((e) => marked.includes(e.sheet.id))
    .map((e) => e.sheet.getRange().conditionalFormats.load('items/type'));
  if (lists.length > 0) await meter.sync(context, 'marks:list');
  const custom = lists.flatMap((formats) => formats.items.filter((cf) => cf.type === 'Custom'));
  for (const cf of custom) {
    cf.custom.rule.load('formula');
    cf.custom.format.fill.load('color');
  }
  if (custom.length > 0) await meter.sync(context, 'marks:rules');
  let removed = 0;
  let pendingBytes = 0;
  for (const cf of custom) {
    if (!isOwnMark(cf.custom.rule.formula, cf.custom.format.fill.color)) continue;
    if (pendingBytes + OPERATION_OVERHEAD_BYTES > budget) {
      await meter.sync(context, 'marks:delete');
      pendingBytes = 0;
    }
    cf.delete();
    meter.queue(OPERATION_OVERHEAD_BYTES);
    pendingBytes += OPERATION_OVERHEAD_BYTES;
    removed++;
  }
  return { entries: present, marked, removed, pendingBytes };
}

/**
 * Replaces the add-in's marks on `sheets` and the sheets of `marks`. Round trips: three to find its
 * own rules whatever the number of forms, then the additions packed under the byte budget.
 */
export async function applyCellMarksIn(
  context: Excel.RequestContext,
  marks: CellMark[],
  sheets: string[],
  meter: RequestMeter,
  budget = DEFAULT_CHUNK_BUDGET,
): Promise<void> {
  const names = unique([...sheets, ...marks.map((m) => m.sheet)]);
  if (names.length === 0) return;
  const { entries, marked, pendingBytes } = await queueRemoval(context, names, meter, budget);
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const markedNow = new Set<string>();
  let bytes = pendingBytes;
  for (const m of marks) {
    const entry = byName.get(m.sheet.toLowerCase());
    if (!entry || !Number.isInteger(m.row) || !Number.isInteger(m.col) || m.row < 1 || m.col < 1) continue;
    const formula = signedFormula(m.formula);
    const size = jsonStringBytes(formula) + 4 * OPERATION_OVERHEAD_BYTES;
    if (bytes > 0 && bytes + size > budget) {
      await meter.sync(context, markedNow.size > 0 ? 'marks:add' : 'marks:delete');
      bytes = 0;
    }
    const cf = entry.sheet.getRangeByIndexes(m.row - 1, m.col - 1, 1, 1).conditionalFormats.add('Custom');
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = m.fill;
    cf.custom.format.font.color = m.fontColor;
    meter.queue(size);
    bytes += size;
    markedNow.add(entry.sheet.id);
  }
  await meter.sync(context, 'marks:add');
  const touched = new Set(entries.map((e) => e.sheet.id));
  await saveMarkedSheets([...marked.filter((id) => !touched.has(id)), ...markedNow]);
}

/** Removes the add-in's marks from these sheets; returns how many rules went. */
export async function clearCellMarksIn(
  context: Excel.RequestContext,
  sheets: string[],
  meter: RequestMeter,
  budget = DEFAULT_CHUNK_BUDGET,
): Promise<number> {
  const names = unique(sheets);
  if (names.length === 0) return 0;
  const { entries, marked, removed, pendingBytes } = await queueRemoval(context, names, meter, budget);
  if (pendingBytes > 0) await meter.sync(context, 'marks:delete');
  const touched = new Set(entries.map((e) => e.sheet.id));
  await saveMarkedSheets(marked.filter((id) => !touched.has(id)));
  return removed;
}
