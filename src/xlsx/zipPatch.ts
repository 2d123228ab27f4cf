// Rewrites a zip (an .xlsx): replaces some entries, deflates the stored ones, copies the rest byte for
// byte. Native zlib does the deflating, on the thread pool: several times faster than the JavaScript
// deflate ExcelJS uses, which is most of the time of writing a large workbook.
import { promisify } from 'node:util';
import { crc32, deflateRaw, inflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

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

/**
 * A copy of the zip with the given entries' contents replaced and every stored (uncompressed) entry
 * deflated at `level`; other entries are copied byte for byte.
 */
export async function rebuildZip(zip: Buffer, replacements: Map<string, Buffer | string>, level: number): Promise<Buffer> {
  const { entries, eocd } = readEntries(zip);
  const records = await Promise.all(
    entries.map(async (entry): Promise<{ record: Buffer; central: Buffer }> => {
      const replacement = replacements.get(entry.name);
      if (replacement === undefined && entry.method !== METHOD_STORE) {
        return { record: localRecord(zip, entry), central: Buffer.from(entry.central) };
      }
      const data = replacement === undefined ? entryData(zip, entry) : typeof replacement === 'string' ? Buffer.from(replacement, 'utf8') : replacement;
      const compressed = await deflateRawAsync(data, { level });
      const crc = crc32(data) >>> 0;
      const name = Buffer.from(entry.name, 'utf8');
      const flags = entry.flags & ~FLAG_DESCRIPTOR;
      const header = Buffer.alloc(30);
      zip.copy(header, 0, entry.localOffset, entry.localOffset + 30);
      header.writeUInt16LE(flags, 6);
      header.writeUInt16LE(METHOD_DEFLATE, 8);
      header.writeUInt32LE(crc, 14);
      header.writeUInt32LE(compressed.length, 18);
      header.writeUInt32LE(data.length, 22);
      header.writeUInt16LE(name.length, 26);
      header.writeUInt16LE(0, 28);
      const central = Buffer.from(entry.central);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(METHOD_DEFLATE, 10);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(compressed.length, 20);
      central.writeUInt32LE(data.length, 24);
      return { record: Buffer.concat([header, name, compressed]), central };
    }),
  );
  let offset = 0;
  for (const r of records) {
    r.central.writeUInt32LE(offset, 42);
    offset += r.record.length;
  }
  const directory = Buffer.concat(records.map((r) => r.central));
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...records.map((r) => r.record), directory, end]);
}
