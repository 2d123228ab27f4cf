// The add-in's conditional formats on the source rows. A rule is the add-in's when its formula
// (row numbers aside, as rows shift when the user inserts some) and its fill match one recorded in
// the workbook's ownership record for that sheet; every other rule is the user's and stays.
import type { HighlightSpec } from '../engine/port';
import { highlightRules } from '../engine/highlightRules';
import type { RequestMeter } from './requestMeter';
import { loadOwnership, saveOwnership, type OwnedHighlights } from './settings';

export function normaliseFormula(formula: string): string {
  return formula
    .trim()
    .replace(/^=/, '')
    .toUpperCase()
    .replace(/(\$?[A-Z]{1,3})\$?\d+/g, '$1#');
}

export function isOwnRule(formula: string, fill: string, own: OwnedHighlights | undefined): boolean {
  if (!own) return false;
  const i = own.formulas.indexOf(normaliseFormula(formula));
  return i >= 0 && (own.fills[i] ?? '').toUpperCase() === fill.toUpperCase();
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
  await recordHighlights(sheet.id, {
    sheetId: sheet.id,
    formulas: rules.map((r) => normaliseFormula(r.formula)),
    fills: rules.map((r) => r.fill.toUpperCase()),
  });
}

async function removeListed(
  context: Excel.RequestContext,
  formats: Excel.ConditionalFormatCollection,
  own: OwnedHighlights | undefined,
  meter: RequestMeter,
): Promise<number> {
  const custom = formats.items.filter((cf) => cf.type === 'Custom');
  if (!own || custom.length === 0) return 0;
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
