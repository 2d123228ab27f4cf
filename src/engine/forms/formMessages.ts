// The forms layout's words, read from the catalogue: project and indicator flags, check sentences, summary labels.
import { flagLabel } from '../messages';
import { catalogue, fill, type Catalogue, type TemplateValues } from '../../text/catalogue';
import type { FormCheck, FormFlag, IndicatorFlag } from './formTypes';
import type { Flag, Lang } from '../types';

type FormOnlyFlag = keyof Catalogue['forms']['formFlags'];

export function formFlagLabel(flag: FormFlag, lang: Lang): string {
  const labels = catalogue(lang).forms.formFlags;
  return flag in labels ? labels[flag as FormOnlyFlag] : flagLabel(flag as Flag, lang);
}

export function indicatorFlagLabel(flag: IndicatorFlag, lang: Lang): string {
  return catalogue(lang).forms.indicatorFlags[flag];
}

export function formStatusText(flags: readonly FormFlag[], lang: Lang): string {
  const words = catalogue(lang).engine.words;
  if (flags.length === 0) return words.ok;
  return flags.map((f) => formFlagLabel(f, lang)).join(words.listSep);
}

export function indicatorReasons(flags: readonly IndicatorFlag[], lang: Lang): string {
  return flags.map((f) => indicatorFlagLabel(f, lang)).join(catalogue(lang).engine.words.listSep);
}

function fmt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : String(Math.round(n * 1e4) / 1e4);
}

/** One sentence per check, naming the sheet and row. */
export function formCheckSentence(c: FormCheck, lang: Lang): string {
  const forms = catalogue(lang).forms;
  const where = { sheet: c.sheet, row: c.row, project: c.project };
  if (c.code !== 'form_table_mismatch') return fill(forms.checks[c.code], where);
  const t = c.table;
  return fill(forms.checks.form_table_mismatch, {
    ...where,
    what: forms.fields[c.field ?? 'total'],
    form: fmt(c.form),
    tableSheet: t?.sheet,
    tableRow: t?.row,
    table: fmt(t?.value),
  });
}

export type FormTextKey = keyof Catalogue['forms']['text'];

export function formText(key: FormTextKey, lang: Lang, values: TemplateValues = {}): string {
  return fill(catalogue(lang).forms.text[key], values);
}
