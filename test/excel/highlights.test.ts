// The add-in's highlight rules on the fake Excel host (test/e2e/fakeHost through its Node entry).
import { useFakeExcel } from '../support/excelHost';
import { createExcelPort } from '../../src/excel/officePort';
import { HIGHLIGHT_MARKER, highlightRules } from '../../src/engine/summary/highlightRules';
import { OWNERSHIP_KEY } from '../../src/excel/settings';
import { isOwnRule, normaliseFormula } from '../../src/excel/highlights';
import type { HighlightSpec } from '../../src/engine/workbookPort';

const spec: HighlightSpec = {
  sheet: '自评表',
  firstRow: 5,
  lastRow: 11,
  firstCol: 1,
  lastCol: 5,
  budgetCol: 3,
  actualCol: 4,
  band: { low: 0.9, high: 1 },
};

// A rule of the officer's own on the same rows (red fill when the total is below 60).
const USER_RULE = { address: 'E5:E11', formula: '=$E5<60', fill: '#FFC7CE' };

interface Rule {
  id: string;
  address: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
}

describe('highlights', () => {
  const fake = useFakeExcel(() => ({
    sheets: [{ name: '自评表', rows: [['项目名称']], userRules: [USER_RULE] }, { name: 'Other', rows: [] }],
  }));

  const rules = (): Rule[] => fake.controls.rules('自评表');
  const upper = (v: string | null): string | null => v?.toUpperCase() ?? null;
  const userRuleKept = (): void => {
    expect(rules().filter((r) => r.formula === USER_RULE.formula)).toEqual([expect.objectContaining({ address: USER_RULE.address, fill: USER_RULE.fill })]);
  };
  const ownRules = (): Rule[] => rules().filter((r) => r.formula !== USER_RULE.formula);
  const savedOwnership = (): unknown => fake.controls.settings()[OWNERSHIP_KEY];
  const recordOwnership = (value: unknown): void => {
    Office.context.document.settings.set(OWNERSHIP_KEY, JSON.stringify(value));
  };

  it('adds the three formula rules on the source rows, with their colours', async () => {
    await createExcelPort().applyHighlights(spec);
    const added = ownRules();
    const expected = highlightRules(spec);
    expect(added.map((r) => r.formula).sort()).toEqual(expected.map((r) => r.formula).sort());
    for (const rule of expected) {
      const written = added.find((r) => r.formula === rule.formula);
      expect([upper(written?.fill ?? null), upper(written?.fontColor ?? null), written?.address]).toEqual([rule.fill.toUpperCase(), rule.fontColor.toUpperCase(), 'A5:E11']);
    }
    userRuleKept();
  });

  it('replaces its own rules on re-run and never touches the user rule', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    await port.applyHighlights({ ...spec, lastRow: 20, band: { low: 0.8, high: 1.1 } });
    expect(rules()).toHaveLength(4);
    userRuleKept();
    expect(ownRules().some((r) => (r.formula ?? '').includes('<0.799999999'))).toBe(true);
  });

  it('clears only its own rules', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    await port.clearHighlights('自评表');
    expect(rules()).toHaveLength(1);
    userRuleKept();
    // Clearing again, or a sheet it never highlighted, changes nothing.
    await port.clearHighlights('自评表');
    await port.clearHighlights('Other');
    expect(rules()).toHaveLength(1);
  });

  it('leaves a user rule that copies one of its formulas but not its fill', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    const copy = highlightRules(spec)[0];
    fake.controls.addRule('自评表', 'A5:E11', copy.formula, '#00B050');
    await port.clearHighlights('自评表');
    expect(rules().map((r) => r.fill).sort()).toEqual(['#00B050', USER_RULE.fill].sort());
  });

  it('still knows its rules after the user inserted rows above (formulas shift)', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    for (const rule of ownRules()) {
      fake.controls.editRule('自评表', rule.id, { formula: (rule.formula ?? '').replace(/\$([CD])5/g, '$$$17'), address: 'A7:E13' });
    }
    await port.clearHighlights('自评表');
    expect(rules()).toHaveLength(1);
  });

  /** A rule as the add-in wrote it before rules carried their marker. */
  const legacyFormula = (rule: { formula: string }): string => rule.formula.replace(`,${HIGHLIGHT_MARKER}`, '');
  const sheetId = async (): Promise<string> =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('自评表');
      sheet.load('id');
      await context.sync();
      return sheet.id;
    });

  it("takes a rule without its marker only when the record lists it and its shape is the add-in's", async () => {
    const rule = highlightRules(spec)[1];
    fake.controls.addRule('自评表', 'A5:E11', legacyFormula(rule), rule.fill);
    // No record: an unmarked rule, however alike, is the user's.
    await createExcelPort().clearHighlights('自评表');
    expect(rules()).toHaveLength(2);
    // Recorded by an earlier version (row numbers aside): it goes, and the record entry with it.
    recordOwnership({
      summarySheetIds: [],
      highlights: [{ sheetId: await sheetId(), formulas: [normaliseFormula(legacyFormula(highlightRules({ ...spec, firstRow: 9 })[1]))], fills: [rule.fill.toUpperCase()] }],
    });
    await createExcelPort().applyHighlights(spec);
    expect(rules().map((r) => r.formula).sort()).toEqual([USER_RULE.formula, ...highlightRules(spec).map((r) => r.formula)].sort());
    expect(JSON.parse(String(savedOwnership())).highlights).toEqual([]);
  });

  it("keeps the user's rules whatever a crafted record lists", async () => {
    const id = await sheetId();
    // The record claims the user's rule (formula and fill exactly), on this sheet.
    const crafted = { summarySheetIds: [], highlights: [{ sheetId: id, formulas: [normaliseFormula(USER_RULE.formula)], fills: [USER_RULE.fill] }] };
    recordOwnership(crafted);
    const port = createExcelPort();
    await port.applyHighlights(spec);
    userRuleKept();
    recordOwnership(crafted);
    await port.clearHighlights('自评表');
    expect(rules()).toHaveLength(1);
    userRuleKept();
  });

  it("normalises formulas by row only; a recorded formula of another shape is not the add-in's", () => {
    expect(normaliseFormula('=AND($C5>0,$D5/$C5<0.9)')).toBe(normaliseFormula('=and($C12>0,$D12/$C12<0.9)'));
    expect(normaliseFormula('=$C5>0')).not.toBe(normaliseFormula('=$D5>0'));
    const legacy = legacyFormula(highlightRules(spec)[0]);
    const record = { sheetId: 's', formulas: [normaliseFormula(legacyFormula(highlightRules({ ...spec, firstRow: 9 })[0]))], fills: ['#FFF4CE'] };
    expect(isOwnRule(legacy, '#fff4ce', record)).toBe(true);
    expect(isOwnRule(legacy, '#FFFFFF', record)).toBe(false);
    expect(isOwnRule(legacy, '#FFF4CE', undefined)).toBe(false);
    expect(isOwnRule('=$C5>0', '#FFF4CE', { sheetId: 's', formulas: [normaliseFormula('=$C9>0')], fills: ['#FFF4CE'] })).toBe(false);
  });

  it('saves no record for its marked rules: their marker says whose they are', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    await port.applyHighlights({ ...spec, band: { low: 0.8, high: 1 } });
    await port.clearHighlights('自评表');
    expect(fake.controls.savedSettings()[OWNERSHIP_KEY]).toBeUndefined();
    expect(rules()).toHaveLength(1);
    userRuleKept();
  });

  it('uses a fixed number of round trips, whatever the number of rows: the rules are listed with their formulas', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    const first = fake.controls.state().syncs.length;
    await port.applyHighlights({ ...spec, lastRow: 200_000 });
    expect(fake.controls.state().syncs.length - first).toBe(2);
  });
});
