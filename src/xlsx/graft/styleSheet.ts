// Adds the summary's cell looks and the highlight rules' differential formats to a workbook's style
// sheet (xl/styles.xml), after everything already there: the indices the input's cells use stay valid.
import type { Document, Element } from '@xmldom/xmldom';
import type { CellLook } from './summarySheetXml';
import { lookKey } from './summarySheetXml';
import { parseXml, serializeXml } from './xmlText';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** CT_Stylesheet's children in schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Number formats every workbook has without declaring them (ECMA-376 Part 1, 18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49 };

/** The fill and text colour of a highlight rule, ARGB or #RRGGBB. */
export interface DiffLook {
  fill: string;
  fontColor: string;
}

function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, '0').slice(-6)}`;
}

function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || (n as Element).localName === localName)) out.push(n as Element);
  }
  return out;
}

export class StyleSheet {
  private readonly doc: Document;
  private readonly root: Element;
  private readonly ns: string;
  private readonly prefix: string | null;
  private readonly xfByKey = new Map<string, number>();
  private readonly dxfByKey = new Map<string, number>();
  private readonly fontByKey = new Map<string, number>();
  private changed = false;

  constructor(text: string | null, mainNs: string) {
    this.doc = parseXml(text ?? `<styleSheet xmlns="${mainNs}"/>`, 'xl/styles.xml');
    const root = this.doc.documentElement;
    if (!root || root.localName !== 'styleSheet') throw new Error('xl/styles.xml: not a style sheet');
    this.root = root;
    this.ns = root.namespaceURI ?? mainNs;
    this.prefix = root.prefix ?? null;
    if (text === null) this.changed = true;
  }

  private create(localName: string): Element {
    return this.doc.createElementNS(this.ns, this.prefix ? `${this.prefix}:${localName}` : localName);
  }

  /** The container element, created at its place in the schema order when missing. */
  private section(localName: string): Element {
    const found = childElements(this.root, localName)[0];
    if (found) return found;
    const el = this.create(localName);
    const rank = ORDER.indexOf(localName);
    const before = childElements(this.root).find((c) => {
      const r = ORDER.indexOf(c.localName ?? '');
      return r < 0 || r > rank;
    });
    this.root.insertBefore(el, before ?? null);
    return el;
  }

  /** Appends the child and keeps the section's count; returns its index. */
  private append(section: Element, child: Element): number {
    section.appendChild(child);
    const count = childElements(section).length;
    section.setAttribute('count', String(count));
    this.changed = true;
    return count - 1;
  }

  /** A section's first entry, created (with the defaults Excel writes) when the section is empty. */
  private ensureFirst(localName: string, make: () => Element): void {
    const section = this.section(localName);
    if (childElements(section).length === 0) this.append(section, make());
  }

  private element(localName: string, attrs: Record<string, string> = {}, children: Element[] = []): Element {
    const el = this.create(localName);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    for (const c of children) el.appendChild(c);
    return el;
  }

  private numFmtId(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const section = this.section('numFmts');
    const existing = childElements(section, 'numFmt');
    const same = existing.find((f) => f.getAttribute('formatCode') === code);
    if (same) return Number(same.getAttribute('numFmtId'));
    const id = existing.reduce((max, f) => Math.max(max, Number(f.getAttribute('numFmtId')) || 0), 163) + 1;
    this.append(section, this.element('numFmt', { numFmtId: String(id), formatCode: code }));
    return id;
  }

  /** The workbook's default font (font 0) made bold and sized: the summary looks like the workbook. */
  private fontId(bold: boolean, size: number | undefined): number {
    this.ensureFirst('fonts', () => this.element('font', {}, [this.element('sz', { val: '11' }), this.element('name', { val: 'Calibri' })]));
    if (!bold && size === undefined) return 0;
    const key = `${bold}|${size ?? ''}`;
    const known = this.fontByKey.get(key);
    if (known !== undefined) return known;
    const fonts = this.section('fonts');
    const font = childElements(fonts, 'font')[0].cloneNode(true) as Element;
    for (const c of childElements(font)) if (c.localName === 'b' || (size !== undefined && c.localName === 'sz')) font.removeChild(c);
    if (bold) font.insertBefore(this.element('b'), font.firstChild);
    if (size !== undefined) font.insertBefore(this.element('sz', { val: String(size) }), childElements(font).find((c) => c.localName !== 'b') ?? null);
    const index = this.append(fonts, font);
    this.fontByKey.set(key, index);
    return index;
  }

  /** The cellXfs index for a look; the same look gives the same index. */
  cellStyle(look: CellLook): number {
    const key = lookKey(look);
    const known = this.xfByKey.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numFmtId(look.numFmt);
    const fontId = this.fontId(look.bold, look.size);
    this.ensureFirst('fills', () => this.element('fill', {}, [this.element('patternFill', { patternType: 'none' })]));
    this.ensureFirst('borders', () => this.element('border', {}, ['left', 'right', 'top', 'bottom', 'diagonal'].map((n) => this.element(n))));
    this.ensureFirst('cellStyleXfs', () => this.element('xf', { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0' }));
    this.ensureFirst('cellXfs', () => this.element('xf', { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0' }));
    const xf = this.element('xf', {
      numFmtId: String(numFmtId),
      fontId: String(fontId),
      fillId: '0',
      borderId: '0',
      xfId: '0',
      ...(numFmtId !== 0 ? { applyNumberFormat: '1' } : {}),
      ...(fontId !== 0 ? { applyFont: '1' } : {}),
    });
    const index = this.append(this.section('cellXfs'), xf);
    this.xfByKey.set(key, index);
    return index;
  }

  /** The dxfs index of a highlight look (fill and text colour). */
  differential(look: DiffLook): number {
    const key = `${argb(look.fill)}|${argb(look.fontColor)}`;
    const known = this.dxfByKey.get(key);
    if (known !== undefined) return known;
    const dxf = this.element('dxf', {}, [
      this.element('font', {}, [this.element('color', { rgb: argb(look.fontColor) })]),
      this.element('fill', {}, [this.element('patternFill', {}, [this.element('bgColor', { rgb: argb(look.fill) })])]),
    ]);
    const index = this.append(this.section('dxfs'), dxf);
    this.dxfByKey.set(key, index);
    return index;
  }

  /** The new text of the part, or null when nothing was added. */
  text(): string | null {
    return this.changed ? serializeXml(this.doc) : null;
  }
}
