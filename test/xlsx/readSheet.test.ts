import ExcelJS from 'exceljs';
import { readSheet } from '../../src/xlsx/readSheet';

/** Round-trips through an .xlsx buffer so the test reads what a file on disk holds. */
async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return copy;
}

describe('readSheet', () => {
  it('returns the used block and its 1-based origin when the table does not start at A1', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('C5').value = '项目名称';
    ws.getCell('D5').value = '预算数';
    ws.getCell('C6').value = '甲';
    ws.getCell('E7').value = 3;
    ws.getCell('B2').style = { numFmt: '0.00' }; // formatted but empty: not part of the block
    const data = readSheet((await reload(wb)).getWorksheet('S')!);
    expect(data.name).toBe('S');
    expect(data.origin).toEqual({ row: 5, col: 3 });
    expect(data.grid).toEqual([
      ['项目名称', '预算数', null],
      ['甲', null, null],
      [null, null, 3],
    ]);
  });

  it('keeps a merged value only in the top-left cell, as Excel hands it over', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '项目资金（万元）';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = '年初预算数';
    ws.getCell('B2').value = '全年预算数';
    ws.getCell('C2').value = '全年执行数';
    const data = readSheet((await reload(wb)).getWorksheet('S')!);
    expect(data.grid[0]).toEqual(['项目资金（万元）', null, null]);
  });

  it('reads cached formula results, rich text and hyperlinks as plain values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: '项目' }, { text: '名称' }] };
    ws.getCell('B1').value = { text: 'Budget', hyperlink: 'https://example.org' };
    ws.getCell('C1').value = '执行率';
    ws.getCell('A2').value = 40;
    ws.getCell('B2').value = { formula: 'A2*2', result: 80 };
    ws.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const data = readSheet((await reload(wb)).getWorksheet('S')!);
    expect(data.grid).toEqual([
      ['项目名称', 'Budget', '执行率'],
      [40, 80, null],
    ]);
  });

  it('gives an empty grid for an empty sheet', () => {
    const wb = new ExcelJS.Workbook();
    expect(readSheet(wb.addWorksheet('Empty'))).toEqual({ name: 'Empty', grid: [], origin: { row: 1, col: 1 } });
  });
});
