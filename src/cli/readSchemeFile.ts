// Reads a --scheme-file as text, refusing what is not a small regular text file: a folder, a device
// (/dev/zero, /dev/urandom), a FIFO, or anything above SCHEME_FILE_MAX_BYTES. Text is UTF-8 (with or
// without BOM) or UTF-16 with a BOM; a file that is not valid UTF-8 but is valid GB18030 (GBK, what
// Chinese Windows Notepad saves as "ANSI") is decoded as such and a note says so.
import { constants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Lang } from '../engine/types';
import { cliText } from './messages';
import { Refusal } from './refusal';

/** A scheme is a few hundred bytes; 1 MB leaves room for comments of any size a person writes. */
export const SCHEME_FILE_MAX_BYTES = 1024 * 1024;

export interface SchemeFileText {
  text: string;
  /** A line for stderr when the file was read in a way the user should know about. */
  note?: string;
}

async function openForReading(path: string, lang: Lang): Promise<FileHandle> {
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; fstat then refuses it.
    return await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new Refusal(cliText('schemeFileUnreadable', lang, { path }));
    if (code === 'EISDIR') throw new Refusal(cliText('schemeFileFolder', lang, { path }));
    throw new Refusal(cliText('schemeFileMissing', lang, { path }));
  }
}

/** At most `limit` + 1 bytes, so a file that grows or lies about its size is still bounded. */
async function readBounded(handle: FileHandle, limit: number): Promise<Buffer> {
  const buffer = Buffer.alloc(limit + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** The file's text, or a refusal naming what is wrong with it. */
export async function readSchemeFile(path: string, lang: Lang, limit = SCHEME_FILE_MAX_BYTES): Promise<SchemeFileText> {
  const handle = await openForReading(path, lang);
  let bytes: Buffer;
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new Refusal(cliText('schemeFileFolder', lang, { path }));
    if (!st.isFile()) throw new Refusal(cliText('schemeFileNotRegular', lang, { path }));
    const tooBig = (): Refusal => new Refusal(cliText('schemeFileTooBig', lang, { path, limit: `${limit / 1024} KB` }));
    if (st.size > limit) throw tooBig();
    bytes = await readBounded(handle, limit);
    if (bytes.length > limit) throw tooBig();
  } finally {
    await handle.close();
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', path, lang);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', path, lang);
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8 };
  const gbk = decodeStrict(bytes, 'gb18030');
  if (gbk !== null) return { text: gbk, note: cliText('schemeFileGbk', lang, { path }) };
  throw new Refusal(cliText('schemeFileEncoding', lang, { path }));
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string, lang: Lang): SchemeFileText {
  const text = decodeStrict(bytes, encoding);
  if (text === null) throw new Refusal(cliText('schemeFileEncoding', lang, { path }));
  return { text };
}
