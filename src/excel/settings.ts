// Workbook settings (Office.context.document.settings): travel with the file, so a colleague opening
// it gets the same mapping, scheme and band. Each record is JSON under one key.
import type { Settings } from '../engine/port';
import type { SourceRef } from '../engine/types';
import { parseAddress } from './address';
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
  if (!settings) throw new HostError('not_in_excel', 'Office document settings are not available');
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

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isSourceRef(v: unknown): v is SourceRef {
  if (!isRecord(v) || typeof v.sheet !== 'string' || v.sheet === '') return false;
  if (v.kind === 'sheet') return true;
  if (v.kind === 'table') return typeof v.table === 'string' && v.table !== '';
  if (v.kind === 'selection') return typeof v.address === 'string' && parseAddress(v.address) !== null;
  return false;
}

/** Accepts what a current or hand-edited record holds; anything malformed reads as "no settings". */
export function parseSettings(value: unknown): Settings | null {
  if (!isRecord(value) || value.version !== 1 || typeof value.schemeId !== 'string') return null;
  const band = value.band;
  if (!isRecord(band) || !isFiniteNumber(band.low) || !isFiniteNumber(band.high) || band.low > band.high) return null;
  if (value.source !== undefined && !isSourceRef(value.source)) {
    // Without a readable source the mapping is read as one saved before sources were: on the whole sheet.
    const { source, ...rest } = value;
    void source;
    return rest as unknown as Settings;
  }
  return value as unknown as Settings;
}

export async function loadSettings(): Promise<Settings | null> {
  return parseSettings(readJson(SETTINGS_KEY));
}

export async function saveSettings(settings: Settings): Promise<void> {
  documentSettings().set(SETTINGS_KEY, JSON.stringify(settings));
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
