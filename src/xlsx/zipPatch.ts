// Rewrites a few entries of a zip (an .xlsx) and copies every other entry's bytes unchanged.
// Native zlib does the deflating: much faster than a JavaScript deflate on a large summary sheet.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const FLAG_DESCRIPTOR = 0x0008;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;

interface Entry {
  name: string;
  /** The central directory record, as found. */
  central: Buffer;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw new Error('not a zip file: end of central directory not found');
}

function readEntries(zip: Buffer): { entries: Entry[]; eocd: number } {
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 archives are not supported');
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error('corrupt zip: bad central directory record');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const length = 46 + nameLength + extraLength + commentLength;
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      central: zip.subarray(at, at + length),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += length;
  }
  return { entries, eocd };
}

/** The local record (header, data and any data descriptor) of an entry. */
function localRecord(zip: Buffer, entry: Entry): Buffer {
  const start = entry.localOffset;
  if (zip.readUInt32LE(start) !== LOCAL_SIGNATURE) throw new Error(`corrupt zip: bad local header for ${entry.name}`);
  let end = start + 30 + zip.readUInt16LE(start + 26) + zip.readUInt16LE(start + 28) + entry.compressedSize;
  if (entry.flags & FLAG_DESCRIPTOR) end += zip.readUInt32LE(end) === DESCRIPTOR_SIGNATURE ? 16 : 12;
  return zip.subarray(start, end);
}

function entryData(zip: Buffer, entry: Entry): Buffer {
  const start = entry.localOffset;
  const dataStart = start + 30 + zip.readUInt16LE(start + 26) + zip.readUInt16LE(start + 28);
  const raw = zip.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === METHOD_STORE) return raw;
  if (entry.method === METHOD_DEFLATE) return inflateRawSync(raw);
  throw new Error(`unsupported compression method ${entry.method} for ${entry.name}`);
}

/** The text of the entries named, for the caller to decide what to change. */
export function readZipTexts(zip: Buffer, match: (name: string) => boolean): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readEntries(zip).entries) if (match(entry.name)) texts.set(entry.name, entryData(zip, entry).toString('utf8'));
  return texts;
}

/** A copy of the zip with the given entries' contents replaced (deflated at `level`); other entries are copied byte for byte. */
export function replaceZipEntries(zip: Buffer, replacements: Map<string, Buffer | string>, level: number): Buffer {
  const { entries, eocd } = readEntries(zip);
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const content = replacements.get(entry.name);
    let record: Buffer;
    let central: Buffer;
    if (content === undefined) {
      record = localRecord(zip, entry);
      central = Buffer.from(entry.central);
    } else {
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      const compressed = deflateRawSync(data, { level });
      const crc = crc32(data) >>> 0;
      const oldHeader = zip.subarray(entry.localOffset, entry.localOffset + 30);
      const name = Buffer.from(entry.name, 'utf8');
      const header = Buffer.alloc(30);
      oldHeader.copy(header, 0, 0, 30);
      const flags = entry.flags & ~FLAG_DESCRIPTOR;
      header.writeUInt16LE(flags, 6);
      header.writeUInt16LE(METHOD_DEFLATE, 8);
      header.writeUInt32LE(crc, 14);
      header.writeUInt32LE(compressed.length, 18);
      header.writeUInt32LE(data.length, 22);
      header.writeUInt16LE(name.length, 26);
      header.writeUInt16LE(0, 28);
      record = Buffer.concat([header, name, compressed]);
      central = Buffer.from(entry.central);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(METHOD_DEFLATE, 10);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(compressed.length, 20);
      central.writeUInt32LE(data.length, 24);
    }
    central.writeUInt32LE(offset, 42);
    parts.push(record);
    centrals.push(central);
    offset += record.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...parts, directory, end]);
}
