// What the ribbon's result dialog may say, as a code and numbers. The dialog page
// (commands-result.html) is a public URL anyone can link to: its query string carries only a notice
// code and numbers, never text, so the page shows nothing but messages the add-in wrote itself.
import type { EngineErrorCode } from '../engine/errors';
import { EngineError } from '../engine/errors';
import { errorMessage } from '../engine/messages';
import { catalogue, fill, fillPlural } from '../text/catalogue';
import { ROLES, type Lang, type Role } from '../engine/types';
import { HOST_ERROR_CODES, hostErrorMessage, type HostErrorCode } from '../engine/hostError';
import { REQUIRED_API_SETS } from '../excel/host';

export type NoticeCode =
  /** Evaluated: counts, the portfolio rate in tenths of a percent (null: not computable), summary written. */
  | { kind: 'refreshed'; projects: number; flagged: number; rateTenths: number | null; summary: boolean }
  | { kind: 'no_settings' }
  /** Required API sets missing, as indices into REQUIRED_API_SETS. */
  | { kind: 'api_missing'; sets: number[] }
  /** An engine error; `pane`: the mapping no longer fits, fix it in the pane. */
  | { kind: 'engine'; code: EngineErrorCode; missing: Role[]; pane: boolean }
  | { kind: 'host'; code: HostErrorCode };

export interface Notice {
  tone: 'success' | 'warning' | 'error';
  title: string;
  message: string;
}

const ENGINE_CODES: readonly EngineErrorCode[] = ['empty_sheet', 'missing_columns', 'no_projects', 'invalid_scheme', 'invalid_band'];
/** Counts beyond this are not a refresh's; the query is refused. */
const MAX_COUNT = 10_000_000;

function percent(rateTenths: number | null, lang: Lang): string {
  return rateTenths === null ? catalogue(lang).commands.noRate : `${(rateTenths / 10).toFixed(1)}%`;
}

function engineText(code: EngineErrorCode, missing: Role[], lang: Lang): string {
  const t = catalogue(lang).commands;
  // Scheme and band problems name values from the saved settings: the dialog only says where to look.
  if (code === 'invalid_scheme') return t.savedSchemeInvalid;
  if (code === 'invalid_band') return t.savedBandInvalid;
  return errorMessage(new EngineError(code, code === 'missing_columns' ? { missing } : {}), lang);
}

/** The notice a code stands for, in `lang`. */
export function noticeFor(code: NoticeCode, lang: Lang): Notice {
  const t = catalogue(lang).commands;
  switch (code.kind) {
    case 'refreshed':
      return {
        tone: code.flagged > 0 ? 'warning' : 'success',
        title: t.refreshedTitle,
        message:
          fillPlural(t.refreshedBody, code.projects, lang, {
            projects: code.projects,
            flagged: code.flagged,
            rate: percent(code.rateTenths, lang),
          }) + (code.summary ? t.summaryUpdated : ''),
      };
    case 'no_settings':
      return { tone: 'warning', title: t.needPaneTitle, message: t.noSettings };
    case 'api_missing': {
      const sets = code.sets.map((i) => `${REQUIRED_API_SETS[i].name} ${REQUIRED_API_SETS[i].version}`).join(', ');
      return { tone: 'error', title: t.failedTitle, message: `${hostErrorMessage('api_unsupported', lang)} ${fill(t.missingSets, { sets })}` };
    }
    case 'engine': {
      const reason = engineText(code.code, code.missing, lang);
      return { tone: 'error', title: t.failedTitle, message: code.pane ? fill(t.mappingNoLongerFits, { reason }) : reason };
    }
    case 'host':
      return { tone: 'error', title: t.failedTitle, message: hostErrorMessage(code.code, lang) };
  }
}

/** Query string for commands-result.html: the language, the code and its numbers. */
export function noticeQuery(code: NoticeCode, lang: Lang): string {
  const p = new URLSearchParams({ lang, n: code.kind });
  switch (code.kind) {
    case 'refreshed':
      p.set('p', String(code.projects));
      p.set('f', String(code.flagged));
      if (code.rateTenths !== null) p.set('r', String(code.rateTenths));
      p.set('s', code.summary ? '1' : '0');
      break;
    case 'api_missing':
      p.set('i', code.sets.join('.'));
      break;
    case 'engine':
      p.set('c', code.code);
      if (code.missing.length > 0) p.set('m', code.missing.join('.'));
      p.set('x', code.pane ? '1' : '0');
      break;
    case 'host':
      p.set('c', code.code);
      break;
    case 'no_settings':
      break;
  }
  return p.toString();
}

/** The parameters noticeQuery writes for each kind. */
const QUERY_KEYS: Record<string, readonly string[]> = {
  refreshed: ['lang', 'n', 'p', 'f', 'r', 's'],
  no_settings: ['lang', 'n'],
  api_missing: ['lang', 'n', 'i'],
  engine: ['lang', 'n', 'c', 'm', 'x'],
  host: ['lang', 'n', 'c'],
};

function count(value: string | null): number | null {
  if (value === null || !/^\d{1,8}$/.test(value)) return null;
  const n = Number(value);
  return n <= MAX_COUNT ? n : null;
}

function flag(value: string | null): boolean | null {
  return value === '1' ? true : value === '0' ? false : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function list<T>(value: string | null, item: (s: string) => T | null): T[] | null {
  if (value === null || value === '') return [];
  const items = value.split('.').map(item);
  return items.every((x): x is T => x !== null) ? items : null;
}

/** Reads a query written by noticeQuery; anything else (text, unknown codes, odd numbers) is null. */
export function parseNoticeQuery(search: string): NoticeCode | null {
  const p = new URLSearchParams(search);
  const kind = p.get('n') ?? '';
  const keys = Object.prototype.hasOwnProperty.call(QUERY_KEYS, kind) ? QUERY_KEYS[kind] : [];
  // A parameter the add-in does not write (a "message", a second "n") means someone else wrote the URL.
  const seen = [...p.keys()];
  if (seen.some((k) => !keys.includes(k)) || new Set(seen).size !== seen.length) return null;
  switch (kind) {
    case 'refreshed': {
      const projects = count(p.get('p'));
      const flagged = count(p.get('f'));
      const rate = p.has('r') ? count(p.get('r')) : null;
      const summary = flag(p.get('s'));
      if (projects === null || flagged === null || flagged > projects || summary === null) return null;
      if (p.has('r') && rate === null) return null;
      return { kind: 'refreshed', projects, flagged, rateTenths: rate, summary };
    }
    case 'no_settings':
      return { kind: 'no_settings' };
    case 'api_missing': {
      const sets = list(p.get('i'), (s) => {
        const i = count(s);
        return i !== null && i < REQUIRED_API_SETS.length ? i : null;
      });
      return sets && sets.length > 0 ? { kind: 'api_missing', sets } : null;
    }
    case 'engine': {
      const code = oneOf(p.get('c'), ENGINE_CODES);
      const missing = list(p.get('m'), (s) => oneOf(s, ROLES));
      const pane = flag(p.get('x'));
      return code && missing && pane !== null ? { kind: 'engine', code, missing, pane } : null;
    }
    case 'host': {
      const code = oneOf(p.get('c'), HOST_ERROR_CODES);
      return code ? { kind: 'host', code } : null;
    }
    default:
      return null;
  }
}
