// Templates as WPS and Excel ship them: tens of thousands of merged ranges, drop-down lists down to row
// 1048576 on every column. The reader's work follows the cells holding data (no cell-by-cell expansion
// of merges or validations): these sheets are read whole and right, and the copy keeps their merges and
// validations exactly as they were. (Speed: `npm run bench -- hostile`.)
import { strFromU8, unzipSync } from 'fflate';
import { runWorkflow } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/workbookPort';
import { XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';
import { TEMPLATE_COLUMNS as COLS, budgetTemplate as template } from './packages';

const SETTINGS: Settings = { version: 1, sheet: '项目表', schemeId: 'mof2020', band: { low: 0.9, high: 1 } };

async function readAndCopy(bytes: Uint8Array): Promise<{ projects: { name: string; budget: number | null; actual: number | null }[]; flagged: number; sheetXml: string }> {
  const book = await XlsxWorkbook.fromBuffer(Buffer.from(bytes));
  const outcome = await runWorkflow(book, SETTINGS);
  const copy = unzipSync(await book.toBuffer());
  return {
    projects: outcome.evaluation.projects.map((p) => ({ name: p.name, budget: p.budget, actual: p.actual })),
    flagged: outcome.evaluation.totals.flagged,
    sheetXml: strFromU8(copy['xl/worksheets/sheet1.xml']),
  };
}

function expectProjects(projects: { name: string; budget: number | null; actual: number | null }[], rows: number): void {
  expect(projects).toHaveLength(rows);
  expect(projects[0]).toEqual({ name: '项目1', budget: 101, actual: 101 * 0.95 });
  expect(projects[9]).toEqual({ name: '项目10', budget: 103, actual: 103 * 0.6 });
  expect(projects[rows - 1]).toEqual({ name: `项目${rows}`, budget: 100 + (rows % 7), actual: (100 + (rows % 7)) * (rows % 10 === 0 ? 0.6 : 0.95) });
  let budget = 0;
  for (let i = 1; i <= rows; i++) budget += 100 + (i % 7);
  expect(projects.reduce((s, p) => s + (p.budget ?? 0), 0)).toBeCloseTo(budget, 6);
}

describe('merged ranges and validations of whole columns', () => {
  it.each([20_000, 50_000])('reads a sheet with %i merged ranges whole, and the copy keeps every range', async (count) => {
    const rows = count - 2;
    const { bytes, merges } = template(rows);
    expect(merges).toBe(count);
    const read = await readAndCopy(bytes);
    expectProjects(read.projects, rows);
    expect(read.flagged).toBeGreaterThanOrEqual(Math.floor(rows / 10));
    expect(read.sheetXml.match(/<(\w+:)?mergeCell\b/g)).toHaveLength(count);
  }, 120_000);

  it('reads a sheet with drop-down lists on 9 columns down to row 1048576; the copy keeps the 9 validations as they were', async () => {
    const { bytes } = template(2_000, { validations: true });
    const read = await readAndCopy(bytes);
    expectProjects(read.projects, 2_000);
    const sqrefs = [...read.sheetXml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*\ssqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual(COLS.map((c) => `${c}3:${c}1048576`));
  }, 120_000);
});
