// The add-in's settings record (mapping, scheme, band, language, auto-refresh …): defaults, reading,
// normalising and checking in one place. The record travels inside the workbook, where anyone can edit
// it, so every field is read as untrusted: a field of the wrong type or out of range is dropped (or, for
// the band, replaced by the scheme's), unknown keys (including "__proto__") never reach the result. The
// pane, the ribbon command and the batch command all read settings through here; adapters only store JSON.
import { parseAddress } from './address';
import { isMonth } from './monitoring';
import type { Settings } from './workbookPort';
import { BUILTIN_SCHEMES, checkBand, checkScheme, DEFAULT_SCHEME_ID, getScheme } from './schemes';
import { MAX_SHEET_NAME } from './sheetNames';
import { ROLES, type Lang, type MappingOverride, type RateBand, type Role, type Scheme, type SourceRef, type Unit } from './types';

export const SETTINGS_VERSION = 1;

/** Why a field of a stored record was not kept as it was. */
export interface SettingsIssue {
  /** Path of the field, e.g. "band", "override.columns.budget", "customScheme". */
  field: string;
  code: 'wrong_type' | 'out_of_range' | 'unknown_key' | 'invalid_scheme';
}

export interface SettingsReading {
  /** Null when the value is no settings record at all (absent, not an object, another version). */
  settings: Settings | null;
  issues: SettingsIssue[];
}

const LANGS: readonly Lang[] = ['zh', 'en'];
const UNITS: readonly Unit[] = ['万元', '元', '千元'];
const SOURCE_KINDS: readonly SourceRef['kind'][] = ['table', 'selection', 'sheet'];
const KNOWN_KEYS: readonly (keyof Settings)[] = [
  'version',
  'sheet',
  'override',
  'source',
  'schemeId',
  'customScheme',
  'band',
  'lang',
  'autoRefresh',
  'summarySheet',
  'lastRefreshed',
  'highlights',
  'schemeChosen',
  'layout',
  'monitoringMonth',
];
/** Grid columns beyond Excel's last (XFD) cannot be a mapping. */
const MAX_COLUMN_INDEX = 16_383;
const MAX_ROW_INDEX = 1_048_575;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(obj: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function isIndex(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
}

/** A sheet name Excel could hold: 1–31 characters, none of : \ / ? * [ ]. */
function isSheetName(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '' && v.length <= MAX_SHEET_NAME && !/[:\\/?*[\]]/.test(v);
}

/** The settings of a workbook that has none: the default scheme with its band. */
export function defaultSettings(): Settings {
  const scheme = BUILTIN_SCHEMES[DEFAULT_SCHEME_ID as keyof typeof BUILTIN_SCHEMES];
  return { version: SETTINGS_VERSION, schemeId: scheme.id, band: { ...scheme.rateBand } };
}

function readSource(v: unknown): SourceRef | null {
  if (!isObject(v) || !isSheetName(own(v, 'sheet'))) return null;
  const sheet = own(v, 'sheet') as string;
  const kind = own(v, 'kind');
  if (!SOURCE_KINDS.includes(kind as SourceRef['kind'])) return null;
  if (kind === 'sheet') return { sheet, kind };
  if (kind === 'table') {
    const table = own(v, 'table');
    return typeof table === 'string' && table.trim() !== '' && table.length <= 255 ? { sheet, kind, table } : null;
  }
  const address = own(v, 'address');
  return typeof address === 'string' && !address.includes('!') && parseAddress(address) !== null ? { sheet, kind: 'selection', address } : null;
}

function readOverride(v: unknown, issues: SettingsIssue[]): MappingOverride | null {
  if (!isObject(v)) return null;
  const out: MappingOverride = {};
  const headerRow = own(v, 'headerRow');
  if (headerRow !== undefined) {
    if (isIndex(headerRow, MAX_ROW_INDEX)) out.headerRow = headerRow;
    else issues.push({ field: 'override.headerRow', code: 'out_of_range' });
  }
  const unit = own(v, 'unit');
  if (unit !== undefined) {
    if (unit === null || UNITS.includes(unit as Unit)) out.unit = unit as Unit | null;
    else issues.push({ field: 'override.unit', code: 'out_of_range' });
  }
  const columns = own(v, 'columns');
  if (columns !== undefined) {
    if (!isObject(columns)) issues.push({ field: 'override.columns', code: 'wrong_type' });
    else {
      const kept: Partial<Record<Role, number | null>> = {};
      for (const key of Object.keys(columns)) {
        const col = columns[key];
        if (!ROLES.includes(key as Role)) issues.push({ field: `override.columns.${key}`, code: 'unknown_key' });
        else if (col === null || isIndex(col, MAX_COLUMN_INDEX)) kept[key as Role] = col;
        else issues.push({ field: `override.columns.${key}`, code: 'out_of_range' });
      }
      out.columns = kept;
    }
  }
  return out;
}

function readBand(v: unknown): RateBand | null {
  if (checkBand(v).length > 0) return null;
  const band = v as Obj;
  return { low: band.low as number, high: band.high as number };
}

/**
 * Reads a stored settings record (JSON text or a parsed value). Null settings: there is no record
 * (nothing stored, not JSON, not an object, another version). Otherwise every field is checked and the
 * ones that fail are left out and listed in `issues`; a missing or broken scheme id becomes the
 * default scheme's, a broken band the scheme's own band.
 */
export function readSettings(value: unknown): SettingsReading {
  let record: unknown = value;
  if (typeof value === 'string') {
    try {
      record = JSON.parse(value) as unknown;
    } catch {
      return { settings: null, issues: [] };
    }
  }
  if (!isObject(record) || own(record, 'version') !== SETTINGS_VERSION) return { settings: null, issues: [] };
  const issues: SettingsIssue[] = [];
  const drop = (field: string, code: SettingsIssue['code'] = 'wrong_type'): void => void issues.push({ field, code });
  for (const key of Object.keys(record)) if (!KNOWN_KEYS.includes(key as keyof Settings)) drop(key, 'unknown_key');

  let customScheme: Scheme | undefined;
  const custom = own(record, 'customScheme');
  if (custom !== undefined) {
    const parsed = checkScheme(custom);
    if (parsed.ok) customScheme = parsed.scheme;
    else drop('customScheme', 'invalid_scheme');
  }
  let schemeId = own(record, 'schemeId');
  if (typeof schemeId !== 'string' || schemeId.trim() === '') {
    drop('schemeId');
    schemeId = DEFAULT_SCHEME_ID;
  }
  const scheme = customScheme?.id === schemeId ? customScheme : getScheme(schemeId as string);
  const fallbackBand = { ...(scheme ?? BUILTIN_SCHEMES[DEFAULT_SCHEME_ID as keyof typeof BUILTIN_SCHEMES]).rateBand };
  let band = readBand(own(record, 'band'));
  if (band === null) {
    drop('band', own(record, 'band') === undefined ? 'wrong_type' : 'out_of_range');
    band = fallbackBand;
  }
  const settings: Settings = { version: SETTINGS_VERSION, schemeId: schemeId as string, band };
  if (customScheme) settings.customScheme = customScheme;

  const optional = <K extends keyof Settings>(key: K, accept: (v: unknown) => boolean, code: SettingsIssue['code'] = 'wrong_type'): void => {
    const v = own(record as Obj, key);
    if (v === undefined) return;
    if (accept(v)) settings[key] = v as Settings[K];
    else drop(key, code);
  };
  optional('sheet', isSheetName);
  optional('summarySheet', isSheetName);
  optional('lang', (v) => LANGS.includes(v as Lang), 'out_of_range');
  optional('autoRefresh', (v) => typeof v === 'boolean');
  optional('highlights', (v) => typeof v === 'boolean');
  optional('schemeChosen', (v) => typeof v === 'boolean');
  optional('layout', (v) => v === 'table' || v === 'forms', 'out_of_range');
  optional('lastRefreshed', (v) => typeof v === 'string' && v.length <= 64 && !Number.isNaN(Date.parse(v)));
  optional('monitoringMonth', (v) => v === null || isMonth(v), 'out_of_range');

  const source = own(record, 'source');
  if (source !== undefined) {
    // Without a readable source the mapping is read as one saved before sources were: on the whole sheet.
    const read = readSource(source);
    if (read) settings.source = read;
    else drop('source');
  }
  const override = own(record, 'override');
  if (override !== undefined) {
    const read = readOverride(override, issues);
    if (read) settings.override = read;
    else drop('override');
  }
  return { settings, issues };
}

/** The stored record as settings, or null when there is none (see readSettings). */
export function parseSettings(value: unknown): Settings | null {
  return readSettings(value).settings;
}

/** What is wrong with a stored record, field by field (empty: it is kept as it is). */
export function validateSettings(value: unknown): SettingsIssue[] {
  return readSettings(value).issues;
}

/** Settings to work with: the stored record read field by field, the defaults where there is none. */
export function normalizeSettings(value: unknown): Settings {
  return parseSettings(value) ?? defaultSettings();
}

/** The JSON text adapters store. */
export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}
