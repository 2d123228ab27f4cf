// The manifest as a small tree of elements, attributes and text with line numbers for messages.
// Parsing is @xmldom/xmldom's; full validation is libxml2's job (see schema.ts).
import { DOMParser, ParseError, type Element, type Node } from '@xmldom/xmldom';

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  /** Name without its prefix, e.g. "Image". */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
  line: number;
}

function isElement(node: Node): node is Element {
  return node.nodeType === node.ELEMENT_NODE;
}

function toTree(el: Element, parent: XmlElement | null): XmlElement {
  const attrs: Record<string, string> = {};
  for (const a of el.attributes) attrs[a.name] = a.value;
  const out: XmlElement = {
    name: el.tagName,
    local: el.localName ?? el.tagName,
    attrs,
    children: [],
    text: '',
    parent,
    line: el.lineNumber ?? 0,
  };
  // Only the element's own text and CDATA, like the old reader: a parent's text is not its children's.
  let text = '';
  for (const child of el.childNodes) {
    if (isElement(child)) out.children.push(toTree(child, out));
    else if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE) text += child.nodeValue ?? '';
  }
  out.text = text.trim();
  return out;
}

/** Parses a document; throws an Error naming the problem and, when known, the line near it. */
export function parseXml(xml: string): XmlElement {
  let problem: string | undefined;
  // xmldom recovers from some malformed input (unquoted attributes, bad entities) with a warning or
  // error and would log to the console; a manifest must be well-formed, so every report stops it.
  const parser = new DOMParser({
    onError: (_level, message) => {
      problem ??= message;
      throw new Error(message);
    },
  });
  let root: Element | null;
  try {
    root = parser.parseFromString(xml, 'text/xml').documentElement;
  } catch (e) {
    const line: unknown = e instanceof ParseError ? (e.locator as { lineNumber?: unknown } | undefined)?.lineNumber : undefined;
    const where = typeof line === 'number' && line > 0 ? `near line ${line}: ` : '';
    throw new Error(`${where}${problem ?? (e instanceof Error ? e.message : String(e))}`);
  }
  if (!root) throw new Error('the document has no root element');
  return toTree(root, null);
}

/** Every element below (and including) `from`, in document order. */
export function descendants(from: XmlElement): XmlElement[] {
  const out: XmlElement[] = [from];
  for (const child of from.children) out.push(...descendants(child));
  return out;
}

export function childrenNamed(parent: XmlElement | undefined, local: string): XmlElement[] {
  return parent ? parent.children.filter((c) => c.local === local) : [];
}

export function firstChild(parent: XmlElement | undefined, local: string): XmlElement | undefined {
  return childrenNamed(parent, local)[0];
}

/** Follows a path of local names from `from`, taking the first match at each step. */
export function pathTo(from: XmlElement | undefined, ...locals: string[]): XmlElement | undefined {
  let at = from;
  for (const local of locals) at = firstChild(at, local);
  return at;
}
