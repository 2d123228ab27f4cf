// The add-in's conditional formats on the source rows. Whether a rule is the add-in's is read from the
// rule itself (its marker term and fill, engine/highlightOwnership.ts); the workbook's ownership record
// only vouches for rules written before the marker, and only when their shape is the add-in's. Every
// other rule is the user's and stays.
import type { HighlightSpec } from '../engine/port';
import { highlightRules } from '../engine/highlightRules';
import { isOwnHighlightRule, normaliseRecordedFormula } from '../engine/highlightOwnership';
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

export async function applyHighlightsIn(context: Excel.RequestContext, spec: HighlightSpec, meter: RequestMeter): Promise<void> {
  const rules = highlightRules(spec);
  const sheet = context.workbook.worksheets.getItem(spec.sheet);
  sheet.load('id');
  const before = loadOwnership();
  // The id is needed to find the record: loaded with the rule list (same round trip).
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/type');
  await meter.sync(context, 'highlight:list');
  const own = before.highlights.find((h) => h.sheetId === sheet.id);
  await removeListed(context, formats, own, meter);
  const range = sheet.getRangeByIndexes(
    spec.firstRow - 1,
    spec.firstCol - 1,
    Math.max(1, spec.lastRow - spec.firstRow + 1),
    Math.max(1, spec.lastCol - spec.firstCol + 1),
  );
  for (const rule of rules) {
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = rule.formula;
    cf.custom.format.fill.color = rule.fill;
    cf.custom.format.font.color = rule.fontColor;
    meter.queue(rule.formula.length + 120);
  }
  await meter.sync(context, 'highlight:add');
  // The new rules carry their marker: a record entry is only kept for rules written before markers.
  if (own) await recordHighlights(sheet.id, null);
}

async function removeListed(
  context: Excel.RequestContext,
  formats: Excel.ConditionalFormatCollection,
  own: OwnedHighlights | undefined,
  meter: RequestMeter,
): Promise<number> {
  const custom = formats.items.filter((cf) => cf.type === 'Custom');
  if (custom.length === 0) return 0;
  for (const cf of custom) {
    cf.custom.rule.load('formula');
    cf.custom.format.fill.load('color');
  }
  await meter.sync(context, 'highlight:rules');
  let removed = 0;
  for (const cf of custom) {
    if (isOwnRule(cf.custom.rule.formula, cf.custom.format.fill.color, own)) {
      cf.delete();
      removed++;
    }
  }
  return removed;
}

export async function clearHighlightsIn(context: Excel.RequestContext, sheetName: string, meter: RequestMeter): Promise<number> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.load('id');
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/type');
  await meter.sync(context, 'highlight:list');
  const own = loadOwnership().highlights.find((h) => h.sheetId === sheet.id);
  const removed = await removeListed(context, formats, own, meter);
  if (removed > 0) await meter.sync(context, 'highlight:delete');
  if (own) await recordHighlights(sheet.id, null);
  return removed;
}
