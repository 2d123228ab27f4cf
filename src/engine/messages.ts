// The engine's words, read from the catalogue (src/text): flag, grade and role labels, error
// messages, scheme-validation messages and the summary sheet's labels.
import type { EngineError } from './errors';
import { schemeIssueMessage } from './schemeIssues';
import { catalogue, fill } from '../text/catalogue';
import type { Catalogue } from '../text/catalogue';
import type { Flag, Grade, Lang, MonitoringStatus, Role } from './types';

export function flagLabel(flag: Flag, lang: Lang): string {
  return catalogue(lang).engine.flags[flag];
}

export function gradeLabel(grade: Grade, lang: Lang): string {
  return catalogue(lang).engine.grades[grade];
}

export function roleLabel(role: Role, lang: Lang): string {
  return catalogue(lang).engine.roles[role];
}

/** "执行率低于下限；执行率与填报不符", or "正常" / "OK" without flags. */
export function statusText(flags: readonly Flag[], lang: Lang): string {
  const words = catalogue(lang).engine.words;
  if (flags.length === 0) return words.ok;
  return flags.map((f) => flagLabel(f, lang)).join(words.listSep);
}

function missingColumnMessage(role: Role, lang: Lang): string {
  const errors = catalogue(lang).engine.errors;
  if (role in errors.missingColumn) return errors.missingColumn[role as keyof Catalogue['engine']['errors']['missingColumn']];
  return fill(errors.missingColumnOther, { label: roleLabel(role, lang).toLowerCase(), zhLabel: roleLabel(role, 'zh') });
}

/** One line: what went wrong and what to do. */
export function errorMessage(err: EngineError, lang: Lang): string {
  const { errors, words } = catalogue(lang).engine;
  const sheet = err.details.sheet;
  const problems = (err.details.issues ?? []).map((i) => schemeIssueMessage(i, lang)).join(words.listSep);
  const where = sheet ? fill(errors.where, { sheet }) : '';
  switch (err.code) {
    case 'empty_sheet':
    case 'no_projects':
      return fill(errors[err.code], { where });
    case 'missing_columns': {
      const parts = (err.details.missing ?? []).map((r) => missingColumnMessage(r, lang));
      return fill(errors.missing_columns, { where, parts: parts.join(words.listSep) });
    }
    case 'invalid_scheme':
      if (err.details.schemeId !== undefined && problems === '') return fill(errors.unknown_scheme, { schemeId: err.details.schemeId });
      return fill(errors.invalid_scheme, { problems });
    case 'invalid_band':
      return fill(errors.invalid_band, { problems });
  }
}

// ---- scheme and band validation ----------------------------------------------------------

// ---- summary sheet labels ----------------------------------------------------------------

export type SummaryTextKey = keyof Catalogue['engine']['summary'];

export function summaryText(key: SummaryTextKey, lang: Lang): string {
  return catalogue(lang).engine.summary[key];
}

/** "第10行合计的预算数为918.4，项目之和为918.45，相差0.05" */
export function sumMismatchSentence(
  row: number,
  column: 'budget' | 'actual',
  stated: string,
  computed: string,
  diff: string,
  lang: Lang,
): string {
  const what = summaryText(column === 'budget' ? 'budgetWord' : 'actualWord', lang);
  return fill(catalogue(lang).engine.sumMismatch, { row, what, stated, computed, diff });
}

/** The pane's, the ribbon's and the command's language from a locale ("zh-CN", "zh_CN.UTF-8" → zh; else en). */
export function langFromLocale(locale: string | null | undefined): Lang {
  return (locale ?? '').trim().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// ---- in-year monitoring (双监控) -----------------------------------------------------------

/** The months covered: "1–9月" / "Jan–Sep"; one month alone: "1月" / "Jan". */
export function monthSpan(month: number, lang: Lang): string {
  const t = catalogue(lang).engine;
  if (month === 1) return fill(t.monthOne, { month: t.monthNames[0] });
  return fill(t.monthRange, { from: t.monthNames[0], to: t.monthNames[month - 1] });
}

/** "1–9月 运行监控" / "Jan–Sep in-year monitoring". */
export function monitoringTitle(month: number, lang: Lang): string {
  return fill(catalogue(lang).engine.monitoringTitle, { span: monthSpan(month, lang) });
}

export function monitoringStatusLabel(status: MonitoringStatus, lang: Lang): string {
  return catalogue(lang).engine.monitoringStatus[status];
}
