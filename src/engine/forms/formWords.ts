// Matching a cell's text against the form word lists of headerWords.ts: the longest word it contains wins.
import { compactText } from '../numbers';

const BRACKETED = /[([【〔<][^)\]】〕>]*[)\]】〕>]/g;

/** Compact text without bracketed parts: "项目资金（万元）" → "项目资金". */
export function coreText(text: string): string {
  const compact = compactText(text);
  return compact.replace(BRACKETED, '') || compact;
}

/** The key of `lists` whose word the text contains, longest word first; null when none. */
export function matchWord<K extends string>(text: string, lists: Readonly<Record<K, readonly string[]>>, exact = false): K | null {
  const core = coreText(text);
  if (core === '' || core.length > 40) return null;
  let best: K | null = null;
  let bestLength = 0;
  for (const key of Object.keys(lists) as K[]) {
    for (const word of lists[key]) {
      const w = compactText(word);
      const hit = exact ? core === w : core.includes(w);
      if (hit && w.length > bestLength) {
        best = key;
        bestLength = w.length;
      }
    }
  }
  return best;
}

/** True when the text is (exactly, after compaction) one of the words, or starts with one when `prefix`. */
export function isWord(text: string, words: readonly string[], prefix = false): boolean {
  const core = coreText(text);
  if (core === '') return false;
  return words.some((w) => {
    const c = compactText(w);
    return prefix ? core.startsWith(c) : core === c;
  });
}
