// The batch command's own words, read from the catalogue (src/text).
import { catalogue, fill, type Catalogue, type TemplateValues } from '../text/catalogue';
import type { Lang } from '../engine/types';

export type CliTextKey = keyof Catalogue['cli']['evaluate'];

/** The text in `lang` with {name} placeholders filled; always a single line. */
export function cliText(key: CliTextKey, lang: Lang, values: TemplateValues = {}): string {
  return fill(catalogue(lang).cli.evaluate[key], values);
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
