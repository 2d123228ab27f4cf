// Where the evaluated copy may go: a new file, or an existing writable regular file, in a folder the
// command can write to. Checked before anything is evaluated; the copy is written to a temp file in
// the same folder (created up front) and renamed over the target, so the target is whole or untouched.
// A symlink, device (/dev/null), FIFO, socket or folder at the target, or a read-only file, is refused:
// a rename would replace the link or the device node itself, even as root.
import { constants, promises as fs, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Lang } from '../engine/types';
import { cliText } from './messages';
import { Refusal } from './refusal';

export interface ReservedOutput {
  readonly path: string;
  /** Writes `data` to the temp file and renames it over the target (re-checked first). */
  commit(data: Uint8Array): Promise<void>;
  /** Removes the temp file; safe to call more than once and after commit. */
  discard(): Promise<void>;
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | null)?.code ?? '';
}

function reasonOf(err: unknown): string {
  return errCode(err) || (err instanceof Error ? err.message : String(err));
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** lstat of the target, or null when nothing is there yet. */
async function targetStat(out: string, lang: Lang): Promise<Stats | null> {
  try {
    return await fs.lstat(out);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new Refusal(cliText('outDirMissing', lang, { path: dirname(out) }));
    throw new Refusal(cliText('outDirUnwritable', lang, { path: dirname(out), reason: reasonOf(err) }));
  }
}

/** Refuses anything at the target but an existing writable regular file; write bits are checked too, since root ignores them. */
async function checkTarget(out: string, st: Stats | null, lang: Lang): Promise<void> {
  if (st === null) return;
  if (st.isSymbolicLink()) throw new Refusal(cliText('outIsLink', lang, { path: out }));
  if (st.isDirectory()) throw new Refusal(cliText('outIsFolder', lang, { path: out }));
  if (!st.isFile()) throw new Refusal(cliText('outNotRegular', lang, { path: out }));
  const writable = (st.mode & 0o222) !== 0 && (await fs.access(out, constants.W_OK).then(() => true, () => false));
  if (!writable) throw new Refusal(cliText('outReadOnly', lang, { path: out }));
}

async function checkFolder(dir: string, lang: Lang): Promise<void> {
  const st = await fs.stat(dir).catch(() => null);
  if (!st?.isDirectory()) throw new Refusal(cliText('outDirMissing', lang, { path: dir }));
  try {
    await fs.access(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw new Refusal(cliText('outDirUnwritable', lang, { path: dir, reason: reasonOf(err) }));
  }
}

/**
 * Checks the output path and creates the temp file beside it. `given` is the --out text as typed
 * (undefined for the default path): a trailing slash means a folder.
 */
export async function reserveOutput(input: string, out: string, given: string | undefined, lang: Lang): Promise<ReservedOutput> {
  if (given !== undefined && (given.endsWith('/') || given.endsWith(sep))) throw new Refusal(cliText('outIsFolder', lang, { path: given }));
  if (await sameFile(input, out)) throw new Refusal(cliText('outIsInput', lang, { path: out }));
  const before = await targetStat(out, lang);
  await checkTarget(out, before, lang);
  const dir = dirname(out);
  await checkFolder(dir, lang);

  const temp = join(dir, `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    // 'wx' is O_CREAT | O_EXCL: never opens an existing file, never follows a link at `temp`. The
    // handle stays open so the copy goes into this very file, whatever happens to the name meanwhile.
    handle = await fs.open(temp, 'wx', 0o666);
  } catch (err) {
    throw new Refusal(cliText('outDirUnwritable', lang, { path: dir, reason: reasonOf(err) }));
  }

  let done = false;
  const discard = async (): Promise<void> => {
    if (done) return;
    done = true;
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
  };
  const commit = async (data: Uint8Array): Promise<void> => {
    try {
      await handle.writeFile(data);
      await handle.close();
      // The target may have changed during the evaluation: look again just before the rename.
      const now = await targetStat(out, lang);
      await checkTarget(out, now, lang);
      if (now !== null) await fs.chmod(temp, now.mode & 0o7777);
      await fs.rename(temp, out);
      done = true;
    } catch (err) {
      await discard();
      if (err instanceof Refusal) throw err;
      throw new Refusal(cliText('outWriteFailed', lang, { path: out, reason: reasonOf(err) }));
    }
  };
  return { path: out, commit, discard };
}
