// A corpus of workbooks from other writers, built here: ExcelJS, SheetJS (xlsx, xlsm, xlsb, xls BIFF8 and
// BIFF5, ods), the project's own evaluated copy read again, and packages assembled by hand as the
// OpenXML SDK, LibreOffice and streaming writers write them (no docProps, absolute part names, inline
// strings, shared strings with rich text, no dimension, no <cols>, cells without r, part names in
// another case than the content types). The batch command must read each one's projects right and
// write its copy.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { odsPackage, sdkPackage, sheetXml } from '../xlsx/packages';
import { makeTempDir, removeDir, runInProcess } from './cliHarness';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const SST_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const BOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** The table every writer writes: a title, a unit line, the header, three projects and a 合计 row. */
const ROWS: (string | number | null)[][] = [
  ['2018年度项目支出绩效自评表', null, null, null],
  ['单位：万元', null, null, null],
  ['序号', '项目名称', '全年预算数', '全年执行数'],
  [1, '安全生产专项经费', 80, 71],
  [2, '社区安全协管员补助经费', 120.5, 120.5],
  [3, '应急演练经费', 45, 30.25],
  [null, '合计', 245.5, 221.75],
];
const EXPECTED = [
  ['安全生产专项经费', 80, 71],
  ['社区安全协管员补助经费', 120.5, 120.5],
  ['应急演练经费', 45, 30.25],
];

function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function excelJs(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('项目表'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same table in English: SheetJS writes BIFF5 strings in a single-byte code page, which holds no Chinese. */
const ROWS_EN: (string | number | null)[][] = ROWS.map((r, i) =>
  i === 0 ? ['Project expenditure self-evaluation 2018', null, null, null] : i === 1 ? ['Unit: 10k yuan', null, null, null] : i === 2 ? ['No.', 'Project', 'Budget', 'Actual'] : r.map((v) => (typeof v === 'string' ? (v === '合计' ? 'Total' : `P-${EXPECTED.findIndex((e) => e[0] === v) + 1}`) : v)),
);

function sheetJs(bookType: XLSX.BookType, rows = ROWS, sheet = '项目表'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return XLSX.write(wb, { type: 'buffer', bookType }) as Uint8Array;
}

/**
 * A package with relative part names and shared strings; every string cell a shared string, the header's
 * "项目名称" rich text in two runs. No docProps, no styles, no <dimension>, no <cols>.
 * `noRefs`: rows and cells without their r attribute (streaming writers). `partCase`: the zip entries
 * in another case than [Content_Types].xml and the relationships name them (part names are case-insensitive).
 */
function sharedStringsPackage(options: { noRefs?: boolean; partCase?: boolean } = {}): Uint8Array {
  const strings: string[] = [];
  const rich = new Map<number, string>();
  const index = (s: string): number => {
    const at = strings.indexOf(s);
    if (at >= 0) return at;
    strings.push(s);
    return strings.length - 1;
  };
  const rows = ROWS.map((cells, r) => {
    const xml = cells
      .map((v, c) => {
        const ref = options.noRefs ? '' : ` r="${colName(c + 1)}${r + 1}"`;
        if (v === null) return '';
        if (typeof v === 'number') return `<c${ref}><v>${v}</v></c>`;
        const i = index(v);
        if (v === '项目名称') rich.set(i, '<r><t>项目</t></r><r><rPr><b/><sz val="11"/></rPr><t>名称</t></r>');
        return `<c${ref} t="s"><v>${i}</v></c>`;
      })
      // Without r, a gap must be an empty <c/>: the cells' places are their order.
      .map((x) => (options.noRefs && x === '' ? '<c/>' : x))
      .join('');
    return `<row${options.noRefs ? '' : ` r="${r + 1}"`}>${xml}</row>`;
  });
  const sst =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s, i) => `<si>${rich.get(i) ?? `<t xml:space="preserve">${esc(s)}</t>`}</si>`).join('') +
    '</sst>';
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const sheetPart = options.partCase ? 'xl/Worksheets/Sheet1.xml' : 'xl/worksheets/sheet1.xml';
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${BOOK_TYPE}"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SHEET_TYPE}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${SST_TYPE}"/></Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="项目表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(sst),
    [sheetPart]: strToU8(sheet),
  };
  return zipSync(files);
}

/** The package with its workbook part's content type replaced (sdkPackage writes an .xlsx's). */
function asType(zip: Uint8Array, contentType: string): Uint8Array {
  const files = unzipSync(zip);
  files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']).replace(BOOK_TYPE, contentType));
  return zipSync(files);
}

type Build = () => Uint8Array | Promise<Uint8Array>;

const CORPUS: [string, string, Build][] = [
  ['ExcelJS: shared strings, styles, the title merged', 'exceljs.xlsx', () =>
    excelJs((ws) => {
      ROWS.forEach((r) => ws.addRow(r));
      ws.mergeCells('A1:D1');
      ws.getCell('A1').font = { bold: true, size: 16 };
      ws.getColumn(3).numFmt = '#,##0.00';
    })],
  ['ExcelJS: the table an Excel table (ListObject) with formulas for the 合计 row', 'exceljs-table.xlsx', () =>
    excelJs((ws) => {
      ROWS.slice(0, 2).forEach((r) => ws.addRow(r));
      ws.addTable({
        name: 'Projects',
        ref: 'A3',
        columns: (ROWS[2] as string[]).map((name) => ({ name })),
        rows: ROWS.slice(3, 6),
      });
      ws.addRow([null, '合计', { formula: 'SUM(C4:C6)', result: 245.5 }, { formula: 'SUM(D4:D6)', result: 221.75 }]);
    })],
  ['SheetJS .xlsx', 'sheetjs.xlsx', () => sheetJs('xlsx')],
  ['SheetJS .xlsm (macro-enabled content type)', 'sheetjs.xlsm', () => sheetJs('xlsm')],
  ['SheetJS .xlsb (binary workbook)', 'sheetjs.xlsb', () => sheetJs('xlsb')],
  ['SheetJS .xls (BIFF8, Excel 97–2003)', 'biff8.xls', () => sheetJs('biff8')],
  ['SheetJS .xls (BIFF5, Excel 5.0/95; in English)', 'biff5.xls', () => sheetJs('biff5', ROWS_EN, 'Projects')],
  ['SheetJS .ods', 'sheetjs.ods', () => sheetJs('ods')],
  ['LibreOffice-style .ods assembled by hand', 'calc.ods', () => odsPackage([['项目表', ROWS]])],
  ['OpenXML SDK: absolute part names, prefixed elements, inline strings, no docProps', 'sdk.xlsx', () => sdkPackage([['项目表', sheetXml(ROWS)]])],
  ['OpenXML SDK: a declared dimension smaller than the data', 'sdk-dimension.xlsx', () => sdkPackage([['项目表', sheetXml(ROWS, { dimension: 'A1:B2' })]])],
  ['an Excel template (.xltx): its copy a workbook', 'template.xltx', () => asType(sdkPackage([['项目表', sheetXml(ROWS)]]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml')],
  ['a macro template (.xltm): its copy an .xlsm', 'macro.xltm', () => asType(sdkPackage([['项目表', sheetXml(ROWS)]]), 'application/vnd.ms-excel.template.macroEnabled.main+xml')],
  ['shared strings with rich text, no dimension, no <cols>, no styles', 'shared.xlsx', () => sharedStringsPackage()],
  ['rows and cells without r (streaming writers)', 'norefs.xlsx', () => sharedStringsPackage({ noRefs: true })],
  ['zip entries in another case than their part names', 'case.xlsx', () => sharedStringsPackage({ partCase: true })],
];

let dir: string;
beforeAll(() => (dir = makeTempDir()));
afterAll(() => removeDir(dir));

interface Report {
  projects: { name: string; budget: number; actual: number }[];
}

async function evaluateFile(file: string): Promise<{ code: number; report: Report | null; stderr: string }> {
  const run = await runInProcess([file, '--json'], dir);
  return { code: run.code, report: run.code === 0 ? (JSON.parse(run.stdout) as Report) : null, stderr: run.stderr };
}

describe('workbooks of other writers', () => {
  it.each(CORPUS)('%s: its projects are read right and its copy written', async (_what, file, build) => {
    writeFileSync(join(dir, file), await build());
    const { code, report, stderr } = await evaluateFile(file);
    expect({ code, stderr: stderr.split('\n').filter((l) => /Unexpected|Cannot|Not an/.test(l)) }).toEqual({ code: 0, stderr: [] });
    const english = file === 'biff5.xls';
    expect(report!.projects.map((p) => [p.name, p.budget, p.actual])).toEqual(english ? EXPECTED.map((e, i) => [`P-${i + 1}`, e[1], e[2]]) : EXPECTED);
    const copyExt = /\.xl[st]m$/.test(file) ? '.xlsm' : '.xlsx';
    const copyBytes = readFileSync(join(dir, file.replace(/\.\w+$/, `.evaluated${copyExt}`)));
    // Excel opens a package only when its workbook's content type fits the extension.
    const types = strFromU8(unzipSync(copyBytes)['[Content_Types].xml']);
    const bookType = /PartName="\/xl\/workbook\.(xml|bin)" ContentType="([^"]+)"/.exec(types)?.[2];
    if (copyExt === '.xlsm') expect(bookType).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    else expect(bookType).toBe(BOOK_TYPE);
    const copy = XLSX.read(copyBytes, { type: 'buffer' });
    expect(copy.SheetNames).toEqual([english ? 'Projects' : '项目表', '绩效自评汇总']);
  });

  it('the project’s own evaluated copy, read again, gives the same projects', async () => {
    writeFileSync(join(dir, 'again.xlsx'), sheetJs('xlsx'));
    expect((await evaluateFile('again.xlsx')).code).toBe(0);
    // Its summary sheet has project, budget and actual columns too, and reads as a form: the marker the
    // copy carries (as the pane's summaries do) keeps it from being taken for the source.
    const { code, report } = await evaluateFile('again.evaluated.xlsx');
    expect(code).toBe(0);
    expect(report).toMatchObject({ layout: 'table', sheet: '项目表' });
    expect(report!.projects.map((p) => [p.name, p.budget, p.actual])).toEqual(EXPECTED);
  });
});
