// Highlights sent with the summary (WriteOptions.highlight): the source sheet's rules are listed with the
// sheets and replaced in the request that completes the summary, so evaluate + write makes no request of
// its own for them; the user's rules stay; a refused replacement falls back to applyHighlights.
import { cellAt, useFakeExcel, withFakeExcel } from '../support/excelHost';
import { createExcelPort } from '../../src/excel/officePort';
import { highlightRules } from '../../src/engine/summary/highlightRules';
import { OWNERSHIP_KEY } from '../../src/excel/settings';
import type { HighlightSpec } from '../../src/engine/workbookPort';
import { SEED_PROJECTS, generatedProjects, summaryLayoutFor } from './summaryFixture';

const SUMMARY = '绩效自评汇总';
const spec: HighlightSpec = { sheet: '自评表', firstRow: 5, lastRow: 11, firstCol: 1, lastCol: 5, budgetCol: 3, actualCol: 4, band: { low: 0.9, high: 1 } };
const USER_RULE = { address: 'E5:E11', formula: '=$E5<60', fill: '#FFC7CE' };

describe('summary and highlights in the same requests', () => {
  const fake = useFakeExcel(() => ({ sheets: [{ name: '自评表', rows: [['项目名称']], userRules: [USER_RULE] }] }));

  const ownFormulas = (): string[] =>
    fake.controls
      .rules('自评表')
      .filter((r) => r.formula !== USER_RULE.formula)
      .map((r) => r.formula ?? '')
      .sort();

  it('creates the sheet and the rules in two requests (sheets + rules listed, then everything written)', async () => {
    const port = createExcelPort();
    const result = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY, { sourceSheet: '自评表', highlight: spec });
    expect(result).toEqual({ sheetName: SUMMARY, highlighted: true });
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:all']);
    expect(ownFormulas()).toEqual(highlightRules(spec).map((r) => r.formula).sort());
    expect(fake.controls.rules('自评表').filter((r) => r.formula === USER_RULE.formula)).toHaveLength(1);
    expect(fake.controls.state().syncs.filter((s) => s.error)).toEqual([]);
  });

  it('on a rewrite replaces its own rules (not adding to them) and keeps the user rule', async () => {
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY, { sourceSheet: '自评表', highlight: spec });
    port.meter.reset();
    const next = { ...spec, lastRow: 20, band: { low: 0.8, high: 1.1 } };
    const result = await port.writeSummary(summaryLayoutFor(generatedProjects(16)), SUMMARY, { sourceSheet: '自评表', highlight: next });
    expect(result.highlighted).toBe(true);
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:all']);
    expect(ownFormulas()).toEqual(highlightRules(next).map((r) => r.formula).sort());
    expect(fake.controls.rules('自评表')).toHaveLength(4);
  });

  it('without a highlight spec sends no rules and answers no highlighted', async () => {
    const port = createExcelPort();
    const result = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY, { sourceSheet: '自评表' });
    expect(result.highlighted).toBeUndefined();
    expect(ownFormulas()).toEqual([]);
  });
});

describe('a refused highlight replacement on a created sheet', () => {
  it('keeps the summary written and recorded as the add-in’s, and leaves the rules to applyHighlights', async () => {
    const seed = { sheets: [{ name: '自评表', rows: [], protected: true }], supportedSets: { ExcelApi: '1.14' } };
    await withFakeExcel(seed, async (controls) => {
      const port = createExcelPort();
      const layout = summaryLayoutFor(SEED_PROJECTS);
      const result = await port.writeSummary(layout, SUMMARY, { sourceSheet: '自评表', highlight: spec });
      expect(result.highlighted).toBeUndefined();
      expect(cellAt(controls, SUMMARY, layout.table.headerRow + 8, 1).v).toBe('合计');
      expect(JSON.parse(String(controls.savedSettings()[OWNERSHIP_KEY])).summarySheetIds).toEqual([controls.sheetId(SUMMARY)]);
      expect(controls.rules('自评表')).toEqual([]);
      // applyHighlights, which the workflow then calls, reports the refusal itself.
      await expect(port.applyHighlights(spec)).rejects.toMatchObject({ code: 'sheet_protected' });
    });
  });
});
