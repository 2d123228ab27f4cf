// Large summaries are finished on save as plain XML; the result must read back exactly like the
// summary ExcelJS writes cell by cell.
import { buffer as readStream } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import ExcelJS, { ValueType } from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import yauzl from 'yauzl';
import type { SummaryLayout, SummaryValue } from '../../src/engine/summaryTypes';
import { escapeXml } from '../../src/xlsx/bulkRows';
import { storableText } from '../../src/xlsx/cellText';
import { readZipTexts, rebuildZip } from '../../src/xlsx/zipPatch';
import { XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';

const NAMES = [
  '=SUM(A1:A3)',
  '+86 热线',
  '-专项',
  '@会务费',
  '<b>&"quoted"</b>',
  "it's > 'x' ]]>",
  '  leading and trailing  ',
  '项目\u0007铃',
  'nul\u0000 us\u001F del\u007F ff\u000C vt\u000B',
  'tab\there',
  'two\nlines',
  'cr\r\nlf and lone cr\r',
  'lone high \uD800 end',
  'lone low \uDC00 end',
  'trailing high \uDBFF',
  'pair 😀 kept',
  'non\uFFFEchar\uFFFF',
  'literal _x0041_ and _x00e9_ and _x_',
  '&amp; &#13; &lt;',
];
const NUMBERS = [1e21, 1e-7, -0, 0.1 + 0.2, 123456789.12345679, Number.POSITIVE_INFINITY, Number.MIN_VALUE, -1.5e300];

function layout(count: number): SummaryLayout {
  const header = ['序号', '项目名称', '预算数', '执行数', '使用率', '总分', '等级', '状态'];
  const rows: SummaryValue[][] = [];
  for (let i = 0; i < count; i++) {
    const budget = i % 4 === 3 ? NUMBERS[Math.floor(i / 4) % NUMBERS.length] : i % 9 === 0 ? null : 10 + i * 1.37;
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

async function summaryCells(bulkRowsAbove: number, count: number): Promise<{ cells: Map<string, CellFacts>; tableRef: string; sheetNames: string[]; parts: Map<string, string> }> {
  const source = new ExcelJS.Workbook();
  source.addWorksheet('Sheet1').getCell('A1').value = '原表';
  const book = await XlsxWorkbook.fromBuffer(Buffer.from(await source.xlsx.writeBuffer()), '', { bulkRowsAbove });
  await book.writeSummary(layout(count), '绩效自评汇总');
  const written = await book.toBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(written as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('绩效自评汇总')!;
  const cells = new Map<string, CellFacts>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === null || cell.value === undefined) return;
      cells.set(cell.address, { value: cell.value, type: cell.type, numFmt: cell.numFmt, bold: cell.font?.bold === true });
    }),
  );
  const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
  const parts = await readZipTexts(written, (name) => name.endsWith('.xml'));
  return { cells, tableRef: Object.values(tables)[0].table.tableRef, sheetNames: wb.worksheets.map((w) => w.name), parts };
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

  it('keeps every name a text cell holding exactly the name, whatever characters it holds', async () => {
    for (const bulkRowsAbove of [3, Infinity]) {
      const { cells } = await summaryCells(bulkRowsAbove, 40);
      for (const [i, name] of NAMES.entries()) {
        const cell = cells.get(`B${6 + i}`);
        expect({ bulkRowsAbove, type: cell?.type, value: cell?.value }).toEqual({ bulkRowsAbove, type: ValueType.String, value: name });
      }
      expect(cells.get('B46')?.value).toBe('合计');
      expect(cells.get('B44')?.value).toBe(`${NAMES[38 % NAMES.length]} 38`);
    }
  });

  it('writes well-formed XML 1.0 with no formula, whatever the names hold', async () => {
    const { parts } = await summaryCells(3, 40);
    const sheet = parts.get('xl/worksheets/sheet2.xml')!;
    // Deferred rows (from row 7) hold their text as shared strings, never as formulas.
    expect(sheet).toMatch(/<c r="B7" s="\d+" t="s"><v>\d+<\/v><\/c>/);
    expect(sheet).not.toContain('<f>');
    expect(parts.get('xl/sharedStrings.xml')).toContain('<t>=SUM(A1:A3)</t>');
    const sst = parts.get('xl/sharedStrings.xml')!;
    expect(sst).toContain('项目_x0007_铃');
    const [, count, unique] = /<sst\b[^>]*\bcount="(\d+)" uniqueCount="(\d+)"/.exec(sst)!;
    expect(Number(unique)).toBe(sst.split('<si>').length - 1);
    expect(Number(count)).toBe((sheet.match(/ t="s"/g) ?? []).length + (parts.get('xl/worksheets/sheet1.xml')!.match(/ t="s"/g) ?? []).length);
    for (const [fileName, contents] of parts) {
      const result = await validateXML({ xml: { fileName, contents }, normalization: 'c14n' });
      expect({ fileName, errors: result.errors.map((e) => e.message) }).toEqual({ fileName, errors: [] });
    }
    // The check itself rejects a raw control character.
    expect((await validateXML({ xml: { fileName: 'bad.xml', contents: '<a>\u0007</a>' }, normalization: 'c14n' })).valid).toBe(false);
  });

  it('writes numbers as ExcelJS does, and no non-finite one', async () => {
    const direct = await summaryCells(Infinity, 40);
    const bulk = await summaryCells(3, 40);
    for (const row of [9, 13, 17, 21, 25, 29, 33, 37]) {
      const address = `C${row}`; // projects 4, 8, …: the edge numbers as budgets
      expect({ address, ...bulk.cells.get(address) }).toEqual({ address, ...direct.cells.get(address) });
    }
    expect(bulk.cells.get('C9')?.value).toBe(1e21);
    expect(bulk.cells.get('C13')?.value).toBe(1e-7);
    expect(bulk.cells.get('C33')?.value).toBe(Number.MIN_VALUE);
    expect(bulk.cells.get('C29')).toBeUndefined(); // Infinity
    expect(bulk.parts.get('xl/worksheets/sheet2.xml')).not.toMatch(/Infinity|NaN/);
  });

  it('leaves NaN and missing values as empty cells', async () => {
    const { cells } = await summaryCells(3, 40);
    expect(cells.get('F6')).toBeUndefined(); // row of project 1: NaN total
    expect(cells.get('C15')).toBeUndefined(); // project 10: no budget
    for (const facts of cells.values()) if (typeof facts.value === 'number') expect(Number.isFinite(facts.value)).toBe(true);
  });
});

async function entryFacts(zip: Buffer): Promise<{ name: string; method: number; crc: number; data: Buffer; stored: Buffer }[]> {
  const zipfile = await yauzl.fromBufferPromise(zip, { lazyEntries: true, autoClose: false });
  const facts = [];
  for await (const entry of zipfile.eachEntry()) {
    const data = await readStream(await zipfile.openReadStreamPromise(entry));
    const stored = await readStream(await zipfile.openReadStreamPromise(entry, { decodeFileData: false }));
    facts.push({ name: entry.fileName, method: entry.compressionMethod, crc: entry.crc32, data, stored });
  }
  zipfile.close();
  return facts;
}

describe('zip entries', () => {
  it('replaces the named entries and keeps the others byte for byte, in order, with valid checksums', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 'alpha';
    wb.addWorksheet('B').getCell('A1').value = 'beta';
    const zip = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await readZipTexts(zip, () => true);
    const sheet = before.get('xl/worksheets/sheet2.xml')!;
    const changed = sheet.replace('</sheetData>', '<row r="5"><c r="C5"><v>42</v></c></row></sheetData>');
    expect(changed).not.toBe(sheet);
    const patched = await rebuildZip(zip, new Map([['xl/worksheets/sheet2.xml', changed]]), 6);
    const after = await readZipTexts(patched, () => true);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before) expect(after.get(name)).toBe(name === 'xl/worksheets/sheet2.xml' ? changed : text);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(patched as unknown as ArrayBuffer);
    expect(reread.getWorksheet('B')!.getCell('C5').value).toBe(42);
    expect(reread.getWorksheet('A')!.getCell('A1').value).toBe('alpha');
    const original = new Map((await entryFacts(zip)).map((e) => [e.name, e]));
    for (const entry of await entryFacts(patched)) {
      expect({ name: entry.name, crc: entry.crc }).toEqual({ name: entry.name, crc: crc32(entry.data) >>> 0 });
      // Entries not replaced keep their compressed bytes.
      if (entry.name !== 'xl/worksheets/sheet2.xml') expect(entry.stored.equals(original.get(entry.name)!.stored)).toBe(true);
    }
  });

  it('deflates stored entries and keeps directories', async () => {
    const text = 'stored '.repeat(1000);
    const zip = Buffer.from(
      zipSync({
        'folder/': [new Uint8Array(0), { level: 0 }],
        'folder/stored.txt': [strToU8(text), { level: 0 }],
        'deflated.txt': [strToU8('中文'), { level: 6 }],
      }),
    );
    expect((await entryFacts(zip)).map((e) => e.method)).toEqual([0, 0, 8]);
    const patched = await rebuildZip(zip, new Map([['deflated.txt', Buffer.from('替换')]]), 1);
    const facts = await entryFacts(patched);
    expect(facts.map((e) => [e.name, e.method, e.data.toString('utf8')])).toEqual([
      ['folder/', 0, ''],
      ['folder/stored.txt', 8, text],
      ['deflated.txt', 8, '替换'],
    ]);
    expect(patched.length).toBeLessThan(zip.length);
  });

  it('refuses what is not a zip', async () => {
    await expect(readZipTexts(Buffer.from('not a zip'), () => true)).rejects.toThrow(/zip/);
    await expect(rebuildZip(Buffer.from('not a zip either'), new Map(), 1)).rejects.toThrow(/zip/);
  });
});

describe('xml helpers', () => {
  it('escapes markup', () => {
    expect(escapeXml('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(escapeXml("it's")).toBe("it's");
    expect(escapeXml('plain')).toBe('plain');
  });

  it('writes what XML cannot hold as Excel does, _xHHHH_, and protects literal escapes', () => {
    expect(storableText('铃\u0007声')).toBe('铃_x0007_声');
    expect(storableText('a\u0000b\u001Fc\u007F\r')).toBe('a_x0000_b_x001F_c_x007F__x000D_');
    expect(storableText('tab\tline\n')).toBe('tab\tline\n');
    expect(storableText('x\uD800y\uDC00z\uDBFF')).toBe('x_xD800_y_xDC00_z_xDBFF_');
    expect(storableText('😀\uFFFE\uFFFF')).toBe('😀_xFFFE__xFFFF_');
    expect(storableText('_x0041_ _x00e9_ _x004_ x0041_')).toBe('_x005F_x0041_ _x005F_x00e9_ _x004_ x0041_');
    expect(storableText('普通文本')).toBe('普通文本');
  });
});
