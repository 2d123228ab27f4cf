// Messages of `npm run consolidate`, read from the catalogue.
import { catalogue, fill, type Catalogue, type TemplateValues } from '../text/catalogue';
import type { Lang } from '../engine/types';

export type ConsolidateTextKey = keyof Catalogue['cli']['consolidate'];

export function consolidateText(key: ConsolidateTextKey, lang: Lang, values: TemplateValues = {}): string {
  return fill(catalogue(lang).cli.consolidate[key], values);
}
