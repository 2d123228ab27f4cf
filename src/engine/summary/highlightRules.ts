// Conditional-format rules that mark source rows whose usage rate is out of the band. Host-free: the
// adapters add them as formula rules on the highlighted range. Formulas are written relative to the
// range's top-left cell (absolute columns, relative rows), so Excel shifts them row by row.
import type { HighlightSpec } from '../workbookPort';
import { colLetter } from '../address';
import { PLACEHOLDER_WORDS } from '../numbers';
import { EDGE_EPS } from '../score';

export type HighlightKind = 'under' | 'over' | 'missing' | 'red' | 'yellow' | 'green';

export interface HighlightRule {
  kind: HighlightKind;
  formula: string;
  /** Light fill with dark text: contrast above 7:1, and the pane's badges say the same in words. */
  fill: string;
  fontColor: string;
}

export const HIGHLIGHT_COLOURS: Record<HighlightKind, { fill: string; fontColor: string }> = {
  under: { fill: '#FFF4CE', fontColor: '#5C3B00' },
  over: { fill: '#FDE7E9', fontColor: '#7A1020' },
  missing: { fill: '#EDEBE9', fontColor: '#323130' },
  // In-year monitoring (traffic lights); red is a deeper tint than over budget's so the two stay apart.
  red: { fill: '#F9D3D7', fontColor: '#6B0A16' },
  yellow: { fill: '#FFF4CE', fontColor: '#5C3B00' },
  green: { fill: '#DFF6DD', fontColor: '#0B4A0B' },
};

/**
 * Every rule the add-in adds carries this always-true term (N of a text is 0), so the rule itself says
 * whose it is: a settings record naming a user's rule is never enough to delete it (highlightOwnership.ts).
 */
export const HIGHLIGHT_MARKER_TEXT = 'budget-performance-addin/highlight/v1';
export const HIGHLIGHT_MARKER = `N("${HIGHLIGHT_MARKER_TEXT}")=0`;

/**
 * Text a sheet uses for "no figure", as the engine reads it: its placeholder words (Excel compares text
 * without regard to case) and the dashes its pattern covers, in the forms people type.
 */
const PLACEHOLDERS = [...PLACEHOLDER_WORDS, '／', '—', '——', '-', '－', '–'];

/** A number as a plain decimal Excel reads back unchanged (no exponent, at most 12 decimals). */
export function formulaNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const fixed = value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

export function highlightRules(spec: HighlightSpec): HighlightRule[] {
  const { band } = spec;
  if (!Number.isFinite(band.low) || !Number.isFinite(band.high) || band.low > band.high) {
    throw new RangeError(`invalid rate band: ${band.low}..${band.high}`);
  }
  for (const n of [spec.firstRow, spec.firstCol, spec.budgetCol, spec.actualCol]) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid position in highlight spec: ${n}`);
  }
  const row = spec.firstRow;
  const budget = `$${colLetter(spec.budgetCol)}${row}`;
  const actual = `$${colLetter(spec.actualCol)}${row}`;
  // Amounts typed as text ("305.5万元", "1,234.50") are read as the engine reads them, as far as a
  // formula can; a number is used as it is.
  const amount = (ref: string): string =>
    `IF(ISNUMBER(${ref}),${ref},IFERROR(--SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},",",""),"万元",""),"元",""),""))`;
  const budgetValue = amount(budget);
  const actualValue = amount(actual);
  const bothNumbers = `ISNUMBER(${budgetValue}),${budgetValue}>0,ISNUMBER(${actualValue})`;
  const rate = `${actualValue}/${budgetValue}`;
  const lowEdge = formulaNumber(band.low - EDGE_EPS);
  const highEdge = formulaNumber(band.high + EDGE_EPS);
  const blankish = (ref: string): string =>
    `OR(LEN(TRIM(${ref}&""))=0,${PLACEHOLDERS.map((p) => `${ref}&""="${p}"`).join(',')})`;
  const hasContent = (ref: string): string => `LEN(TRIM(${ref}&""))>0`;
  // Only rows carrying a figure are marked missing: blank rows and section headings stay plain.
  const missing =
    `=AND(OR(${hasContent(budget)},${hasContent(actual)}),` +
    `OR(${blankish(budget)},${blankish(actual)},AND(ISNUMBER(${budget}),${budget}=0)),${HIGHLIGHT_MARKER})`;
  const over = `=AND(${bothNumbers},${rate}>${highEdge},${HIGHLIGHT_MARKER})`;
  if (spec.monitoring) {
    // In-year monitoring: progress = rate ÷ time share against the monitoring bands, i.e. the rate against
    // band × time share; over budget (of the full-year budget) stays as it is, and green stops below it.
    const { timeShare, bands } = spec.monitoring;
    if (!(timeShare > 0 && timeShare <= 1) || !(bands.yellow <= bands.green)) {
      throw new RangeError(`invalid monitoring: time share ${timeShare}, bands ${bands.yellow}..${bands.green}`);
    }
    const yellowEdge = formulaNumber(bands.yellow * timeShare - EDGE_EPS);
    const greenEdge = formulaNumber(bands.green * timeShare - EDGE_EPS);
    return [
      { kind: 'red', formula: `=AND(${bothNumbers},${rate}<${yellowEdge},${HIGHLIGHT_MARKER})`, ...HIGHLIGHT_COLOURS.red },
      { kind: 'yellow', formula: `=AND(${bothNumbers},${rate}>=${yellowEdge},${rate}<${greenEdge},${HIGHLIGHT_MARKER})`, ...HIGHLIGHT_COLOURS.yellow },
      { kind: 'green', formula: `=AND(${bothNumbers},${rate}>=${greenEdge},${rate}<=${highEdge},${HIGHLIGHT_MARKER})`, ...HIGHLIGHT_COLOURS.green },
      { kind: 'over', formula: over, ...HIGHLIGHT_COLOURS.over },
      { kind: 'missing', formula: missing, ...HIGHLIGHT_COLOURS.missing },
    ];
  }
  return [
    { kind: 'under', formula: `=AND(${bothNumbers},${rate}<${lowEdge},${HIGHLIGHT_MARKER})`, ...HIGHLIGHT_COLOURS.under },
    { kind: 'over', formula: over, ...HIGHLIGHT_COLOURS.over },
    { kind: 'missing', formula: missing, ...HIGHLIGHT_COLOURS.missing },
  ];
}
