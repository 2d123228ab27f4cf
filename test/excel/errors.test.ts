import { HostError, toHostError, type HostErrorCode } from '../../src/excel/errors';
import { HOST_ERROR_CODES, hostErrorMessage } from '../../src/engine/hostError';
import { catalogue } from '../../src/text/catalogue';
import { loadSettings, parseOwnership, SETTINGS_KEY } from '../../src/excel/settings';
import { installFakeExcelInNode } from '../e2e/fakeHost/node';

function officeError(code: string): Error {
  return Object.assign(new Error(`Office says ${code}`), { code, name: 'RichApi.Error' });
}

describe('toHostError', () => {
  it.each<[string, HostErrorCode]>([
    ['ApiNotFound', 'api_unsupported'],
    ['RequestPayloadSizeLimitExceeded', 'payload_too_large'],
    ['ResponsePayloadSizeLimitExceeded', 'payload_too_large'],
    ['AccessDenied', 'sheet_protected'],
    ['ItemNotFound', 'not_found'],
    ['InvalidOperationInCellEditMode', 'busy'],
    ['InvalidSelection', 'invalid_selection'],
    ['MergedRangeConflict', 'range_conflict'],
    ['GeneralException', 'unknown'],
  ])('maps %s to %s and keeps the Office code', (office, code) => {
    const err = toHostError(officeError(office));
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe(code);
    expect(err.hostCode).toBe(office);
  });

  it('maps anything else to unknown, keeps a HostError as it is', () => {
    expect(toHostError('boom').code).toBe('unknown');
    expect(toHostError(null).code).toBe('unknown');
    const own = new HostError('cancelled');
    expect(toHostError(own)).toBe(own);
  });

  it('has a message in both languages for every code', () => {
    for (const code of HOST_ERROR_CODES) {
      expect(hostErrorMessage(code, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(hostErrorMessage(code, 'en')).toMatch(/^[A-Z]/);
    }
    // And the catalogue holds no message for a code that no longer exists.
    expect(Object.keys(catalogue('zh').host).sort()).toEqual([...HOST_ERROR_CODES].sort());
  });
});

describe('settings storage', () => {
  it('loads the stored JSON through the engine reader: not JSON is no settings', async () => {
    const fake = installFakeExcelInNode({ sheets: [{ name: 'S', rows: [] }], settings: { [SETTINGS_KEY]: '{not json' } });
    try {
      expect(await loadSettings()).toBeNull();
      Office.context.document.settings.set(SETTINGS_KEY, JSON.stringify({ version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'fr' }));
      // Read by the engine's reader: the language the add-in does not have is dropped.
      expect(await loadSettings()).toEqual({ version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 } });
    } finally {
      fake.uninstall();
    }
  });

  it('keeps only well-formed ownership entries', () => {
    expect(parseOwnership({ summarySheetIds: ['a', 3], highlights: [{ sheetId: 's', formulas: [], fills: [] }, { sheetId: 1 }] })).toEqual({
      summarySheetIds: ['a'],
      highlights: [{ sheetId: 's', formulas: [], fills: [] }],
    });
    expect(parseOwnership('x')).toEqual({ summarySheetIds: [], highlights: [] });
  });

  it('reports settings outside Office as outside_host (the host is missing)', async () => {
    delete (globalThis as Record<string, unknown>).Office;
    await expect(loadSettings()).rejects.toMatchObject({ code: 'outside_host' });
  });
});
