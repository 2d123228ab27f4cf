// Strings of the consolidated workbook (sheet names, titles, column headers), read from the catalogue.
import { catalogue, type Catalogue } from '../../text/catalogue';
import type { Lang } from '../types';

export type ViewTextKey = keyof Catalogue['consolidate'];

export function viewText(key: ViewTextKey, lang: Lang): string {
  return catalogue(lang).consolidate[key];
}
