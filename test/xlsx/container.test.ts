// The checks before any library parses an input file: each hostile file is a few KB and refused at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { checkContainer, checkZip, readWorkbookFile } from '../../src/xlsx/container';
import { XlsxError, type XlsxErrorCode } from '../../src/xlsx/errors';
import { encryptedPackage, sdkPackage, setDeclaredSize, sheetjsBook, sheetXml, TABLE, zipWithRepeats } from './packages';

async function refusal(p: Promise<unknown>): Promise<XlsxErrorCode> {
  try {
    await p;
  } catch (err) {
    if (err instanceof XlsxError) return err.code;
    throw err;
  }
  throw new Error('not refused');
}

const good = (): Buffer => Buffer.from(sdkPackage([['预算表', sheetXml(TABLE)]]));

describe('checkContainer', () => {
  it('accepts an OpenXML SDK package, an .ods and an .xls', async () => {
    await expect(checkContainer(good(), 'a.xlsx')).resolves.toBe('ooxml');
    await expect(checkContainer(sheetjsBook('ods'), 'a.ods')).resolves.toBe('ods');
    await expect(checkContainer(sheetjsBook('biff8'), 'a.xls')).resolves.toBe('xls');
  });

  it('refuses a package whose entry declares more than the entry limit, before inflating it', async () => {
    const bomb = setDeclaredSize(sdkPackage([['S', sheetXml(TABLE)]], { 'xl/media/image1.bin': strToU8('x') }), 'xl/media/image1.bin', 4_000_000_000);
    expect(bomb.length).toBeLessThan(4096);
    await expect(refusal(checkContainer(Buffer.from(bomb), 'b.xlsx'))).resolves.toBe('inflated_too_large');
  });

  it('counts the inflated bytes themselves: an entry inflating beyond the limit is refused, whatever it declares', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const zip = Buffer.from(sdkPackage([['S', sheetXml(TABLE)]], { 'xl/media/zeros.bin': zeros }));
    expect(zip.length).toBeLessThan(16 * 1024);
    const limits = { entries: 100, entryBytes: 1024 * 1024, totalBytes: 1024 * 1024 * 1024 };
    await expect(refusal(checkZip(zip, 'z.xlsx', limits))).resolves.toBe('inflated_too_large');
    const total = { entries: 100, entryBytes: 8 * 1024 * 1024, totalBytes: 2 * 1024 * 1024 };
    await expect(refusal(checkZip(zip, 'z.xlsx', total))).resolves.toBe('inflated_too_large');
    // Declared small, inflating to 4 MB: refused at the first byte beyond what it declared.
    const lying = setDeclaredSize(zip, 'xl/media/zeros.bin', 10);
    await expect(refusal(checkContainer(Buffer.from(lying), 'z.xlsx'))).resolves.toBe('broken_workbook');
    expect(deflateRawSync(zeros).length).toBeLessThan(8192);
  });

  it('refuses too many entries', async () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`x/${i}.xml`, strToU8('<a/>')]));
    const zip = Buffer.from(sdkPackage([['S', sheetXml(TABLE)]], many));
    await expect(refusal(checkZip(zip, 'm.xlsx', { entries: 20, entryBytes: 1e9, totalBytes: 1e9 }))).resolves.toBe('too_many_entries');
  });

  it('refuses duplicate entry names, also when they differ only in case', async () => {
    const sheet = sheetXml(TABLE);
    const files = (await zipWithRepeats([
      ['[Content_Types].xml', '<Types/>'],
      ['xl/worksheets/sheet1.xml', sheet],
      ['xl/worksheets/sheet1.xml', sheet.replace('甲项目', '丙项目')],
    ])) as Buffer;
    await expect(refusal(checkContainer(Buffer.from(files), 'd.xlsx'))).resolves.toBe('duplicate_entry');
    const cased = Buffer.from(sdkPackage([['S', sheet]], { 'XL/Worksheets/Sheet1.xml': strToU8(sheet) }));
    await expect(refusal(checkContainer(cased, 'd.xlsx'))).resolves.toBe('duplicate_entry');
  });

  it('reports a password-protected workbook as encrypted', async () => {
    await expect(refusal(checkContainer(encryptedPackage(), 'e.xlsx'))).resolves.toBe('encrypted');
  });

  it('refuses text and an OLE file that is no workbook', async () => {
    await expect(refusal(checkContainer(Buffer.from('项目名称,预算数'), 't.xlsx'))).resolves.toBe('not_workbook');
  });
});

describe('readWorkbookFile', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'container-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a folder and devices without reading them, and a file above the limit unread', async () => {
    await expect(refusal(readWorkbookFile(dir))).resolves.toBe('not_a_file');
    await expect(refusal(readWorkbookFile('/dev/zero'))).resolves.toBe('not_a_file');
    await expect(refusal(readWorkbookFile('/dev/urandom'))).resolves.toBe('not_a_file');
    await expect(refusal(readWorkbookFile(join(dir, 'none.xlsx')))).resolves.toBe('file_missing');
    const big = join(dir, 'big.xlsx');
    writeFileSync(big, Buffer.alloc(2048));
    await expect(refusal(readWorkbookFile(big, 1024))).resolves.toBe('file_too_large');
    expect((await readWorkbookFile(big, 4096)).length).toBe(2048);
  });
});
