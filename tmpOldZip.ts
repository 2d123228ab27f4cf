// Rewrites a zip (an .xlsx) with some entries replaced. yauzl reads and yazl writes; both inflate and
// deflate with Node's native zlib on the thread pool, several times faster than the JavaScript deflate
// ExcelJS uses, which is most of the time of writing a large workbook.
import { buffer as readStream } from 'node:stream/consumers';
import yauzl from 'yauzl';
import yazl from 'yazl';

async function openZip(zip: Buffer): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.fromBufferPromise(zip, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw new Error(`not a zip file: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

async function entryData(zipfile: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return readStream(await zipfile.openReadStreamPromise(entry));
}

/** The text of the entries named, for the caller to decide what to change. */
export async function readZipTexts(zip: Buffer, match: (name: string) => boolean): Promise<Map<string, string>> {
  const zipfile = await openZip(zip);
  const texts = new Map<string, string>();
  try {
    for await (const entry of zipfile.eachEntry()) {
      if (match(entry.fileName)) texts.set(entry.fileName, (await entryData(zipfile, entry)).toString('utf8'));
    }
  } finally {
    zipfile.close();
  }
  return texts;
}

/**
 * A copy of the zip, entries in the same order, with the given entries' contents replaced; every entry
 * is (re)deflated at `level`.
 */
export async function rebuildZip(zip: Buffer, replacements: Map<string, Buffer | string>, level: number): Promise<Buffer> {
  const zipfile = await openZip(zip);
  const out = new yazl.ZipFile();
  const written = readStream(out.outputStream);
  try {
    for await (const entry of zipfile.eachEntry()) {
      const name = entry.fileName;
      const options = { mtime: entry.getLastModDate(), forceDosTimestamp: true };
      if (name.endsWith('/')) {
        out.addEmptyDirectory(name, options);
        continue;
      }
      const replacement = replacements.get(name);
      const data = replacement === undefined ? await entryData(zipfile, entry) : Buffer.isBuffer(replacement) ? replacement : Buffer.from(replacement, 'utf8');
      // yazl starts deflating each buffer at once, so the entries are compressed in parallel.
      out.addBuffer(data, name, { ...options, compressionLevel: level });
    }
  } finally {
    zipfile.close();
  }
  out.end();
  return written;
}
