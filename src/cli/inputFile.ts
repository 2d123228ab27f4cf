// The workbook argument must name a regular file: a folder, /dev/zero, /dev/urandom or a FIFO would be
// read without end or misreported as "not found". Missing and unreadable files are the reader's to report.
import { promises as fs } from 'node:fs';
import type { Lang } from '../engine/types';
import { cliText } from './messages';
import { Refusal } from './refusal';

export async function checkInputFile(path: string, lang: Lang): Promise<void> {
  const st = await fs.stat(path).catch(() => null);
  if (st !== null && !st.isFile()) throw new Refusal(cliText('inputNotRegular', lang, { path }));
}
