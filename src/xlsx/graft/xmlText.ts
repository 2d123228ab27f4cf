// Text as it goes into the XML parts the copy adds or changes. Every string passes through storableText
// first (characters XML 1.0 cannot hold become _xHHHH_, a literal _xHHHH_ keeps its underscore as _x005F_),
// then the markup characters are escaped. In attributes tab, line feed and carriage return are written as
// character references: a parser turns them into spaces otherwise.
import { DOMParser, XMLSerializer, type Document } from '@xmldom/xmldom';
import { storableText } from '../cellText';

export function xmlText(text: string): string {
  return storableText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** A number for a <v> element; null for NaN and the infinities, which no cell can hold. */
export function xmlNumber(value: number): string | null {
  return Number.isFinite(value) ? String(value) : null;
}

/** Parses a part; a part that is not well-formed throws with the part's name. */
export function parseXml(text: string, part: string): Document {
  const fail = (level: string, message: string): never => {
    throw new Error(`${part}: ${level}: ${message}`);
  };
  return new DOMParser({ onError: (level, message) => (level === 'warning' ? undefined : fail(level, message)) }).parseFromString(text, 'text/xml');
}

/** The document as text, with an XML declaration. */
export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith('<?xml') ? text : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`;
}
