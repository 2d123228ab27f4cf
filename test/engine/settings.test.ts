import type { Settings } from '../../src/engine/workbookPort';
import { BUILTIN_SCHEMES } from '../../src/engine/schemes';
import { defaultSettings, normalizeSettings, parseSettings, readSettings, serializeSettings, validateSettings } from '../../src/engine/settings';

const BASE = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 } } as const;

describe('defaults', () => {
  test('the default scheme with its own band, nothing else', () => {
    expect(defaultSettings()).toEqual({ version: 1, schemeId: 'mof2020', band: BUILTIN_SCHEMES.mof2020.rateBand });
    // A fresh object each time: the caller may change it.
    expect(defaultSettings().band).not.toBe(BUILTIN_SCHEMES.mof2020.rateBand);
  });

  test('no record, not JSON, not an object, another version: no settings (normalised: the defaults)', () => {
    for (const value of [null, undefined, '', '{not json', '[]', 42, 'mof2020', [BASE], { ...BASE, version: 2 }, { ...BASE, version: '1' }]) {
      expect(parseSettings(value)).toBeNull();
      expect(normalizeSettings(value)).toEqual(defaultSettings());
    }
  });
});

describe('a full record round-trips unchanged', () => {
  const full: Settings = {
    version: 1,
    sheet: '项目表',
    override: { headerRow: 3, columns: { project: 1, budget: 4, actual: null }, unit: '万元' },
    source: { sheet: '项目表', kind: 'selection', address: 'B2:H20' },
    schemeId: 'sichuan2023',
    customScheme: { ...BUILTIN_SCHEMES.wuhan2018, id: 'sichuan2023', name: { zh: '四川2023', en: 'Sichuan 2023' } },
    band: { low: 0.85, high: 1 },
    lang: 'en',
    autoRefresh: true,
    summarySheet: '绩效自评汇总',
    lastRefreshed: '2026-03-01T08:00:00.000Z',
    highlights: false,
    schemeChosen: true,
    layout: 'forms',
    monitoringMonth: 9,
  };

  test('as an object and as the JSON adapters store', () => {
    expect(readSettings(full)).toEqual({ settings: full, issues: [] });
    expect(parseSettings(serializeSettings(full))).toEqual(full);
    expect(normalizeSettings(normalizeSettings(full))).toEqual(full);
  });

  test('every built-in scheme stored as a custom scheme reads back as itself', () => {
    for (const scheme of Object.values(BUILTIN_SCHEMES)) {
      const stored = { ...BASE, schemeId: 'copy', customScheme: { ...scheme, id: 'copy' } };
      expect(parseSettings(JSON.parse(JSON.stringify(stored)))?.customScheme).toEqual({ ...scheme, id: 'copy' });
    }
  });
});

describe('crafted records: each bad field is dropped, the rest kept', () => {
  test('lang "fr" is dropped (the caller falls back to Office\'s language)', () => {
    const reading = readSettings({ ...BASE, sheet: 'S', lang: 'fr' });
    expect(reading.settings).toEqual({ ...BASE, sheet: 'S' });
    expect(reading.issues).toEqual([{ field: 'lang', code: 'out_of_range' }]);
  });

  test('a custom scheme without a name is read with its id as name; one without weights is dropped', () => {
    const { name: _name, ...nameless } = { ...BUILTIN_SCHEMES.wuhan2018, id: 'mine' };
    const read = parseSettings({ ...BASE, schemeId: 'mine', customScheme: nameless });
    expect(read?.customScheme?.name).toEqual({ zh: 'mine', en: 'mine' });
    const { weights: _weights, ...weightless } = nameless;
    const reading = readSettings({ ...BASE, schemeId: 'mine', customScheme: weightless });
    expect(reading.settings).toEqual({ ...BASE, schemeId: 'mine' });
    expect(reading.issues).toEqual([{ field: 'customScheme', code: 'invalid_scheme' }]);
    // The scheme id stays: evaluating says the scheme is unknown instead of silently scoring with another.
    expect(reading.settings?.schemeId).toBe('mine');
  });

  test('a custom scheme with weights that are not numbers never reaches the scorer', () => {
    const crafted = { ...BUILTIN_SCHEMES.mof2020, id: 'x', weights: { output: '50', benefit: NaN } };
    expect(parseSettings({ ...BASE, schemeId: 'x', customScheme: crafted })?.customScheme).toBeUndefined();
  });

  test('wrong types: each field dropped and named', () => {
    const reading = readSettings({
      ...BASE,
      sheet: 7,
      autoRefresh: 'yes',
      highlights: 0,
      schemeChosen: 'yes',
      layout: 'portfolio',
      summarySheet: ['x'],
      lastRefreshed: 'yesterday',
      monitoringMonth: 13,
      source: 'Sheet1',
      override: [],
    });
    expect(reading.settings).toEqual(BASE);
    expect(reading.issues.map((i) => i.field).sort()).toEqual(
      ['autoRefresh', 'highlights', 'lastRefreshed', 'monitoringMonth', 'layout', 'override', 'schemeChosen', 'sheet', 'source', 'summarySheet'].sort(),
    );
  });

  test('a broken or missing band becomes the scheme\'s band; a missing scheme id the default scheme', () => {
    for (const band of [{ low: 1.2, high: 1 }, { low: 'a', high: 1 }, { low: 0.9 }, null, undefined]) {
      expect(parseSettings({ version: 1, schemeId: 'wuhan2018', band })?.band).toEqual(BUILTIN_SCHEMES.wuhan2018.rateBand);
    }
    expect(parseSettings({ version: 1, schemeId: 5, band: { low: 0.8, high: 1 } })).toEqual({ version: 1, schemeId: 'mof2020', band: { low: 0.8, high: 1 } });
  });

  test('__proto__ and other unknown keys never reach the result, and nothing is polluted', () => {
    const text = '{"version":1,"schemeId":"mof2020","band":{"low":0.9,"high":1},"__proto__":{"polluted":true},"constructor":{"x":1},"extra":1}';
    const reading = readSettings(text);
    expect(reading.settings).toEqual(BASE);
    expect(Object.keys(reading.settings as object).sort()).toEqual(['band', 'schemeId', 'version']);
    expect(Object.getPrototypeOf(reading.settings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reading.issues.map((i) => i.field).sort()).toEqual(['__proto__', 'constructor', 'extra']);
    // A __proto__ in the override's columns is an unknown role, not a prototype.
    const columns = parseSettings(JSON.parse('{"version":1,"schemeId":"mof2020","band":{"low":0.9,"high":1},"override":{"columns":{"__proto__":{"budget":2},"budget":3}}}'))
      ?.override?.columns;
    expect(columns).toEqual({ budget: 3 });
    expect(Object.getPrototypeOf(columns)).toBe(Object.prototype);
  });

  test('a saved source that cannot be read again is dropped, the rest kept', () => {
    const base = { ...BASE, sheet: 'S' };
    for (const source of [{ sheet: 'S', kind: 'table' }, { sheet: 'S', kind: 'selection', address: 'B2:A' }, { kind: 'sheet' }, 'S', { sheet: 'a/b', kind: 'sheet' }]) {
      expect(parseSettings({ ...base, source })).toEqual(base);
    }
    const table = { sheet: 'S', kind: 'table', table: 'Projects' };
    expect(parseSettings({ ...base, source: table })).toEqual({ ...base, source: table });
    // Only the fields of its kind are kept.
    expect(parseSettings({ ...base, source: { ...table, address: 'A1:B2', extra: 1 } })?.source).toEqual(table);
  });

  test('the override keeps valid columns and header row only', () => {
    const reading = readSettings({ ...BASE, override: { headerRow: -1, unit: '美元', columns: { budget: 2, actual: 1.5, bogus: 3, project: null } } });
    expect(reading.settings?.override).toEqual({ columns: { budget: 2, project: null } });
    expect(validateSettings({ ...BASE, override: { headerRow: -1, unit: '美元', columns: { budget: 2, actual: 1.5, bogus: 3 } } })).toEqual([
      { field: 'override.headerRow', code: 'out_of_range' },
      { field: 'override.unit', code: 'out_of_range' },
      { field: 'override.columns.actual', code: 'out_of_range' },
      { field: 'override.columns.bogus', code: 'unknown_key' },
    ]);
  });

  test('a summary sheet name Excel could not hold is dropped (it would reach the writer)', () => {
    for (const summarySheet of ['', 'a'.repeat(32), 'x[1]', 'a:b']) expect(parseSettings({ ...BASE, summarySheet })?.summarySheet).toBeUndefined();
    expect(parseSettings({ ...BASE, summarySheet: '绩效自评汇总' })?.summarySheet).toBe('绩效自评汇总');
  });
});
