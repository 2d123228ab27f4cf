// Reads the paragraphs of a .docx (word/document.xml) as lines of text, with fflate and xmldom: tables'
// cells count as paragraphs too, tabs stay tabs, a manual line break ends a line. Host-free enough for
// the batch command and the browser.
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export class DocxReadError extends Error {
  constructor(readonly reason: 'not_docx' | 'no_document') {
    super(reason);
    this.name = 'DocxReadError';
  }
}

interface XmlNode {
  nodeType: number;
  namespaceURI: string | null;
  localName: string | null;
  textContent: string | null;
  childNodes: ArrayLike<XmlNode>;
}

function paragraphText(p: XmlNode): string[] {
  const lines: string[] = [''];
  const walk = (node: XmlNode): void => {
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (child.nodeType !== 1) continue;
      if (child.namespaceURI === W) {
        if (child.localName === 't') lines[lines.length - 1] += child.textContent ?? '';
        else if (child.localName === 'tab') lines[lines.length - 1] += '\t';
        else if (child.localName === 'br' || child.localName === 'cr') lines.push('');
        else if (child.localName === 'delText' || child.localName === 'instrText') continue;
        else walk(child);
      } else {
        walk(child);
      }
    }
  };
  walk(p);
  return lines;
}

export function readDocxLines(bytes: Uint8Array): string[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw new DocxReadError('not_docx');
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new DocxReadError('no_document');
  const doc = new DOMParser().parseFromString(strFromU8(xml), 'text/xml');
  const paragraphs = doc.getElementsByTagNameNS(W, 'p');
  const lines: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) lines.push(...paragraphText(paragraphs[i] as unknown as XmlNode));
  return lines;
}

/** A .txt report: UTF-8 (with or without BOM), else GB18030 as saved by Chinese Windows Notepad. */
export function readTextLines(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
