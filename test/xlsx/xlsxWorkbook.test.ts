import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS, { ValueType } from 'exceljs';
import type { HighlightSpec, Settings } from '../../src/engine/workbookPort';
import type { SummaryLayout, SummaryValue } from '../../src/engine/summary/summaryTypes';
import { XlsxError } from '../../src/xlsx/errors';
import { XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';

/** A small summary layout: title at A1, table header at row 3 (0-based 2), two projects, totals row. */
function layout(names: string[] = ['=SUM(A1)', '甲项目']): SummaryLayout {
  const header = ['序号', '项目名称', '预算数', '使用率'];
  const rows: SummaryValue[][] = names.map((n, i) => [i + 1, n, 100 + i, 0.9 + i / 100]);
  const totals: SummaryValue[] = [null, '合计', 201, 0.905];
  const headerRow = 2;
  return {
    sheetTitle: '汇总',
    blocks: [
      { id: 'title', row: 0, col: 0, values: [['绩效自评汇总']], numberFormats: ['@'] },
      { id: 'table', row: headerRow, col: 0, values: [header, ...rows, totals], numberFormats: ['General', '@', '0.00', '0.00%'] },
    ],
    table: { headerRow, col: 0, columns: header, rowCount: rows.length, totalsRow: headerRow + 1 + rows.length, widths: [6, 30, 12, 10] },
    freezeRows: headerRow + 1,
    chart: { title: '', categories: [], rates: [], band: { low: 0.9, high: 1 }, seriesName: '', dataRow: 0, dataCol: 6, anchorRow: 0, anchorCol: 8 },
  };
}

/** ExcelJS keeps conditional formats in a field its typings do not declare. */
function formats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

async function bookWith(...sheets: string[]): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) wb.addWorksheet(s).getCell('A1').value = `${s}!`;
  return XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
}

async function reload(book: XlsxWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'xlsx-port-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening and reading', () => {
  it('lists sheets in workbook order and reads the first one by default', async () => {
    const book = await bookWith('封面', '明细', 'Notes');
    expect(await book.listSheets()).toEqual(['封面', '明细', 'Notes']);
    expect((await book.readSource()).name).toBe('封面');
    expect((await book.readSource({ sheet: '明细' })).grid).toEqual([['明细!']]);
  });

  it('reads the sheet of a source the pane saved and reports it as the sheet (a file has no selection)', async () => {
    const book = await bookWith('封面', '明细');
    const data = await book.readSource({ source: { sheet: '明细', kind: 'table', table: 'Projects' } });
    expect(data.grid).toEqual([['明细!']]);
    expect(data.source).toEqual({ sheet: '明细', kind: 'sheet' });
    expect((await book.readSource()).source).toEqual({ sheet: '封面', kind: 'sheet' });
  });

  it('rejects an unknown sheet, a file that is not a workbook and a missing file with their codes', async () => {
    const book = await bookWith('Sheet1');
    await expect(book.readSource({ sheet: 'Nope' })).rejects.toMatchObject({ code: 'unknown_sheet' });
    await expect(XlsxWorkbook.fromBuffer(Buffer.from('plain text'))).rejects.toBeInstanceOf(XlsxError);
    await expect(XlsxWorkbook.fromBuffer(Buffer.from('plain text'))).rejects.toMatchObject({ code: 'not_workbook' });
    await expect(XlsxWorkbook.fromFile(join(dir, 'missing.xlsx'))).rejects.toMatchObject({ code: 'file_missing' });
    await expect(XlsxWorkbook.fromFile(dir)).rejects.toMatchObject({ code: 'not_a_file' });
  });
});

describe('writeSummary', () => {
  it('renders values with their formats, names as text, a table, frozen rows and widths', async () => {
    const book = await bookWith('Sheet1');
    const { sheetName } = await book.writeSummary(layout(), '绩效自评汇总');
    expect(sheetName).toBe('绩效自评汇总');
    const ws = (await reload(book)).getWorksheet('绩效自评汇总')!;
    expect(ws.getCell('A1').value).toBe('绩效自评汇总');
    expect(ws.getCell('B4').value).toBe('=SUM(A1)');
    expect(ws.getCell('B4').type).toBe(ValueType.String);
    expect(ws.getCell('B4').numFmt).toBe('@');
    expect(ws.getCell('C5').value).toBe(101);
    expect(ws.getCell('C5').numFmt).toBe('0.00');
    expect(ws.getCell('D4').numFmt).toBe('0.00%');
    expect(ws.getCell('B6').value).toBe('合计');
    expect(ws.getCell('C6').value).toBe(201);
    expect(ws.getCell('C6').font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    const [table] = Object.values(tables);
    expect(table.table.tableRef).toBe('A3:D5');
  });

  it('never takes over a sheet it did not create, and replaces its own', async () => {
    const book = await bookWith('Sheet1', '绩效自评汇总');
    expect((await book.writeSummary(layout(), '绩效自评汇总')).sheetName).toBe('绩效自评汇总 (2)');
    expect((await book.writeSummary(layout(['乙项目']), '绩效自评汇总 (2)')).sheetName).toBe('绩效自评汇总 (2)');
    const wb = await reload(book);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', '绩效自评汇总', '绩效自评汇总 (2)']);
    expect(wb.getWorksheet('绩效自评汇总')!.getCell('A1').value).toBe('绩效自评汇总!');
    expect(wb.getWorksheet('绩效自评汇总 (2)')!.getCell('B4').value).toBe('乙项目');
  });

  it('gives each summary table a name of its own within the workbook', async () => {
    const book = await bookWith('Sheet1');
    await book.writeSummary(layout(), 'A');
    await book.writeSummary(layout(), 'B');
    const wb = await reload(book);
    const names = ['A', 'B'].map((s) => Object.keys((wb.getWorksheet(s) as unknown as { tables: object }).tables)[0]);
    expect(new Set(names).size).toBe(2);
  });

  it('puts an autofilter on the header instead of a table when there are no projects', async () => {
    const book = await bookWith('Sheet1');
    await book.writeSummary(layout([]), 'S');
    const ws = (await reload(book)).getWorksheet('S')!;
    expect(Object.keys((ws as unknown as { tables: object }).tables)).toHaveLength(0);
    expect(ws.autoFilter).toBeTruthy();
  });
});

describe('highlights, settings and saving', () => {
  const spec: HighlightSpec = { sheet: 'Sheet1', firstRow: 4, lastRow: 10, firstCol: 1, lastCol: 8, budgetCol: 3, actualCol: 4, band: { low: 0.9, high: 1 } };

  it('adds its formula rules on the project rows in the copy, keeps the user\'s and removes only its own', async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet('Sheet1');
    ws.getCell('A1').value = 'x';
    const userRule: ExcelJS.ConditionalFormattingOptions = {
      ref: 'A1:A2',
      rules: [{ type: 'expression', priority: 1, formulae: ['A1>0'], style: {} }],
    };
    ws.addConditionalFormatting(userRule);
    const book = await XlsxWorkbook.fromBuffer(Buffer.from(await source.xlsx.writeBuffer()));
    await book.applyHighlights(spec);
    await book.applyHighlights(spec);
    const copy = (await reload(book)).getWorksheet('Sheet1')!;
    // The rules' range is written without creating cells on the user's sheet.
    expect([copy.findRow(4), copy.findRow(10)]).toEqual([undefined, undefined]);
    const all = formats(copy);
    expect(all[0].ref).toBe('A1:A2');
    const ours = all.slice(1).flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule: rule as { type: string; formulae: string[]; priority: number } })));
    expect(ours).toHaveLength(3);
    for (const { ref, rule } of ours) {
      expect(ref).toBe('A4:H10');
      expect(rule.type).toBe('expression');
      expect(rule.formulae[0]).toMatch(/\$D4/);
      expect(rule.priority).toBeGreaterThan(1);
    }
    await book.clearHighlights('Sheet1');
    expect(formats((await reload(book)).getWorksheet('Sheet1')!).map((cf) => cf.ref)).toEqual(['A1:A2']);
  });

  it('keeps settings in memory and has nothing to listen to', async () => {
    const book = await bookWith('Sheet1');
    expect(await book.loadSettings()).toBeNull();
    const settings: Settings = { version: 1, schemeId: 'wuhan2018', band: { low: 0.9, high: 1 } };
    await book.saveSettings(settings);
    expect(await book.loadSettings()).toEqual(settings);
    const stop = await book.onSourceChanged(() => undefined);
    await expect(stop()).resolves.toBeUndefined();
  });

  it('saves through a temporary file and leaves only the workbook behind', async () => {
    const book = await bookWith('Sheet1');
    const out = join(dir, 'out.xlsx');
    await book.saveAs(out);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    const again = await XlsxWorkbook.fromFile(out);
    expect(await again.listSheets()).toEqual(['Sheet1']);
  });

  it('leaves no file at all when the save fails', async () => {
    const book = await bookWith('Sheet1');
    await expect(book.saveAs(join(dir, 'missing-folder', 'out.xlsx'))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
