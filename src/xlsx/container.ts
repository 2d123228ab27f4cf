// The checks an input file passes before any library parses it: a regular file of bounded size, then
// by its signature either a zip package (.xlsx, .xlsm, .ods) whose entries are few, uniquely named and
// inflate (actually, not as declared) within bounds, or an OLE compound file: a legacy .xls, or an
// encrypted (password-protected) OOXML package, refused as such. Limits: limits.ts.
import { promises as fs } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import yauzl from 'yauzl';
import { XlsxError } from './errors';
import { MAX_ENTRY_INFLATED_BYTES, MAX_FILE_BYTES, MAX_TOTAL_INFLATED_BYTES, MAX_ZIP_ENTRIES } from './limits';

/** ooxml: .xlsx/.xlsm (or .xlsb); ods: OpenDocument; xls: Excel 97–2003 (BIFF in an OLE file). */
export type PackageKind = 'ooxml' | 'ods' | 'xls';

const ZIP_SIGNATURE = 0x04034b50; // "PK\3\4", little-endian
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function ioError(err: unknown, path: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new XlsxError('file_missing', { path });
  if (code === 'EACCES' || code === 'EPERM') return new XlsxError('file_unreadable', { path });
  if (code === 'EISDIR') return new XlsxError('not_a_file', { path });
  return err;
}

/**
 * The file's bytes. A folder, a device (/dev/zero, /dev/urandom), a pipe or a socket is refused before it
 * is opened (opening a pipe would wait for a writer); a file above MAX_FILE_BYTES is refused unread, and
 * a file that grows while read is cut off at the limit and refused.
 */
export async function readWorkbookFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<Buffer> {
  const stat = await fs.stat(path).catch((err: unknown) => {
    throw ioError(err, path);
  });
  if (!stat.isFile()) throw new XlsxError('not_a_file', { path });
  if (stat.size > maxBytes) throw new XlsxError('file_too_large', { path, limit: maxBytes, found: stat.size });
  const handle = await fs.open(path, 'r').catch((err: unknown) => {
    throw ioError(err, path);
  });
  try {
    const again = await handle.stat();
    if (!again.isFile()) throw new XlsxError('not_a_file', { path });
    const buffer = Buffer.alloc(Math.min(again.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) throw new XlsxError('file_too_large', { path, limit: maxBytes, found: length });
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new XlsxError('file_too_large', { path, limit: maxBytes, found: length });
    }
    return buffer.subarray(0, length);
  } catch (err) {
    throw ioError(err, path);
  } finally {
    await handle.close();
  }
}

export interface ZipLimits {
  entries: number;
  entryBytes: number;
  totalBytes: number;
}

const ZIP_LIMITS: ZipLimits = { entries: MAX_ZIP_ENTRIES, entryBytes: MAX_ENTRY_INFLATED_BYTES, totalBytes: MAX_TOTAL_INFLATED_BYTES };

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Inflates the entry and throws it away, counting; throws once the count passes `cap`. */
async function inflatedSize(zipfile: yauzl.ZipFile, entry: yauzl.Entry, cap: number, onTooLarge: (found: number) => XlsxError): Promise<number> {
  // yauzl checks the inflated size against the declared one (validateEntrySizes) and stops at the first
  // byte beyond it; the count here holds even for a declared size of zero or a stream that ignores it.
  const stream = await zipfile.openReadStreamPromise(entry);
  let count = 0;
  try {
    for await (const chunk of stream) {
      count += (chunk as Buffer).length;
      if (count > cap) throw onTooLarge(count);
    }
  } finally {
    stream.destroy();
  }
  return count;
}

/** Kind of a zip package whose entries passed the checks; throws XlsxError otherwise. */
export async function checkZip(bytes: Buffer, path: string, limits: ZipLimits = ZIP_LIMITS): Promise<PackageKind> {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (err) {
    throw new XlsxError('broken_workbook', { path, reason: reasonOf(err) });
  }
  try {
    if (zipfile.entryCount > limits.entries) throw new XlsxError('too_many_entries', { path, limit: limits.entries, found: zipfile.entryCount });
    const entries: yauzl.Entry[] = [];
    const names = new Set<string>();
    let declared = 0;
    try {
      for await (const entry of zipfile.eachEntry()) {
        // Part names are compared without regard to case (ECMA-376 part 2, 6.2.2.3): a second entry of the
        // same name is one that one reader sees and another does not.
        const key = entry.fileName.toLowerCase();
        if (names.has(key)) throw new XlsxError('duplicate_entry', { path, entry: entry.fileName });
        names.add(key);
        if (entry.uncompressedSize > limits.entryBytes) {
          throw new XlsxError('inflated_too_large', { path, entry: entry.fileName, limit: limits.entryBytes, found: entry.uncompressedSize });
        }
        declared += entry.uncompressedSize;
        if (declared > limits.totalBytes) throw new XlsxError('inflated_too_large', { path, limit: limits.totalBytes, found: declared });
        entries.push(entry);
      }
    } catch (err) {
      if (err instanceof XlsxError) throw err;
      throw new XlsxError('broken_workbook', { path, reason: reasonOf(err) });
    }
    let total = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      try {
        total += await inflatedSize(zipfile, entry, Math.min(limits.entryBytes, limits.totalBytes - total), (found) =>
          found > limits.entryBytes
            ? new XlsxError('inflated_too_large', { path, entry: entry.fileName, limit: limits.entryBytes, found })
            : new XlsxError('inflated_too_large', { path, limit: limits.totalBytes, found: total + found }),
        );
      } catch (err) {
        if (err instanceof XlsxError) throw err;
        if (entry.isEncrypted()) throw new XlsxError('encrypted', { path });
        throw new XlsxError('broken_workbook', { path, reason: `${entry.fileName}: ${reasonOf(err)}` });
      }
    }
    if (names.has('[content_types].xml')) return 'ooxml';
    if (names.has('mimetype') || names.has('content.xml')) return 'ods';
    throw new XlsxError('not_workbook', { path });
  } finally {
    zipfile.close();
  }
}

/** An OLE compound file: a legacy .xls, or an encrypted OOXML package (ECMA-376 Agile/Standard encryption). */
export function checkOle(bytes: Buffer, path: string): PackageKind {
  let cfb: ReturnType<typeof XLSX.CFB.read>;
  try {
    cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  } catch (err) {
    throw new XlsxError('broken_workbook', { path, reason: reasonOf(err) });
  }
  const has = (name: string): boolean => Boolean(XLSX.CFB.find(cfb, name));
  if (has('EncryptionInfo') || has('EncryptedPackage')) throw new XlsxError('encrypted', { path });
  if (has('Workbook') || has('Book')) return 'xls';
  throw new XlsxError('not_workbook', { path });
}

/** What the bytes hold, once they passed the checks for it. */
export async function checkContainer(bytes: Buffer, path: string): Promise<PackageKind> {
  if (bytes.length > MAX_FILE_BYTES) throw new XlsxError('file_too_large', { path, limit: MAX_FILE_BYTES, found: bytes.length });
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === ZIP_SIGNATURE) return checkZip(bytes, path);
  if (bytes.length >= OLE_SIGNATURE.length && bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) return checkOle(bytes, path);
  throw new XlsxError('not_workbook', { path });
}
