// What the ribbon's "Refresh scores" does and says, decided without Office so it can be tested.
// The outcome is a notice code (noticeCode.ts): the result dialog is shown it through its URL and
// writes the text itself, so nothing but the add-in's own messages can appear there.
import type { Settings } from '../engine/workbookPort';
import type { Evaluation, Lang } from '../engine/types';
import { isEngineError, type EngineErrorCode } from '../engine/errors';
import { parseSettings } from '../engine/settings';
import { toHostError } from '../excel/errors';
import { REQUIRED_API_SETS } from '../excel/host';
import { langFromLocale } from '../engine/messages';
import { noticeFor, type Notice, type NoticeCode } from './noticeCode';

export type { Notice, NoticeCode } from './noticeCode';
export { noticeQuery } from './noticeCode';

export type CommandAction =
  /** The pane is needed; `notice` tells the officer to open it where a command cannot. */
  | { kind: 'openPane'; notice: Notice; code: NoticeCode }
  | { kind: 'notify'; notice: Notice; code: NoticeCode };

export type RefreshResult =
  | { ok: true; evaluation: Pick<Evaluation, 'totals'>; summarySheet: string | null }
  | { ok: false; error: unknown };

/** Engine errors that mean the saved mapping no longer fits the sheet: the pane is where to fix it. */
const MAPPING_ERRORS: readonly EngineErrorCode[] = ['missing_columns', 'no_projects', 'empty_sheet'];

/** The saved language wins over Office's display language, as in the pane. */
export function commandLang(settings: Settings | null, displayLanguage: string | undefined | null): Lang {
  // Settings are workbook content anyone can edit: the engine's reader drops a language the add-in does not
  // have ("fr"), and Office's display language decides.
  return parseSettings(settings)?.lang ?? langFromLocale(displayLanguage);
}

function action(kind: CommandAction['kind'], code: NoticeCode, lang: Lang): CommandAction {
  return { kind, code, notice: noticeFor(code, lang) };
}

/**
 * Before running: an Excel without the required API sets gets told what is missing; without saved
 * settings there is no mapping to re-run, so the pane is needed.
 */
export function planRefresh(
  settings: Settings | null,
  lang: Lang,
  missingApiSets: readonly string[] = [],
): { kind: 'run'; settings: Settings } | CommandAction {
  if (missingApiSets.length > 0) {
    const names = REQUIRED_API_SETS.map((s) => `${s.name} ${s.version}`);
    const sets = missingApiSets.map((s) => names.indexOf(s)).filter((i) => i >= 0);
    return action('notify', { kind: 'api_missing', sets: sets.length > 0 ? sets : [0] }, lang);
  }
  // The same reading as the pane's (src/engine/settings.ts): a broken band becomes the scheme's, a broken field is dropped.
  const saved = parseSettings(settings);
  if (saved) return { kind: 'run', settings: saved };
  return action('openPane', { kind: 'no_settings' }, lang);
}

function rateTenths(rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate) || rate < 0) return null;
  return Math.round(rate * 1000);
}

function describeError(error: unknown, lang: Lang): CommandAction {
  if (isEngineError(error)) {
    const pane = MAPPING_ERRORS.includes(error.code);
    const missing = error.code === 'missing_columns' ? [...(error.details.missing ?? [])] : [];
    return action(pane ? 'openPane' : 'notify', { kind: 'engine', code: error.code, missing, pane }, lang);
  }
  return action('notify', { kind: 'host', code: toHostError(error).code }, lang);
}

/** After running: what to tell the officer. */
export function refreshOutcome(result: RefreshResult, lang: Lang): CommandAction {
  if (!result.ok) return describeError(result.error, lang);
  const { projects, flagged, usageRate } = result.evaluation.totals;
  const code: NoticeCode = { kind: 'refreshed', projects, flagged, rateTenths: rateTenths(usageRate), summary: result.summarySheet !== null };
  return action('notify', code, lang);
}
