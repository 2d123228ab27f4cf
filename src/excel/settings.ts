// Workbook settings (Office.context.document.settings): travel with the file, so a colleague opening
// it gets the same mapping, scheme and band. Each record is JSON under one key; what a settings record
// may hold is the engine's rule (src/engine/settings.ts), this file only stores and loads it.
import type { Settings } from '../engine/workbookPort';
import { parseSettings, serializeSettings } from '../engine/settings';
import { HostError } from './errors';

export const SETTINGS_KEY = 'budgetPerformance.settings';
/** What the add-in created in this workbook, so it never mistakes a user's sheet or rule for its own. */
export const OWNERSHIP_KEY = 'budgetPerformance.owned';

export interface OwnedHighlights {
  sheetId: string;
  /** Formulas of the rules added, with row numbers replaced by '#': rows shift when the user inserts rows. */
  formulas: string[];
  /** The fill of each formula, same order: a second identity check. */
  fills: string[];
}

export interface Ownership {
  summarySheetIds: string[];
  /** Sheets the add-in created for the draft report (自评报告（草稿）). */
  reportSheetIds?: string[];
  highlights: OwnedHighlights[];
}

type OfficeSettings = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

export function documentSettings(): OfficeSettings {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const settings = office?.context?.document?.settings;
  if (!settings) throw new HostError('outside_host', 'Office document settings are not available');
  return settings;
}

export function readJson(key: string): unknown {
  const raw: unknown = documentSettings().get(key);
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function saveAsync(): Promise<void> {
  const settings = documentSettings();
  return new Promise((resolve, reject) => {
    settings.saveAsync((result: Office.AsyncResult<void>) => {
      if (String(result.status) === 'failed') {
        reject(new HostError('settings_failed', result.error?.message ?? 'settings.saveAsync failed'));
      } else resolve();
    });
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The stored record, read field by field by the engine (src/engine/settings.ts). */
export async function loadSettings(): Promise<Settings | null> {
  return parseSettings(readJson(SETTINGS_KEY));
}

export async function saveSettings(settings: Settings): Promise<void> {
  documentSettings().set(SETTINGS_KEY, serializeSettings(settings));
  await saveAsync();
}

export function parseOwnership(value: unknown): Ownership {
  const empty: Ownership = { summarySheetIds: [], highlights: [] };
  if (!isRecord(value)) return empty;
  const ids = Array.isArray(value.summarySheetIds) ? value.summarySheetIds.filter((x): x is string => typeof x === 'string') : [];
  const highlights = Array.isArray(value.highlights)
    ? value.highlights.filter(
        (h): h is OwnedHighlights =>
          isRecord(h) && typeof h.sheetId === 'string' && Array.isArray(h.formulas) && Array.isArray(h.fills),
      )
    : [];
  const reportIds = Array.isArray(value.reportSheetIds) ? value.reportSheetIds.filter((x): x is string => typeof x === 'string') : [];
  return { summarySheetIds: ids, highlights, ...(reportIds.length > 0 ? { reportSheetIds: reportIds } : {}) };
}

export function loadOwnership(): Ownership {
  return parseOwnership(readJson(OWNERSHIP_KEY));
}

export async function saveOwnership(ownership: Ownership): Promise<void> {
  documentSettings().set(OWNERSHIP_KEY, JSON.stringify(ownership));
  await saveAsync();
}
