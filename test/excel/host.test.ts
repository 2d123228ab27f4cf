import { detectHost, luminance } from '../../src/excel/host';

type OfficeLike = Record<string, unknown>;
const g = globalThis as Record<string, unknown>;

function office(host: string | null, version: string, theme?: string, onReady?: () => Promise<unknown>, platform = 'PC'): OfficeLike {
  return {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    onReady: onReady ?? (async () => ({ host, platform })),
    context: {
      displayLanguage: 'zh-CN',
      officeTheme: theme ? { bodyBackgroundColor: theme } : undefined,
      requirements: {
        isSetSupported: (name: string, v: string) => name === 'ExcelApi' && Number(v.split('.')[1]) <= Number(version.split('.')[1]),
      },
    },
  };
}

describe('detectHost', () => {
  afterEach(() => delete g.Office);

  it('says "not in Excel" at once in a plain browser (no office.js)', async () => {
    delete g.Office;
    const info = await detectHost();
    expect(info).toMatchObject({ inExcel: false, missingApiSets: [], canUseTriggerSource: false, dark: null });
    expect(typeof info.displayLanguage).toBe('string');
  });

  it('says "not in Excel" when office.js is loaded outside Office or in another host', async () => {
    g.Office = office(null, '1.14');
    expect((await detectHost()).inExcel).toBe(false);
    g.Office = office('Word', '1.14');
    expect((await detectHost()).inExcel).toBe(false);
  });

  it('gives up after the timeout when Office.onReady never resolves', async () => {
    g.Office = office('Excel', '1.14', undefined, () => new Promise(() => undefined));
    const started = Date.now();
    const info = await detectHost({ timeoutMs: 50 });
    expect(info.inExcel).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports Excel with its language, theme and API sets', async () => {
    g.Office = office('Excel', '1.14', '#1F1F1F');
    expect(await detectHost()).toEqual({
      inExcel: true,
      displayLanguage: 'zh-CN',
      dark: true,
      missingApiSets: [],
      canUseTriggerSource: true,
      canDownload: false,
    });
  });

  it('offers downloads in Excel on the web only (the desktop webviews drop them)', async () => {
    g.Office = office('Excel', '1.14', undefined, undefined, 'OfficeOnline');
    expect((await detectHost()).canDownload).toBe(true);
    for (const platform of ['PC', 'Mac', 'iOS']) {
      g.Office = office('Excel', '1.14', undefined, undefined, platform);
      expect((await detectHost()).canDownload).toBe(false);
    }
  });

  it('names a missing required API set and notes triggerSource as optional', async () => {
    g.Office = office('Excel', '1.7', '#FFFFFF');
    expect(await detectHost()).toMatchObject({ inExcel: true, dark: false, missingApiSets: ['ExcelApi 1.8'], canUseTriggerSource: false });
    // Excel 2019 perpetual stops at ExcelApi 1.8: enough, the 1.9 members have fallbacks.
    g.Office = office('Excel', '1.8');
    expect(await detectHost()).toMatchObject({ inExcel: true, missingApiSets: [], canUseTriggerSource: false });
    g.Office = office('Excel', '1.13');
    expect(await detectHost()).toMatchObject({ missingApiSets: [], canUseTriggerSource: false, dark: null });
  });

  it('computes relative luminance', () => {
    expect(luminance('#FFFFFF')).toBeCloseTo(1, 6);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('white')).toBeNull();
  });
});
