import { colLetter } from '../../../src/engine/address';
import { HIGHLIGHT_COLOURS, HIGHLIGHT_MARKER, formulaNumber, highlightRules } from '../../../src/engine/summary/highlightRules';
import type { HighlightSpec } from '../../../src/engine/workbookPort';

// Source table of the seed at B5: project in B, budget in C, actual in D, rows 5..11.
const spec: HighlightSpec = {
  sheet: 'Sheet1',
  firstRow: 5,
  lastRow: 11,
  firstCol: 2,
  lastCol: 8,
  budgetCol: 3,
  actualCol: 4,
  band: { low: 0.9, high: 1 },
};

function luminance(hex: string): number {
  const ch = (i: number): number => {
    const c = parseInt(hex.slice(1 + i, 3 + i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(0) + 0.7152 * ch(2) + 0.0722 * ch(4);
}

describe('highlightRules', () => {
  it('gives the under, over and missing rules relative to the first highlighted row', () => {
    const rules = highlightRules(spec);
    expect(rules.map((r) => r.kind)).toEqual(['under', 'over', 'missing']);
    const value = (ref: string) =>
      `IF(ISNUMBER(${ref}),${ref},IFERROR(--SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},",",""),"万元",""),"元",""),""))`;
    const [b, a] = [value('$C5'), value('$D5')];
    expect(rules[0].formula).toBe(`=AND(ISNUMBER(${b}),${b}>0,ISNUMBER(${a}),${a}/${b}<0.899999999,${HIGHLIGHT_MARKER})`);
    expect(rules[1].formula).toBe(`=AND(ISNUMBER(${b}),${b}>0,ISNUMBER(${a}),${a}/${b}>1.000000001,${HIGHLIGHT_MARKER})`);
  });

  it('reads amounts typed as text ("305.5万元", "1,234.50") through SUBSTITUTE, numbers as they are', () => {
    for (const rule of highlightRules(spec).slice(0, 2)) {
      expect(rule.formula).toContain('IF(ISNUMBER($C5),$C5,IFERROR(--SUBSTITUTE(');
      expect(rule.formula).toContain('"万元",""');
      expect(rule.formula).toContain('",",""');
      expect(rule.formula.length).toBeLessThan(8192);
    }
  });

  it('uses absolute columns and relative rows only, and no other row than the first', () => {
    for (const rule of highlightRules(spec)) {
      const refs = rule.formula.match(/\$?[A-Z]{1,3}\$?\d+/g) ?? [];
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(ref).toMatch(/^\$[CD]5$/);
    }
  });

  it('marks zero or missing figures only on rows that carry a figure, so blank rows stay plain', () => {
    const missing = highlightRules(spec)[2].formula;
    expect(missing.startsWith('=AND(OR(LEN(TRIM($C5&""))>0,LEN(TRIM($D5&""))>0),')).toBe(true);
    expect(missing).toContain('AND(ISNUMBER($C5),$C5=0)');
    expect(missing).toContain('$D5&""="—"');
    // The engine's placeholder words count as missing in the sheet too.
    for (const word of ['无', 'n/a', '不适用']) expect(missing).toContain(`$C5&""="${word}"`);
  });

  it('writes band edges without exponents, whatever the band', () => {
    const rules = highlightRules({ ...spec, band: { low: 0.85, high: 1.2 } });
    expect(rules[0].formula).toContain('<0.849999999,');
    expect(rules[1].formula).toContain('>1.200000001,');
    for (const r of rules) expect(r.formula).not.toMatch(/\dE[-+]?\d/i);
    expect(formulaNumber(1e-9)).toBe('0.000000001');
    expect(formulaNumber(-0)).toBe('0');
  });

  it('uses light fills with dark text (contrast above 7:1)', () => {
    for (const { fill, fontColor } of Object.values(HIGHLIGHT_COLOURS)) {
      const ratio = (luminance(fill) + 0.05) / (luminance(fontColor) + 0.05);
      expect(ratio).toBeGreaterThan(7);
      expect(luminance(fill)).toBeGreaterThan(0.7);
    }
  });

  it('refuses a band that is not a pair of finite numbers in order, and bad positions', () => {
    expect(() => highlightRules({ ...spec, band: { low: Number.NaN, high: 1 } })).toThrow(RangeError);
    expect(() => highlightRules({ ...spec, band: { low: 1.1, high: 1 } })).toThrow(RangeError);
    expect(() => highlightRules({ ...spec, budgetCol: 0 })).toThrow(RangeError);
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 703, 16384].map(colLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA', 'XFD']);
    expect(() => colLetter(0)).toThrow(RangeError);
  });
});
