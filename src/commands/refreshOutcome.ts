// What the ribbon's "Refresh scores" does and says, decided without Office so it can be tested.
import type { Settings } from '../engine/port';
import type { Evaluation, Lang } from '../engine/types';
import { isEngineError, type EngineErrorCode } from '../engine/errors';
import { errorMessage } from '../engine/messages';
import { parseSettings } from '../engine/settings';
import { hostErrorMessage } from '../excel/errorMessages';
import { toHostError } from '../excel/errors';
import { COMMAND_STRINGS } from './strings';
import { langFromLocale } from '../engine/messages';

export interface Notice {
  tone: 'success' | 'warning' | 'error';
  title: string;
  message: string;
}

export type CommandAction =
  /** The pane is needed; `notice` tells the officer to open it where a command cannot. */
  | { kind: 'openPane'; notice: Notice }
  | { kind: 'notify'; notice: Notice };

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

/**
 * Before running: an Excel without the required API sets gets told what is missing; without saved
 * settings there is no mapping to re-run, so the pane is needed.
 */
export function planRefresh(
  settings: Settings | null,
  lang: Lang,
  missingApiSets: readonly string[] = [],
): { kind: 'run'; settings: Settings } | CommandAction {
  const t = COMMAND_STRINGS[lang];
  if (missingApiSets.length > 0) {
    const message = `${hostErrorMessage('api_unsupported', lang)} ${t.missingSets(missingApiSets.join(', '))}`;
    return { kind: 'notify', notice: { tone: 'error', title: t.failedTitle, message } };
  }
  // The same reading as the pane's (src/engine/settings.ts): a broken band becomes the scheme's, a broken field is dropped.
  const saved = parseSettings(settings);
  if (saved) return { kind: 'run', settings: saved };
  return { kind: 'openPane', notice: { tone: 'warning', title: t.needPaneTitle, message: t.noSettings } };
}

function percent(rate: number | null, lang: Lang): string {
  if (rate === null || !Number.isFinite(rate)) return COMMAND_STRINGS[lang].noRate;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function describeError(error: unknown, lang: Lang): CommandAction {
  const t = COMMAND_STRINGS[lang];
  if (isEngineError(error)) {
    const reason = errorMessage(error, lang);
    if (MAPPING_ERRORS.includes(error.code)) {
      return { kind: 'openPane', notice: { tone: 'error', title: t.failedTitle, message: t.mappingNoLongerFits(reason) } };
    }
    return { kind: 'notify', notice: { tone: 'error', title: t.failedTitle, message: reason } };
  }
  const host = toHostError(error);
  const message = host.code === 'unknown' ? t.unexpected(host.message) : hostErrorMessage(host.code, lang);
  return { kind: 'notify', notice: { tone: 'error', title: t.failedTitle, message } };
}

/** After running: what to tell the officer. */
export function refreshOutcome(result: RefreshResult, lang: Lang): CommandAction {
  if (!result.ok) return describeError(result.error, lang);
  const t = COMMAND_STRINGS[lang];
  const { projects, flagged, usageRate } = result.evaluation.totals;
  return {
    kind: 'notify',
    notice: {
      tone: flagged > 0 ? 'warning' : 'success',
      title: t.refreshedTitle,
      message: t.refreshedBody(projects, flagged, percent(usageRate, lang), result.summarySheet),
    },
  };
}

/** Query string for commands-result.html, which shows a notice (see result.ts). */
export function noticeQuery(notice: Notice, lang: Lang): string {
  const params = new URLSearchParams({ tone: notice.tone, title: notice.title, message: notice.message, lang });
  return params.toString();
}
