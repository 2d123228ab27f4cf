// Reading an Open Packaging Conventions package (.xlsx/.xlsm): part names, relationships, content types.
import { posix } from 'node:path';
import type { Document, Element } from '@xmldom/xmldom';
import { parseXml } from './xmlText';

export const CONTENT_TYPES = '[Content_Types].xml';

export function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || (n as Element).localName === localName)) out.push(n as Element);
  }
  return out;
}

/** The part's relationships part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${posix.basename(part)}.rels`;
}

/** A relationship's target as a part name (no leading slash), relative to the part that holds it. */
export function resolveTarget(sourcePart: string, target: string): string {
  const decoded = decodeURIComponentSafe(target);
  if (decoded.startsWith('/')) return posix.normalize(decoded.slice(1));
  const dir = posix.dirname(sourcePart);
  return posix.normalize(dir === '.' ? decoded : `${dir}/${decoded}`);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** How one part refers to another part from the first one's folder. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const dir = posix.dirname(sourcePart);
  return posix.relative(dir === '.' ? '' : dir, targetPart);
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  element: Element;
}

export class RelsPart {
  readonly doc: Document;
  readonly root: Element;

  constructor(
    readonly name: string,
    text: string | null,
  ) {
    this.doc = parseXml(text ?? '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>', name);
    if (!this.doc.documentElement) throw new Error(`${name}: empty`);
    this.root = this.doc.documentElement;
  }

  list(): Relationship[] {
    return childElements(this.root, 'Relationship').map((element) => ({
      id: element.getAttribute('Id') ?? '',
      type: element.getAttribute('Type') ?? '',
      target: element.getAttribute('Target') ?? '',
      external: element.getAttribute('TargetMode') === 'External',
      element,
    }));
  }

  /** A relationship id not yet used in this part. */
  freeId(): string {
    const taken = new Set(this.list().map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    return `rId${n}`;
  }

  add(type: string, target: string): string {
    const id = this.freeId();
    const el = this.doc.createElementNS(this.root.namespaceURI, this.root.prefix ? `${this.root.prefix}:Relationship` : 'Relationship');
    el.setAttribute('Id', id);
    el.setAttribute('Type', type);
    el.setAttribute('Target', target);
    this.root.appendChild(el);
    return id;
  }
}

export class ContentTypes {
  readonly doc: Document;
  readonly root: Element;

  constructor(text: string) {
    this.doc = parseXml(text, CONTENT_TYPES);
    if (!this.doc.documentElement) throw new Error(`${CONTENT_TYPES}: empty`);
    this.root = this.doc.documentElement;
  }

  /** Part names (no leading slash) overridden with a content type matching the test. */
  partsOfType(test: (contentType: string) => boolean): string[] {
    return childElements(this.root, 'Override')
      .filter((o) => test(o.getAttribute('ContentType') ?? ''))
      .map((o) => (o.getAttribute('PartName') ?? '').replace(/^\//, ''));
  }

  typeOf(part: string): string | null {
    const name = `/${part}`.toLowerCase();
    const o = childElements(this.root, 'Override').find((e) => (e.getAttribute('PartName') ?? '').toLowerCase() === name);
    if (o) return o.getAttribute('ContentType');
    const ext = posix.extname(part).slice(1).toLowerCase();
    const d = childElements(this.root, 'Default').find((e) => (e.getAttribute('Extension') ?? '').toLowerCase() === ext);
    return d ? d.getAttribute('ContentType') : null;
  }

  private element(localName: string, attrs: Record<string, string>): void {
    const el = this.doc.createElementNS(this.root.namespaceURI, this.root.prefix ? `${this.root.prefix}:${localName}` : localName);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    this.root.appendChild(el);
  }

  override(part: string, contentType: string): void {
    this.element('Override', { PartName: `/${part}`, ContentType: contentType });
  }

  /** Sets the part's content type: its Override changed in place, or one added. */
  setType(part: string, contentType: string): void {
    const name = `/${part}`.toLowerCase();
    const o = childElements(this.root, 'Override').find((e) => (e.getAttribute('PartName') ?? '').toLowerCase() === name);
    if (o) o.setAttribute('ContentType', contentType);
    else this.override(part, contentType);
  }

  /** Makes sure .rels parts have their content type. */
  ensureRelsDefault(): void {
    if (this.typeOf('x.rels') === null) this.element('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' });
  }
}
