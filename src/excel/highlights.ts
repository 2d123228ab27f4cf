// The add-in's conditional formats on the source rows. Whether a rule is the add-in's is read from the
// rule itself (its marker term and fill, engine/summary/highlightOwnership.ts); the workbook's ownership record
// only vouches for rules written before the marker, and only when their shape is the add-in's. Every
// other rule is the user's and stays.
import type { HighlightSpec } from '../engine/workbookPort';
import { highlightRules } from '../engine/summary/highlightRules';
import { isOwnHighlightRule, normaliseRecordedFormula } from '../engine/summary/highlightOwnership';
import type { RequestMeter } from './requestMeter';
import { loadOwnership, saveOwnership, type OwnedHighlights } from './settings';

export const normaliseFormula = normaliseRecordedFormula;

export function isOwnRule(formula: string, fill: string, own: OwnedHighlights | undefined): boolean {
  return isOwnHighlightRule(formula, fill, own);
}

async function recordHighlights(sheetId: string, entry: OwnedHighlights | null): Promise<void> {
  const ownership = loadOwnership();
  // A refresh with the same band records the same rules: no settings round trip for it.
  const current = ownership.highlights.find((h) => h.sheetId === sheetId) ?? null;
  if (JSON.stringify(current) === JSON.stringify(entry)) return;
  ownership.highlights = ownership.highlights.filter((h) => h.sheetId !== sheetId);
  if (entry) ownership.highlights.push(entry);
  await saveOwnership(ownership);
}

/** The source sheet's rules, listed by one request, to be replaced by the next (writeSummary shares both). */
export interface HighlightListing {
  spec: HighlightSpec;
  sheet: Excel.Worksheet;
  formats: Excel.ConditionalFormatCollection;
}

/** Queues the listing of the sheet's rules; its id is loaded with them (the same round trip). */
export function queueHighlightListing(context: Excel.RequestContext, spec: HighlightSpec): HighlightListing {
  const sheet = context.workbook.worksheets.getItem(spec.sheet);
  sheet.load('id');
  return { spec, sheet, formats: listRules(sheet) };
}

/** After the listing's sync: queues the deletion of the add-in's listed rules and the new ones. */
export function queueHighlightReplacement(listing: HighlightListing, meter: RequestMeter): void {
  const { spec, sheet } = listing;
  removeListed(listing.formats, loadOwnership().highlights.find((h) => h.sheetId === sheet.id));
  const range = sheet.getRangeByIndexes(
    spec.firstRow - 1,
    spec.firstCol - 1,
    Math.max(1, spec.lastRow - spec.firstRow + 1),
    Math.max(1, spec.lastCol - spec.firstCol + 1),
  );
  for (const rule of highlightRules(spec)) {
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = rule.formula;
    cf.custom.format.fill.color = rule.fill;
    cf.custom.format.font.color = rule.fontColor;
    meter.queue(rule.formula.length + 120);
  }
}

/** After the replacement's sync: the new rules carry their marker, so a record entry for older ones goes. */
export async function highlightsReplaced(listing: HighlightListing): Promise<void> {
  const id = listing.sheet.id;
  if (loadOwnership().highlights.some((h) => h.sheetId === id)) await recordHighlights(id, null);
}

export async function applyHighlightsIn(context: Excel.RequestContext, spec: HighlightSpec, meter: RequestMeter): Promise<void> {
  const listing = queueHighlightListing(context, spec);
  await meter.sync(context, 'highlight:list');
  queueHighlightReplacement(listing, meter);
  await meter.sync(context, 'highlight:add');
  await highlightsReplaced(listing);
}

/**
 * The sheet's conditional formats with, for the custom ones, their formula and fill: one load, through
 * ConditionalFormat.customOrNullObject (ExcelApi 1.6), which is a null object for the other types.
 */
function listRules(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
  return formats;
}

/** Queues the deletion of the add-in's own rules among those listed; returns how many. */
function removeListed(formats: Excel.ConditionalFormatCollection, own: OwnedHighlights | undefined): number {
  let removed = 0;
  for (const cf of formats.items) {
    const custom = cf.customOrNullObject;
    if (cf.type !== 'Custom' || custom.isNullObject) continue;
    if (isOwnRule(custom.rule.formula, custom.format.fill.color, own)) {
      cf.delete();
      removed++;
    }
  }
  return removed;
}

export async function clearHighlightsIn(context: Excel.RequestContext, sheetName: string, meter: RequestMeter): Promise<number> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.load('id');
  const formats = listRules(sheet);
  await meter.sync(context, 'highlight:list');
  const own = loadOwnership().highlights.find((h) => h.sheetId === sheet.id);
  const removed = removeListed(formats, own);
  if (removed > 0) await meter.sync(context, 'highlight:delete');
  if (own) await recordHighlights(sheet.id, null);
  return removed;
}
