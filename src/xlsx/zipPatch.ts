// Rewrites a zip (an .xlsx) with some entries replaced. yauzl reads the archive and fflate writes it;
// entries not replaced keep their deflated bytes (no inflating and deflating again), and what must be
// compressed is deflated by Node's native zlib on the thread pool: several times faster than the
// JavaScript deflate ExcelJS uses, which is most of the time of writing a large workbook.
import { buffer as readStream } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { crc32, deflateRaw, inflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import yauzl from 'yauzl';

const deflateRawAsync = promisify(deflateRaw);

const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;

async function readEntries(zip: Buffer): Promise<{ zipfile: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(zip, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw new Error(`not a zip file: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const entries: yauzl.Entry[] = [];
  for await (const entry of zipfile.eachEntry()) entries.push(entry);
  return { zipfile, entries };
}

/** The entry's bytes as stored in the archive, and how they are stored. */
async function storedData(zipfile: yauzl.ZipFile, entry: yauzl.Entry): Promise<{ method: number; bytes: Buffer }> {
  const method = entry.compressionMethod;
  if (entry.isEncrypted() || (method !== METHOD_STORE && method !== METHOD_DEFLATE)) {
    throw new Error(`unsupported zip entry ${entry.fileName}: compression method ${method}${entry.isEncrypted() ? ', encrypted' : ''}`);
  }
  return { method, bytes: await readStream(await zipfile.openReadStreamPromise(entry, { decodeFileData: false })) };
}

async function entryData(zipfile: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const { method, bytes } = await storedData(zipfile, entry);
  // In one piece: three times faster than the stream or the thread pool for the few parts read.
  return method === METHOD_DEFLATE ? inflateRawSync(bytes) : bytes;
}

/** The text of the entries named, for the caller to decide what to change. */
export async function readZipTexts(zip: Buffer, match: (name: string) => boolean): Promise<Map<string, string>> {
  const bytes = await readZipBytes(zip, match);
  return new Map([...bytes].map(([name, data]) => [name, data.toString('utf8')]));
}

/** The inflated bytes of the entries named. */
export async function readZipBytes(zip: Buffer, match: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const { zipfile, entries } = await readEntries(zip);
  try {
    const wanted = entries.filter((e) => match(e.fileName));
    const datas = await Promise.all(wanted.map((e) => entryData(zipfile, e)));
    return new Map(wanted.map((e, i) => [e.fileName, datas[i]]));
  } finally {
    zipfile.close();
  }
}

/** The names of the archive's entries, in order. */
export async function zipEntryNames(zip: Buffer): Promise<string[]> {
  const { zipfile, entries } = await readEntries(zip);
  zipfile.close();
  return entries.map((e) => e.fileName);
}

interface OutEntry {
  name: string;
  mtime: Date;
  method: number;
  crc: number;
  size: number;
  bytes: Uint8Array;
}

async function deflated(name: string, mtime: Date, data: Buffer, level: number): Promise<OutEntry> {
  return { name, mtime, method: METHOD_DEFLATE, crc: crc32(data) >>> 0, size: data.length, bytes: await deflateRawAsync(data, { level }) };
}

const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 2);
const ZIP_END = new Date(2099, 11, 31, 23, 59, 58);

/** A zip records times from 1980 to 2099; some writers leave the field zero (SheetJS), which reads as before 1980. */
function zipTime(date: Date): Date {
  const t = date.getTime();
  if (!Number.isFinite(t) || t < ZIP_EPOCH.getTime()) return ZIP_EPOCH;
  return t > ZIP_END.getTime() ? ZIP_END : date;
}

/** The archive of the entries, in order: fflate writes the records around bytes already compressed. */
function writeZip(entries: OutEntry[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      chunks.push(chunk);
      if (final) resolve(Buffer.concat(chunks));
    });
    for (const e of entries) {
      const file: ZipInputFile = { filename: e.name, mtime: zipTime(e.mtime), compression: e.method, crc: e.crc, size: e.size };
      zip.add(file);
      // Node's buffers here never sit on a SharedArrayBuffer, which is all fflate's type rules out.
      file.ondata?.(null, e.bytes as Uint8Array<ArrayBuffer>, true);
    }
    zip.end();
  });
}

/**
 * A copy of the zip, entries in the same order, with the given entries' contents replaced and every
 * stored (uncompressed) entry deflated at `level`; other entries keep their compressed bytes. Entries in
 * `added` follow the archive's own.
 */
export async function rebuildZip(zip: Buffer, replacements: Map<string, Buffer | string>, level: number, added: Map<string, Buffer | string> = new Map()): Promise<Buffer> {
  const { zipfile, entries } = await readEntries(zip);
  try {
    const out = await Promise.all(
      entries.map(async (entry): Promise<OutEntry> => {
        const name = entry.fileName;
        const mtime = entry.getLastModDate();
        const replacement = replacements.get(name);
        if (replacement !== undefined) return deflated(name, mtime, Buffer.isBuffer(replacement) ? replacement : Buffer.from(replacement, 'utf8'), level);
        const { method, bytes } = await storedData(zipfile, entry);
        if (method === METHOD_STORE && bytes.length > 0) return deflated(name, mtime, bytes, level);
        return { name, mtime, method, crc: entry.crc32, size: entry.uncompressedSize, bytes };
      }),
    );
    const now = new Date();
    for (const [name, data] of added) out.push(await deflated(name, now, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), level));
    return await writeZip(out);
  } finally {
    zipfile.close();
  }
}
