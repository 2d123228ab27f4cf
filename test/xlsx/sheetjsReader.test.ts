// Reading values with SheetJS from packages of several producers; the grid is the block holding data.
import ExcelJS from 'exceljs';
import { XlsxError } from '../../src/xlsx/errors';
import { WorkbookValues } from '../../src/xlsx/sheetjsReader';
import { sdkPackage, sheetXml, TABLE } from './packages';

async function excelJsValues(build: (wb: ExcelJS.Workbook) => void): Promise<WorkbookValues> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return WorkbookValues.read(Buffer.from(await wb.xlsx.writeBuffer()), 'ooxml');
}

describe('WorkbookValues', () => {
  it('returns the used block and its 1-based origin when the table does not start at A1', async () => {
    const values = await excelJsValues((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('C5').value = '项目名称';
      ws.getCell('D5').value = '预算数';
      ws.getCell('C6').value = '甲';
      ws.getCell('E7').value = 3;
      ws.getCell('B2').style = { numFmt: '0.00' }; // formatted but empty: not part of the block
      ws.getCell('F9').value = '   '; // blank text: not data
    });
    const data = values.read('S');
    expect(data.origin).toEqual({ row: 5, col: 3 });
    expect(data.grid).toEqual([
      ['项目名称', '预算数', null],
      ['甲', null, null],
      [null, null, 3],
    ]);
  });

  it('keeps a merged value only in the top-left cell, also when a producer wrote it into the covered cells', async () => {
    const values = await excelJsValues((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '项目资金（万元）';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = '年初预算数';
      ws.getCell('B2').value = '全年预算数';
      ws.getCell('C2').value = '全年执行数';
    });
    expect(values.read('S').grid[0]).toEqual(['项目资金（万元）', null, null]);
    const covered = sheetXml([['合并', '合并', '合并'], ['a', 'b', 'c']], { extra: '<x:mergeCells count="1"><x:mergeCell ref="A1:C1"/></x:mergeCells>' });
    const sdk = WorkbookValues.read(Buffer.from(sdkPackage([['S', covered]])), 'ooxml');
    expect(sdk.read('S').grid).toEqual([
      ['合并', null, null],
      ['a', 'b', 'c'],
    ]);
  });

  it('reads cached formula results, rich text, hyperlinks and dates as plain values; errors as none', async () => {
    const values = await excelJsValues((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = { richText: [{ text: '项目', font: { bold: true } }, { text: '名称' }] };
      ws.getCell('B1').value = { text: 'Budget', hyperlink: 'https://example.org' };
      ws.getCell('C1').value = '执行率';
      ws.getCell('D1').value = new Date(Date.UTC(2018, 11, 31));
      ws.getCell('A2').value = 40;
      ws.getCell('B2').value = { formula: 'A2*2', result: 80 };
      ws.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('D2').value = true;
    });
    expect(values.read('S').grid).toEqual([
      ['项目名称', 'Budget', '执行率', '2018-12-31'],
      [40, 80, null, true],
    ]);
  });

  it('gives an empty grid for an empty sheet and keeps sheet names over 31 characters', () => {
    const long = '二〇一八年度项目支出绩效自评表（市直部门汇总，含追加预算）';
    const values = WorkbookValues.read(Buffer.from(sdkPackage([[long, sheetXml(TABLE)], ['Empty', sheetXml([])]])), 'ooxml');
    expect(values.sheetNames).toEqual([long, 'Empty']);
    expect(values.read(long).grid).toEqual(TABLE);
    expect(values.read('Empty')).toEqual({ name: 'Empty', grid: [], origin: { row: 1, col: 1 } });
  });

  it('ignores a declared dimension and refuses a block above the cell limit, naming its farthest cell', () => {
    const stray = sheetXml(TABLE, { dimension: 'A1:C3', extraRows: '<x:row r="200000"><x:c r="XFD200000"><x:v>1</x:v></x:c></x:row>' });
    const values = WorkbookValues.read(Buffer.from(sdkPackage([['S', stray]])), 'ooxml');
    let err: unknown;
    try {
      values.read('S');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as XlsxError).details).toMatchObject({ range: 'A1:XFD200000', far: 'XFD200000', found: 200000 * 16384 });
    expect((err as XlsxError).code).toBe('sheet_too_large');
  });
});
