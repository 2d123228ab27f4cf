import { FakeWorkbook } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { HIGHLIGHT_MARKER, highlightRules } from '../../src/engine/highlightRules';
import { OWNERSHIP_KEY } from '../../src/excel/settings';
import { isOwnRule, normaliseFormula } from '../../src/excel/highlights';
import type { HighlightSpec } from '../../src/engine/port';

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

describe('highlights', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeWorkbook();
    wb.addSheet('自评表');
    wb.addSheet('Other');
    wb.addRule('自评表', USER_RULE.address, USER_RULE.formula, USER_RULE.fill);
    uninstall = wb.install();
  });
  afterEach(() => uninstall());

  const ownRules = (): { formula: string; fill: string }[] =>
    wb.sheet('自评表').cfs.filter((cf) => cf.formula !== USER_RULE.formula).map((cf) => ({ formula: cf.formula, fill: cf.fill }));

  it('adds the three formula rules on the source rows, with their colours', async () => {
    await createExcelPort().applyHighlights(spec);
    const cfs = wb.sheet('自评表').cfs;
    expect(cfs).toHaveLength(4);
    const added = cfs.slice(1);
    const expected = highlightRules(spec);
    expect(added.map((cf) => cf.formula)).toEqual(expected.map((r) => r.formula));
    expect(added.map((cf) => cf.fill)).toEqual(expected.map((r) => r.fill.toUpperCase()));
    expect(added.map((cf) => cf.font)).toEqual(expected.map((r) => r.fontColor.toUpperCase()));
    for (const cf of added) expect(cf.rect).toEqual({ r: 4, c: 0, rows: 7, cols: 5 });
  });

  it('replaces its own rules on re-run and never touches the user rule', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    await port.applyHighlights({ ...spec, lastRow: 20, band: { low: 0.8, high: 1.1 } });
    const cfs = wb.sheet('自评表').cfs;
    expect(cfs).toHaveLength(4);
    expect(cfs[0]).toMatchObject({ formula: USER_RULE.formula, fill: USER_RULE.fill });
    expect(ownRules()[0].formula).toContain('<0.799999999');
  });

  it('clears only its own rules', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    await port.clearHighlights('自评表');
    expect(wb.sheet('自评表').cfs).toEqual([expect.objectContaining({ formula: USER_RULE.formula })]);
    // Clearing again, or a sheet it never highlighted, changes nothing.
    await port.clearHighlights('自评表');
    await port.clearHighlights('Other');
    expect(wb.sheet('自评表').cfs).toHaveLength(1);
  });

  it('leaves a user rule that copies one of its formulas but not its fill', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    const copy = highlightRules(spec)[0];
    wb.addRule('自评表', 'A5:E11', copy.formula, '#00B050');
    await port.clearHighlights('自评表');
    expect(wb.sheet('自评表').cfs.map((cf) => cf.fill)).toEqual([USER_RULE.fill, '#00B050']);
  });

  it('still knows its rules after the user inserted rows above (formulas shift)', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    for (const cf of wb.sheet('自评表').cfs.slice(1)) {
      cf.formula = cf.formula.replace(/\$([CD])5/g, '$$$17');
      cf.rect = { ...cf.rect, r: cf.rect.r + 2 };
    }
    await port.clearHighlights('自评表');
    expect(wb.sheet('自评表').cfs).toHaveLength(1);
  });

  /** A rule as the add-in wrote it before rules carried their marker. */
  const legacyFormula = (rule: { formula: string }): string => rule.formula.replace(`,${HIGHLIGHT_MARKER}`, '');

  it('takes a rule without its marker only when the record lists it and its shape is the add-in\'s', async () => {
    const rule = highlightRules(spec)[1];
    wb.addRule('自评表', 'A5:E11', legacyFormula(rule), rule.fill);
    // No record: an unmarked rule, however alike, is the user's.
    await createExcelPort().clearHighlights('自评表');
    expect(wb.sheet('自评表').cfs).toHaveLength(2);
    // Recorded by an earlier version (row numbers aside): it goes, and the record entry with it.
    wb.settings.set(OWNERSHIP_KEY, JSON.stringify({ summarySheetIds: [], highlights: [
      { sheetId: wb.sheet('自评表').id, formulas: [normaliseFormula(legacyFormula(highlightRules({ ...spec, firstRow: 9 })[1]))], fills: [rule.fill.toUpperCase()] },
    ] }));
    await createExcelPort().applyHighlights(spec);
    const cfs = wb.sheet('自评表').cfs;
    expect(cfs.map((cf) => cf.formula)).toEqual([USER_RULE.formula, ...highlightRules(spec).map((r) => r.formula)]);
    expect(JSON.parse(String(wb.settings.get(OWNERSHIP_KEY))).highlights).toEqual([]);
  });

  it('keeps the user\'s rules whatever a crafted record lists', async () => {
    const sheetId = wb.sheet('自评表').id;
    // The record claims the user's rule (formula and fill exactly), on this sheet.
    wb.settings.set(OWNERSHIP_KEY, JSON.stringify({ summarySheetIds: [], highlights: [
      { sheetId, formulas: [normaliseFormula(USER_RULE.formula)], fills: [USER_RULE.fill] },
    ] }));
    const port = createExcelPort();
    await port.applyHighlights(spec);
    expect(wb.sheet('自评表').cfs[0]).toMatchObject({ formula: USER_RULE.formula, fill: USER_RULE.fill });
    wb.settings.set(OWNERSHIP_KEY, JSON.stringify({ summarySheetIds: [], highlights: [
      { sheetId, formulas: [normaliseFormula(USER_RULE.formula)], fills: [USER_RULE.fill] },
    ] }));
    await port.clearHighlights('自评表');
    expect(wb.sheet('自评表').cfs).toEqual([expect.objectContaining({ formula: USER_RULE.formula, fill: USER_RULE.fill })]);
  });

  it('normalises formulas by row only; a recorded formula of another shape is not the add-in\'s', () => {
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
    expect(wb.settingsSaves).toBe(0);
    expect(wb.sheet('自评表').cfs).toEqual([expect.objectContaining({ formula: USER_RULE.formula })]);
  });

  it('uses a fixed number of round trips, whatever the number of rows', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    const first = wb.requests.length;
    await port.applyHighlights({ ...spec, lastRow: 200_000 });
    expect(wb.requests.length - first).toBe(3);
  });
});
