// Workbook packages assembled by hand with fflate, as other producers write them (OpenXML SDK style:
// absolute part names in the relationships, no docProps, inline strings), and hostile ones built from them.
import * as XLSX from '@e965/xlsx';
import { strToU8, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Cells as inline strings and numbers, row by row from A1; `extra` goes after sheetData (merges, validations). */
export function sheetXml(rows: (string | number | null)[][], options: { extraRows?: string; extra?: string; dimension?: string } = {}): string {
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((v, c) => {
          const ref = `${colName(c + 1)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  const dim = options.dimension ? `<dimension ref="${options.dimension}"/>` : '';
  return `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}">${dim}<x:sheetData>${body.replace(/<(\/?)(row|c|v|is|t)\b/g, '<$1x:$2')}${options.extraRows ?? ''}</x:sheetData>${options.extra ?? ''}</x:worksheet>`;
}

/**
 * An OpenXML-SDK-style package: prefixed elements, absolute targets ("/xl/worksheets/sheet1.xml"),
 * no docProps, no shared strings, no styles. `sheets` are [name, sheet XML].
 */
export function sdkPackage(sheets: [string, string][], extraEntries: Zippable = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        `</Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="${REL}" xmlns:x="${MAIN}"><x:sheets>` +
        sheets.map(([name], i) => `<x:sheet name="${escape(name)}" sheetId="${i + 1}" r:id="R${i + 1}"/>`).join('') +
        `</x:sheets></x:workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG_REL}">` +
        sheets.map((_, i) => `<Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml" Id="R${i + 1}"/>`).join('') +
        `</Relationships>`,
    ),
    ...extraEntries,
  };
  sheets.forEach(([, xml], i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  return zipSync(files);
}

/** A small budget table, as the engine finds it. */
export const TABLE: (string | number | null)[][] = [
  ['项目名称', '预算数', '执行数'],
  ['甲项目', 100, 95],
  ['乙项目', 200, 150],
];

/** Sets an entry's declared (central directory and local header) uncompressed size. */
export function setDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name, 'utf8');
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) out.writeUInt32LE(size, i + 24);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) out.writeUInt32LE(size, i + 22);
  }
  return out;
}

/** A zip holding `entries` in order, names repeated as given. */
export function zipWithRepeats(entries: [string, string][]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      chunks.push(chunk);
      if (final) resolve(Buffer.concat(chunks));
    });
    for (const [name, text] of entries) {
      const file = new ZipDeflate(name);
      zip.add(file);
      file.push(strToU8(text), true);
    }
    zip.end();
  });
}

/** An ECMA-376 encrypted package as Excel writes one with a password to open: an OLE file, no zip. */
export function encryptedPackage(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(64).fill(0)]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** The table written by SheetJS in another format (xls = BIFF8, ods, xlsx). */
export function sheetjsBook(bookType: 'biff8' | 'ods' | 'xlsx', rows = TABLE, name = '预算表'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
}

/**
 * An .ods as LibreOffice writes one, assembled by hand: `sheets` are [name, rows]; names may be longer
 * than Excel's 31 characters (SheetJS will not write those).
 */
export function odsPackage(sheets: [string, (string | number | null)[][]][]): Uint8Array {
  const NS =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  const cell = (v: string | number | null): string =>
    v === null
      ? '<table:table-cell/>'
      : typeof v === 'number'
        ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`
        : `<table:table-cell office:value-type="string"><text:p>${escape(v)}</text:p></table:table-cell>`;
  const tables = sheets
    .map(([name, rows]) => `<table:table table:name="${escape(name)}">${rows.map((r) => `<table:table-row>${r.map(cell).join('')}</table:table-row>`).join('')}</table:table>`)
    .join('');
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>';
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.2"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`),
    'styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS} office:version="1.2"/>`),
    'META-INF/manifest.xml': strToU8(manifest),
  });
}

export const TEMPLATE_COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];

/**
 * A budget table of `rows` projects as WPS and Excel templates ship them: each name merged over B:C,
 * a title merged over A1:I1 (rows + 2 merged ranges), and with `validations` a drop-down list on each of
 * the 9 columns from row 3 down to row 1048576. Every tenth project spends 60 % of its budget.
 * `merges: false`: the same table without merged ranges (a bench's baseline).
 */
export function budgetTemplate(rows: number, options: { validations?: boolean; merges?: boolean } = {}): { bytes: Uint8Array; merges: number } {
  const cells: (string | number | null)[][] = [
    ['二〇一八年度项目支出绩效自评表', null, null, null, null, null, null, null, null],
    ['序号', '项目名称', null, '全年预算数', '全年执行数', '产出指标', '效益指标', '满意度指标', '备注'],
  ];
  const merges = ['A1:I1', 'B2:C2'];
  for (let i = 1; i <= rows; i++) {
    const budget = 100 + (i % 7);
    const actual = i % 10 === 0 ? budget * 0.6 : budget * 0.95;
    cells.push([i, `项目${i}`, null, budget, actual, 40, 25, 8, null]);
    merges.push(`B${i + 2}:C${i + 2}`);
  }
  const mergeXml = options.merges === false ? '' : `<x:mergeCells count="${merges.length}">${merges.map((m) => `<x:mergeCell ref="${m}"/>`).join('')}</x:mergeCells>`;
  const validationXml = options.validations
    ? `<x:dataValidations count="9">${TEMPLATE_COLUMNS.map((c) => `<x:dataValidation type="list" allowBlank="1" sqref="${c}3:${c}1048576"><x:formula1>"是,否"</x:formula1></x:dataValidation>`).join('')}</x:dataValidations>`
    : '';
  return { bytes: sdkPackage([['项目表', sheetXml(cells, { extra: mergeXml + validationXml })]]), merges: merges.length };
}
