// The message catalogue: one typed object per language (zh.ts is the reference, en.ts must match
// its shape, so the compiler refuses a missing or extra key) and the one way to fill a template.
import { en } from './en';
import { zh, type Catalogue } from './zh';

export type { Catalogue };

/** The languages the add-in speaks; every catalogue is one of them. */
export type Lang = 'zh' | 'en';

const CATALOGUES: Record<Lang, Catalogue> = { zh, en };

export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

export type TemplateValues = Record<string, string | number | null | undefined>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The template with each `{name}` replaced by its value; a name without a value stays as written. */
export function fill(template: string, values: TemplateValues = {}): string {
  return template.replace(PLACEHOLDER, (all, name: string) => (name in values ? String(values[name]) : all));
}

/** The template cut at its placeholders: literal text and the names between them, in order. */
export function templateParts(template: string): ({ text: string } | { name: string })[] {
  const parts: ({ text: string } | { name: string })[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if ((m.index ?? 0) > at) parts.push({ text: template.slice(at, m.index) });
    parts.push({ name: m[1] });
    at = (m.index ?? 0) + m[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  return parts;
}

/** The placeholder names of a template, sorted: the catalogue test compares them across languages. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** A text whose wording follows a count ("1 project" / "2 projects"); Chinese has one form. */
export interface Plural {
  one: string;
  other: string;
}

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/** The form of `forms` that `count` takes in `lang`, filled with `values`. */
export function fillPlural(forms: Plural, count: number, lang: Lang, values: TemplateValues = {}): string {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(lang));
  return fill(rules.select(count) === 'one' ? forms.one : forms.other, values);
}

/** The entry `key` of a table keyed by codes that arrive as plain strings; undefined for any other key. */
export function entry(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
