import { FakeWorkbook } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { highlightRules } from '../../src/engine/highlightRules';
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

  it('takes nothing of a workbook without its record (a rule that looks like its own is kept)', async () => {
    const rule = highlightRules(spec)[1];
    wb.addRule('自评表', 'A5:E11', rule.formula, rule.fill);
    await createExcelPort().clearHighlights('自评表');
    expect(wb.sheet('自评表').cfs).toHaveLength(2);
  });

  it('normalises formulas by row only', () => {
    expect(normaliseFormula('=AND($C5>0,$D5/$C5<0.9)')).toBe(normaliseFormula('=and($C12>0,$D12/$C12<0.9)'));
    expect(normaliseFormula('=$C5>0')).not.toBe(normaliseFormula('=$D5>0'));
    expect(isOwnRule('=$C5>0', '#fff4ce', { sheetId: 's', formulas: [normaliseFormula('=$C9>0')], fills: ['#FFF4CE'] })).toBe(true);
    expect(isOwnRule('=$C5>0', '#FFFFFF', { sheetId: 's', formulas: [normaliseFormula('=$C9>0')], fills: ['#FFF4CE'] })).toBe(false);
    expect(isOwnRule('=$C5>0', '#FFF4CE', undefined)).toBe(false);
  });

  it('saves its record only when the rules change: not on a refresh with the same band', async () => {
    const port = createExcelPort();
    await port.applyHighlights(spec);
    expect(wb.settingsSaves).toBe(1);
    // More rows, same band: the recorded formulas (row numbers aside) and fills are the same.
    await port.applyHighlights({ ...spec, lastRow: 40 });
    expect(wb.settingsSaves).toBe(1);
    await port.applyHighlights({ ...spec, band: { low: 0.8, high: 1 } });
    expect(wb.settingsSaves).toBe(2);
    await port.clearHighlights('自评表');
    expect(wb.settingsSaves).toBe(3);
    // Nothing recorded any more: clearing again saves nothing.
    await port.clearHighlights('自评表');
    expect(wb.settingsSaves).toBe(3);
    // The record still tells its rules from the user's after the skipped save.
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
