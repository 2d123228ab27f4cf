// A small XML reader for add-in manifests: elements, attributes and text, with line numbers for
// messages. Well-formedness in full is libxml2's job (see schema.ts); this only needs the tree.

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

function lineAt(xml: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (xml.charCodeAt(i) === 10) line++;
  return line;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a document; throws an Error naming the line when tags do not nest. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', local: '#document', attrs: {}, children: [], text: '', parent: null, line: 1 };
  let current = root;
  for (const m of xml.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    const [, cdata, closing, name, rawAttrs, selfClosing, text, stray] = m;
    if (stray !== undefined) throw new Error(`line ${lineAt(xml, index)}: malformed tag`);
    if (cdata !== undefined) {
      current.text += cdata;
    } else if (text !== undefined) {
      current.text += decodeEntities(text);
    } else if (name !== undefined && closing === '/') {
      if (current.name !== name) {
        throw new Error(`line ${lineAt(xml, index)}: </${name}> closes <${current.name}>`);
      }
      current.text = current.text.trim();
      current = current.parent ?? root;
    } else if (name !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (rawAttrs ?? '').matchAll(ATTR)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
      const element: XmlElement = { name, local, attrs, children: [], text: '', parent: current, line: lineAt(xml, index) };
      current.children.push(element);
      if (selfClosing !== '/') current = element;
    }
  }
  if (current !== root) throw new Error(`<${current.name}> (line ${current.line}) is never closed`);
  if (root.children.length !== 1) throw new Error('a manifest has exactly one root element');
  return root.children[0];
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
