// The add-in's highlight rules as ExcelJS conditional formats; the user's own rules are never touched.
import type { ConditionalFormattingOptions, Worksheet } from 'exceljs';
import { colLetter } from '../engine/address';
import { highlightRules } from '../engine/highlightRules';
import type { HighlightSpec } from '../engine/port';

/** The conditional-format entries this code added to a sheet, kept by identity. */
export type OwnRules = ConditionalFormattingOptions[];

/** '#FFC7CE' / 'FFC7CE' → 'FFFFC7CE' (ExcelJS wants ARGB). */
function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, '0').slice(-6)}`;
}

/** Computed, not taken from getCell: that would create cells on the user's sheet. */
function rangeRef(spec: HighlightSpec): string {
  return `${colLetter(spec.firstCol)}${spec.firstRow}:${colLetter(spec.lastCol)}${spec.lastRow}`;
}

export function addHighlights(ws: Worksheet, spec: HighlightSpec): OwnRules {
  if (spec.lastRow < spec.firstRow || spec.lastCol < spec.firstCol) return [];
  const ref = rangeRef(spec);
  const entries: OwnRules = highlightRules(spec).map((rule, i) => ({
    ref,
    rules: [
      {
        type: 'expression',
        priority: i + 1,
        formulae: [rule.formula.replace(/^=/, '')],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.fontColor) } },
        },
      },
    ],
  }));
  for (const entry of entries) ws.addConditionalFormatting(entry);
  return entries;
}

export function removeHighlights(ws: Worksheet, own: OwnRules): void {
  const list = (ws as unknown as { conditionalFormattings: ConditionalFormattingOptions[] }).conditionalFormattings;
  for (const entry of own) {
    const at = list.indexOf(entry);
    if (at >= 0) list.splice(at, 1);
  }
}
