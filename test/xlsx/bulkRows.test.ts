// Large summaries are finished on save as plain XML; the result must read back exactly like the
// summary ExcelJS writes cell by cell.
import { crc32 } from 'node:zlib';
import ExcelJS, { ValueType } from 'exceljs';
import type { SummaryLayout, SummaryValue } from '../../src/engine/summaryTypes';
import { escapeXml, columnLetters } from '../../src/xlsx/bulkRows';
import { readZipTexts, rebuildZip } from '../../src/xlsx/zipPatch';
import { XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';

const NAMES = ['=SUM(A1:A3)', '+86 热线', '-专项', '@会务费', '<b>&"quoted"</b>', '  leading and trailing  ', '项目\u0007铃'];

function layout(count: number): SummaryLayout {
  const header = ['序号', '项目名称', '预算数', '执行数', '使用率', '总分', '等级', '状态'];
  const rows: SummaryValue[][] = [];
  for (let i = 0; i < count; i++) {
    const budget = i % 9 === 0 ? null : 10 + i * 1.37;
    rows.push([i + 1, NAMES[i % NAMES.length] + (i >= NAMES.length ? ` ${i}` : ''), budget, 9 + i, budget === null ? null : (9 + i) / budget, i % 5 === 0 ? Number.NaN : 80 + (i % 20) / 3, i % 2 ? '优' : '良', i % 3 ? '超预算；执行率与填报不符' : '']);
  }
  const headerRow = 4;
  const totalsRow = headerRow + 1 + count;
  const flaggedRow = totalsRow + 2;
  const flagged: SummaryValue[][] = [['需关注的项目'], ['序号', '项目名称', '行号', '原因'], ...rows.map((r, i) => [i + 1, r[1], 100 + i, '超预算'])];
  return {
    sheetTitle: '汇总',
    blocks: [
      { id: 'title', row: 0, col: 0, values: [['绩效自评汇总']], numberFormats: ['@'] },
      { id: 'info', row: 2, col: 1, values: [['来源工作表', 'Sheet1']], numberFormats: ['@', '@'] },
      {
        id: 'table',
        row: headerRow,
        col: 0,
        values: [header, ...rows, [null, '合计', 1, 2, 0.5, null, null, null]],
        numberFormats: ['General', '@', '0.00', '0.00', '0.00%', '0.0', '@', '@'],
      },
      { id: 'flagged', row: flaggedRow, col: 0, values: flagged, numberFormats: ['General', '@', 'General', '@'] },
      { id: 'checks', row: flaggedRow + flagged.length + 1, col: 0, values: [['表内核对'], ['无']], numberFormats: ['@'] },
    ],
    table: { headerRow, col: 0, columns: header, rowCount: count, totalsRow, widths: [6, 30, 12, 12, 10, 8, 6, 30] },
    freezeRows: headerRow + 1,
    chart: { title: '', categories: [], rates: [], band: { low: 0.9, high: 1 }, seriesName: '', dataRow: headerRow, dataCol: 9, anchorRow: headerRow, anchorCol: 14 },
  };
}

interface CellFacts {
  value: unknown;
  type: ValueType;
  numFmt: string | undefined;
  bold: boolean;
}

async function summaryCells(bulkRowsAbove: number, count: number): Promise<{ cells: Map<string, CellFacts>; tableRef: string; sheetNames: string[] }> {
  const source = new ExcelJS.Workbook();
  source.addWorksheet('Sheet1').getCell('A1').value = '原表';
  const book = await XlsxWorkbook.fromBuffer(Buffer.from(await source.xlsx.writeBuffer()), '', { bulkRowsAbove });
  await book.writeSummary(layout(count), '绩效自评汇总');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('绩效自评汇总')!;
  const cells = new Map<string, CellFacts>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === null || cell.value === undefined) return;
      cells.set(cell.address, { value: cell.value, type: cell.type, numFmt: cell.numFmt, bold: cell.font?.bold === true });
    }),
  );
  const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
  return { cells, tableRef: Object.values(tables)[0].table.tableRef, sheetNames: wb.worksheets.map((w) => w.name) };
}

describe('deferred summary rows', () => {
  it('read back exactly like the summary ExcelJS writes cell by cell', async () => {
    const direct = await summaryCells(Infinity, 40);
    const bulk = await summaryCells(3, 40);
    expect(bulk.sheetNames).toEqual(['Sheet1', '绩效自评汇总']);
    expect(bulk.tableRef).toBe('A5:H45');
    expect(direct.tableRef).toBe(bulk.tableRef);
    expect([...bulk.cells.keys()].sort()).toEqual([...direct.cells.keys()].sort());
    for (const [address, facts] of direct.cells) expect({ address, ...bulk.cells.get(address) }).toEqual({ address, ...facts });
  });

  it('keeps every name a text cell holding exactly the name (control characters aside)', async () => {
    const { cells } = await summaryCells(3, 40);
    for (const [i, name] of NAMES.entries()) {
      const cell = cells.get(`B${6 + i}`);
      expect(cell?.type).toBe(ValueType.String);
      expect(cell?.value).toBe(name.replace('\u0007', ''));
    }
    expect(cells.get('B46')?.value).toBe('合计');
    expect(cells.get('B44')?.value).toBe(`${NAMES[38 % NAMES.length]} 38`);
  });

  it('leaves NaN and missing values as empty cells', async () => {
    const { cells } = await summaryCells(3, 40);
    expect(cells.get('F6')).toBeUndefined(); // row of project 1: NaN total
    expect(cells.get('C15')).toBeUndefined(); // project 10: no budget
    for (const facts of cells.values()) if (typeof facts.value === 'number') expect(Number.isFinite(facts.value)).toBe(true);
  });
});

describe('zip entries', () => {
  it('replaces the named entries and copies the others byte for byte, with valid checksums', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 'alpha';
    wb.addWorksheet('B').getCell('A1').value = 'beta';
    const zip = Buffer.from(await wb.xlsx.writeBuffer());
    const before = readZipTexts(zip, () => true);
    const sheet = before.get('xl/worksheets/sheet2.xml')!;
    const patched = await rebuildZip(zip, new Map([['xl/worksheets/sheet2.xml', sheet.replace('</sheetData>', '<row r="5"><c r="C5"><v>42</v></c></row></sheetData>')]]), 6);
    const after = readZipTexts(patched, () => true);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before) if (name !== 'xl/worksheets/sheet2.xml') expect(after.get(name)).toBe(text);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(patched as unknown as ArrayBuffer);
    expect(reread.getWorksheet('B')!.getCell('C5').value).toBe(42);
    expect(reread.getWorksheet('A')!.getCell('A1').value).toBe('alpha');
    // The central directory's checksum matches the new content.
    const eocd = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = patched.readUInt32LE(eocd + 16);
    for (let i = 0; i < patched.readUInt16LE(eocd + 10); i++) {
      const n = patched.readUInt16LE(at + 28);
      const name = patched.toString('utf8', at + 46, at + 46 + n);
      if (name === 'xl/worksheets/sheet2.xml') expect(patched.readUInt32LE(at + 16)).toBe(crc32(Buffer.from(after.get(name)!, 'utf8')) >>> 0);
      at += 46 + n + patched.readUInt16LE(at + 30) + patched.readUInt16LE(at + 32);
    }
  });

  it('refuses what is not a zip', () => {
    expect(() => readZipTexts(Buffer.from('not a zip'), () => true)).toThrow(/zip/);
  });
});

describe('xml helpers', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(escapeXml('铃\u0007声')).toBe('铃声');
    expect(escapeXml('plain')).toBe('plain');
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
