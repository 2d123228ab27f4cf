// Splices the add-in's highlight rules into a source sheet's XML without parsing its cells: the rules go
// in as <conditionalFormatting> elements at their place in the schema order (ECMA-376 Part 1, 18.3.1.99
// CT_Worksheet: after sheetData … mergeCells, phoneticPr and the sheet's own conditionalFormatting, before
// dataValidations, hyperlinks, printOptions … tableParts, extLst). Only the part after </sheetData> is
// read, so a sheet of any size costs one search and one copy.
import { highlightRules } from '../../engine/summary/highlightRules';
import { colLetter } from '../../engine/address';
import type { HighlightSpec } from '../../engine/workbookPort';
import type { DiffLook } from './styleSheet';
import { xmlText } from './xmlText';

/** Children of <worksheet> that come before conditionalFormatting (and conditionalFormatting itself). */
const BEFORE = new Set([
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
]);

export class SpliceError extends Error {}

/** The root element's prefix ('' for the default namespace) and where the root start tag ends. */
function rootPrefix(head: string): string {
  const m = /<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>/]/.exec(head);
  if (!m) throw new SpliceError('no <worksheet> element');
  return m[1] ?? '';
}

/**
 * Byte offset in `tail` of the first child of <worksheet> that must follow conditionalFormatting, or of
 * </worksheet> itself. Skips comments, processing instructions and CDATA; attribute values may hold '>'.
 */
function insertionOffset(tail: string, prefix: string): number {
  let depth = 0;
  let i = 0;
  for (;;) {
    const lt = tail.indexOf('<', i);
    if (lt < 0) throw new SpliceError('</worksheet> not found');
    if (tail.startsWith('<!--', lt)) {
      i = tail.indexOf('-->', lt) + 3;
    } else if (tail.startsWith('<![CDATA[', lt)) {
      i = tail.indexOf(']]>', lt) + 3;
    } else if (tail.startsWith('<?', lt)) {
      i = tail.indexOf('?>', lt) + 2;
    } else if (tail.startsWith('</', lt)) {
      if (depth === 0) return lt;
      depth--;
      i = tail.indexOf('>', lt) + 1;
    } else {
      const name = /^<([^\s/>]+)/.exec(tail.slice(lt, lt + 256))?.[1] ?? '';
      let j = lt + 1 + name.length;
      let quote = '';
      for (; j < tail.length; j++) {
        const ch = tail[j];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      if (j >= tail.length) throw new SpliceError('unterminated tag');
      const selfClosing = tail[j - 1] === '/';
      if (depth === 0) {
        const colon = name.indexOf(':');
        const local = colon < 0 ? name : name.slice(colon + 1);
        const own = colon < 0 ? prefix === '' : name.slice(0, colon) === prefix;
        if (!own || !BEFORE.has(local)) return lt;
      }
      if (!selfClosing) depth++;
      i = j + 1;
    }
    if (i <= 0) throw new SpliceError('unterminated markup');
  }
}

/** The highest cfRule priority on the sheet (classic and x14 rules share the numbering). */
function maxPriority(tail: string): number {
  let max = 0;
  const re = /<(?:[\w.-]+:)?cfRule\b[^>]*?\bpriority="(\d+)"/g;
  for (let m = re.exec(tail); m; m = re.exec(tail)) max = Math.max(max, Number(m[1]));
  return max;
}

export interface SheetRules {
  spec: HighlightSpec;
  /** dxfs index of each rule's look, in the order of highlightRules(spec). */
  dxfIds: number[];
}

/** The looks the rules of a spec need, in the order of highlightRules(spec). */
export function ruleLooks(spec: HighlightSpec): DiffLook[] {
  return highlightRules(spec).map((r) => ({ fill: r.fill, fontColor: r.fontColor }));
}

function rulesXml(rules: SheetRules, prefix: string, firstPriority: number): string {
  const { spec } = rules;
  if (spec.lastRow < spec.firstRow || spec.lastCol < spec.firstCol) return '';
  const p = prefix ? `${prefix}:` : '';
  const sqref = `${colLetter(spec.firstCol)}${spec.firstRow}:${colLetter(spec.lastCol)}${spec.lastRow}`;
  const body = highlightRules(spec)
    .map((rule, i) => `<${p}cfRule type="expression" dxfId="${rules.dxfIds[i]}" priority="${firstPriority + i}"><${p}formula>${xmlText(rule.formula.replace(/^=/, ''))}</${p}formula></${p}cfRule>`)
    .join('');
  return `<${p}conditionalFormatting sqref="${sqref}">${body}</${p}conditionalFormatting>`;
}

const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

/** The sheet part with the rules added; throws SpliceError when the part is not as expected. */
export function spliceHighlights(sheet: Buffer, rules: SheetRules): Buffer {
  if (UTF16_BOMS.some((bom) => sheet.subarray(0, 2).equals(bom))) throw new SpliceError('sheet part not in UTF-8');
  const prefix = rootPrefix(sheet.subarray(0, 4096).toString('utf8'));
  const p = prefix ? `${prefix}:` : '';
  const close = sheet.lastIndexOf(`</${p}sheetData>`);
  let from: number;
  if (close >= 0) from = close + `</${p}sheetData>`.length;
  else {
    const empty = /<(?:[\w.-]+:)?sheetData\s*\/>/.exec(sheet.toString('utf8'));
    if (!empty) throw new SpliceError('no <sheetData> element');
    from = Buffer.byteLength(sheet.toString('utf8').slice(0, empty.index + empty[0].length), 'utf8');
  }
  const tail = sheet.subarray(from).toString('utf8');
  const at = insertionOffset(tail, prefix);
  const xml = rulesXml(rules, prefix, maxPriority(tail) + 1);
  if (!xml) return sheet;
  const cut = from + Buffer.byteLength(tail.slice(0, at), 'utf8');
  return Buffer.concat([sheet.subarray(0, cut), Buffer.from(xml, 'utf8'), sheet.subarray(cut)]);
}
