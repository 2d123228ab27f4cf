// "汇总各部门 / Consolidate sheets" through the Office.js port on the fake host: every department sheet read in
// one pass, the departments view written as its own sheet beside the summary.
import { installFakeExcelInNode } from '../e2e/fakeHost/node';
import { sampleWorkbook } from '../e2e/support/workbooks';
import { createExcelPort } from '../../src/excel/officePort';
import { consolidateSheets } from '../../src/engine/consolidate/consolidateSheets';
import type { Settings } from '../../src/engine/workbookPort';

jest.setTimeout(60_000);

it('writes the departments sheet through the Office.js port', async () => {
  const host = installFakeExcelInNode(sampleWorkbook());
  try {
    const port = createExcelPort();
    const settings: Settings = { version: 1, schemeId: 'wuhan2018', band: { low: 0.9, high: 1 }, monitoringMonth: 9 };
    const out = await consolidateSheets(port, settings, { lang: 'zh' });
    expect(out.summarySheet).toBe('部门汇总');
    expect(out.consolidation.failures.map((f) => f.file)).toEqual(['说明']);
    expect(String(host.controls.values('部门汇总', 'A1')[0][0])).toMatch(/^1–9月 运行监控/);
  } finally {
    host.uninstall();
  }
});
