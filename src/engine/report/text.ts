// The report's words, read from the catalogue. Sentences take figures already formatted (format.ts).
import { catalogue, entry, fill, templateParts, type Catalogue } from '../../text/catalogue';
import type { Lang } from '../types';

export type ReportTextKey = keyof Catalogue['report']['text'];

export function reportText(key: ReportTextKey, lang: Lang, values: Record<string, string> = {}): string {
  return fill(catalogue(lang).report.text[key], values);
}

export function indicatorFlagLabel(flag: string, lang: Lang): string {
  return entry(catalogue(lang).report.indicatorFlags, flag) ?? flag;
}

export function formFlagLabel(flag: string, lang: Lang): string | null {
  return entry(catalogue(lang).report.formFlags, flag) ?? null;
}

/** A figure or placeholder inside a sentence keeps its own emphasis; plain strings merge into the text. */
export type RunValue = string | { text: string; emphasis?: 'bold' | 'placeholder' };

/** The sentence `key` as runs: the template's words plain, each value with its own emphasis. */
export function reportRuns(
  key: ReportTextKey,
  lang: Lang,
  values: Record<string, RunValue> = {},
): { text: string; emphasis?: 'bold' | 'placeholder' }[] {
  const runs: { text: string; emphasis?: 'bold' | 'placeholder' }[] = [];
  const push = (text: string, emphasis?: 'bold' | 'placeholder'): void => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    if (last && last.emphasis === emphasis) last.text += text;
    else runs.push(emphasis ? { text, emphasis } : { text });
  };
  for (const part of templateParts(catalogue(lang).report.text[key])) {
    if ('text' in part) {
      push(part.text);
      continue;
    }
    const v = values[part.name];
    if (v === undefined) push(`{${part.name}}`);
    else if (typeof v === 'string') push(v);
    else push(v.text, v.emphasis);
  }
  return runs;
}
