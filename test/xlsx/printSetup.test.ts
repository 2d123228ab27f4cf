// The evaluated copy's summary sheet prints on A4 landscape, one page wide, the table header repeated
// on every page, page numbers in the footer.
import { join } from 'node:path';
import { buildSeedWorkbook } from '../support/seedWorkbook';
import { reportPrintSetup, summaryPrintSetup } from '../../src/engine/summary/printSetup';
import { load, makeTempDir, removeDir, runInProcess, save } from '../cli/cliHarness';

describe('print setup', () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => removeDir(dir));

  it('is written into the evaluated copy, read back by ExcelJS', async () => {
    const input = await save(buildSeedWorkbook(), join(dir, 'seed.xlsx'));
    const run = await runInProcess([input, '--scheme', 'wuhan2018'], dir);
    expect(run.code).toBe(0);
    const book = await load(join(dir, 'seed.evaluated.xlsx'));
    const ws = book.getWorksheet('绩效自评汇总');
    expect(ws).toBeDefined();
    const setup = ws!.pageSetup;
    expect(setup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const table = ws!.getRow(Number(String(setup.printTitlesRow).split(':')[0]));
    expect(table.getCell(1).value).toBe('序号');
    expect(ws!.headerFooter.oddFooter).toBe('&C&P / &N');
    // The source sheet is left as it was.
    expect(book.getWorksheet('Sheet1')!.pageSetup.printTitlesRow).toBeUndefined();
  });

  it('repeats the summary table header; the report sheet is portrait', () => {
    const setup = summaryPrintSetup({ table: { headerRow: 9 } } as Parameters<typeof summaryPrintSetup>[0]);
    expect(setup.titleRows).toEqual({ first: 10, last: 10 });
    expect(reportPrintSetup()).toMatchObject({ orientation: 'portrait', paper: 'A4', titleRows: null });
  });
});
