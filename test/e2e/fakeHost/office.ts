// The Office namespace: onReady, context (language, theme, requirement sets, document settings).
import type { FakeHost } from './host';

const LIGHT = { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#262626', isDarkTheme: false, themeId: 'Colorful' };
const DARK = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#404040', controlForegroundColor: '#F3F3F3', isDarkTheme: true, themeId: 'Black' };

type Callback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;

function lastCallback(args: unknown[]): Callback | undefined {
  const fn = [...args].reverse().find((a) => typeof a === 'function');
  return fn as Callback | undefined;
}

export function makeOffice(h: FakeHost): Record<string, unknown> {
  const inExcel = (h.seed.mode ?? 'excel') === 'excel';
  const platform = h.seed.platform ?? 'OfficeOnline';
  const info = inExcel ? { host: 'Excel', platform } : { host: null, platform: null };
  const wb = h.wb;
  const settings = {
    get: (name: string): unknown => (name in wb.settings ? structuredClone(wb.settings[name]) : null),
    set: (name: string, value: unknown): void => {
      wb.settings[name] = JSON.parse(JSON.stringify(value)) as unknown;
    },
    remove: (name: string): void => {
      delete wb.settings[name];
    },
    saveAsync: (...args: unknown[]): void => {
      const cb = lastCallback(args);
      setTimeout(() => {
        if (h.settingsSaveFailures > 0) {
          h.settingsSaveFailures -= 1;
          cb?.({ status: 'failed', error: { message: 'The settings could not be saved.' } });
          return;
        }
        wb.savedSettings = structuredClone(wb.settings);
        cb?.({ status: 'succeeded' });
      }, h.latencyMs);
    },
    refreshAsync: (...args: unknown[]): void => {
      const cb = lastCallback(args);
      setTimeout(() => cb?.({ status: 'succeeded', value: settings }), h.latencyMs);
    },
    addHandlerAsync: (...args: unknown[]): void => lastCallback(args)?.({ status: 'succeeded' }),
    removeHandlerAsync: (...args: unknown[]): void => lastCallback(args)?.({ status: 'succeeded' }),
  };
  const context = {
    host: 'Excel',
    platform,
    displayLanguage: h.seed.displayLanguage ?? 'zh-CN',
    contentLanguage: h.seed.displayLanguage ?? 'zh-CN',
    officeTheme: h.seed.theme === 'dark' ? DARK : LIGHT,
    diagnostics: { host: 'Excel', platform, version: '16.0.18000.10000' },
    requirements: { isSetSupported: (name: string, minVersion?: string | number) => h.isSetSupported(name, minVersion) },
    document: {
      settings,
      url: 'https://contoso.sharepoint.com/Book1.xlsx',
      mode: 'readWrite',
      addHandlerAsync: (...args: unknown[]): void => lastCallback(args)?.({ status: 'succeeded' }),
      removeHandlerAsync: (...args: unknown[]): void => lastCallback(args)?.({ status: 'succeeded' }),
    },
    ui: {
      displayDialogAsync: (...args: unknown[]): void => lastCallback(args)?.({ status: 'failed', error: { message: 'not in the fake host' } }),
      messageParent: (): void => undefined,
      addHandlerAsync: (...args: unknown[]): void => lastCallback(args)?.({ status: 'succeeded' }),
    },
  };
  let readyCalled = false;
  const office: Record<string, unknown> = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { OfficeThemeChanged: 'officeThemeChanged', DocumentSelectionChanged: 'documentSelectionChanged', SettingsChanged: 'settingsChanged' },
    context: inExcel ? context : undefined,
    initialize: undefined,
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return new Promise((resolve) => {
        setTimeout(() => {
          if (!readyCalled && typeof office.initialize === 'function') (office.initialize as (reason: string) => void)('inserted');
          readyCalled = true;
          callback?.(info);
          resolve(info);
        }, 20);
      });
    },
    actions: { associate: (): void => undefined },
    addin: {
      showAsTaskpane: (): Promise<void> => Promise.resolve(),
      hide: (): Promise<void> => Promise.resolve(),
      onVisibilityModeChanged: (): Promise<() => Promise<void>> => Promise.resolve(() => Promise.resolve()),
      setStartupBehavior: (): Promise<void> => Promise.resolve(),
    },
    ribbon: { requestUpdate: (): Promise<void> => Promise.resolve() },
  };
  return office;
}
