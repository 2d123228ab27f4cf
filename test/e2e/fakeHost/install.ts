// The fake Excel host: builds a workbook from a seed and installs Office, Excel and OfficeExtension on a
// global object (the browser's window: index.ts; Node for jest and the benches: node.ts). Returns the
// test's controls.
import { formatLocal, formatAddress, parseLocal } from './addresses';
import { ClientObject, RequestContext, wrap } from './context';
import { hostError, OfficeExtensionError } from './errors';
import { setRangeGetter } from './events';
import { FakeHost, setHost } from './host';
import { makeOffice } from './office';
import { registerFactories } from './registry';
import { TableCollection } from './tables';
import type { FakeSeed, CellSnapshot, RuleSnapshot } from './seedTypes';
import type { Scalar } from './typedInput';
import { newApplication, newRuntime, newWorkbook } from './workbook';
import { newWorksheet } from './worksheet';
import { userActions } from './userActions';
import { hostViews } from './views';

/** Installs the fake host for `seed` on `globalObject` (Office, OfficeExtension, and Excel in 'excel' mode). */
export function installFakeExcel(globalObject: Record<string, unknown>, seed: FakeSeed) {
  const h = new FakeHost(seed);
  setHost(h);
  RequestContext.factories = { workbook: newWorkbook, runtime: newRuntime, application: newApplication };
  registerFactories({
    worksheet: newWorksheet,
    tableScoped: (ctx, list) => wrap(new TableCollection(ctx, null, list), 'TableScopedCollection'),
  });
  setRangeGetter((ctx, sheetId, address) => {
    const c = ctx as RequestContext;
    const wb = c.workbook as unknown as { worksheets: { getItem(k: string): { getRange(a: string): unknown } } };
    return wb.worksheets.getItem(sheetId).getRange(address);
  });

  function enumProxy(): Record<string, string> {
    return new Proxy({} as Record<string, string>, {
      get: (_t, key) => (typeof key === 'string' ? key.charAt(0).toUpperCase() + key.slice(1) : undefined),
    });
  }

  function newContext(): RequestContext {
    return wrap(new RequestContext(), 'RequestContext');
  }

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (ctx: RequestContext) => Promise<T> | T;
    const first = args[0];
    const ctx = first instanceof ClientObject ? first.context : first instanceof RequestContext ? first : newContext();
    if (typeof batch !== 'function') throw hostError('InvalidArgument', 'Excel.run needs a batch function');
    const result = await batch(ctx);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  }

  const excelBase: Record<string, unknown> = {
    run,
    RequestContext: function RequestContextFactory() {
      return newContext();
    },
    createWorkbook: () => Promise.reject(hostError('NotImplemented')),
  };
  const enums = new Map<string, Record<string, string>>();
  const excel = new Proxy(excelBase, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in target) return target[key];
      if (/^[A-Z]/.test(key)) {
        if (!enums.has(key)) enums.set(key, enumProxy());
        return enums.get(key);
      }
      return undefined;
    },
  });

  const officeExtension = {
    Error: OfficeExtensionError,
    ErrorCodes: enumProxy(),
    ClientRequestContext: RequestContext,
    ClientObject,
    config: { extendedErrorLogging: false },
    Promise,
  };

  globalObject.Office = makeOffice(h);
  globalObject.OfficeExtension = officeExtension;
  if ((seed.mode ?? 'excel') === 'excel') globalObject.Excel = excel;
  else delete globalObject.Excel;

  function sheet(name: string) {
    const s = h.wb.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** What the test can do and see (called through page.evaluate). */
  const controls = {
    ...userActions(h),
    ...hostViews(h),
    /** The next request (with writes, if asked) fails with `code`; or, with atCommand, the next such command (host.ts). */
    failNext(code: string, options: { onlyIfWrites?: boolean; message?: string; atCommand?: string } = {}): void {
      h.failures.push({ code, onlyIfWrites: options.onlyIfWrites ?? false, message: options.message, atCommand: options.atCommand });
    },
    /** The next `count` document.settings.saveAsync calls report failure (a read-only file). */
    failSettingsSave(count = 1): void {
      h.settingsSaveFailures += count;
    },
    sheetNames(): string[] {
      return h.wb.sheets.map((s) => s.name);
    },
    activeSheet(): string {
      return h.wb.sheetById(h.wb.activeSheetId)?.name ?? '';
    },
    selection(): { sheet: string; address: string } {
      return { sheet: h.wb.sheetById(h.wb.selection.sheetId)?.name ?? '', address: formatLocal(h.wb.selection.rect) };
    },
    /** Values of a block (default: the used range), as range.values would return them. */
    values(sheetName: string, address?: string): Scalar[][] {
      const s = sheet(sheetName);
      const rect = address ? parseLocal(address) : s.usedRect(true);
      if (!rect) return [];
      const out: Scalar[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: Scalar[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(s.cell(r, c)?.v ?? '');
        out.push(row);
      }
      return out;
    },
    cells(sheetName: string, address?: string): CellSnapshot[][] {
      const s = sheet(sheetName);
      const rect = address ? parseLocal(address) : s.usedRect(false);
      if (!rect) return [];
      const out: CellSnapshot[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: CellSnapshot[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = s.cell(r, c);
          row.push({ v: cell?.v ?? '', f: cell?.f ?? null, nf: cell?.nf ?? 'General' });
        }
        out.push(row);
      }
      return out;
    },
    usedAddress(sheetName: string): string | null {
      const rect = sheet(sheetName).usedRect(false);
      return rect ? formatLocal(rect) : null;
    },
    rules(sheetName: string): RuleSnapshot[] {
      return sheet(sheetName).rules
        .slice()
        .sort((a, b) => a.priority - b.priority)
        .map((r) => ({ id: r.id, type: r.type, address: formatLocal(r.rect), formula: r.formula, fill: r.fill, fontColor: r.fontColor }));
    },
    /** A rule the officer adds in Excel (custom formula and fill), below the existing ones. */
    addRule(sheetName: string, address: string, formula: string, fill: string): string {
      const s = sheet(sheetName);
      const rect = parseLocal(address);
      if (!rect) throw new Error(`bad address ${address}`);
      const id = h.wb.newId('cf');
      const priority = s.rules.reduce((max, r) => Math.max(max, r.priority + 1), 0);
      s.rules.push({ id, type: 'Custom', sheetId: s.id, rect, formula, fill, fontColor: null, priority, stopIfTrue: false, other: {} });
      return id;
    },
    /** What Excel does to a rule when rows are inserted or the officer edits it: a new formula or range. */
    editRule(sheetName: string, id: string, change: { formula?: string; address?: string }): void {
      const rule = sheet(sheetName).rules.find((r) => r.id === id);
      if (!rule) throw new Error(`no rule ${id}`);
      if (change.formula !== undefined) rule.formula = change.formula;
      const rect = change.address !== undefined ? parseLocal(change.address) : null;
      if (rect) rule.rect = rect;
    },
    tables(): { name: string; sheet: string; address: string; showTotals: boolean }[] {
      return h.wb.tables.map((t) => ({ name: t.name, sheet: h.wb.sheetById(t.sheetId)?.name ?? '', address: formatLocal(t.rect), showTotals: t.showTotals }));
    },
    charts(sheetName: string): { name: string; type: string; source: string; log: { path: string; value: unknown }[] }[] {
      return sheet(sheetName).charts.map((c) => ({ name: c.name, type: c.type, source: c.source, log: JSON.parse(JSON.stringify(c.log)) as { path: string; value: unknown }[] }));
    },
    freeze(sheetName: string): { rows: number; cols: number } {
      return { ...sheet(sheetName).freeze };
    },
    /** Names defined on the sheet: name → formula and visibility. */
    names(sheetName: string): Record<string, { formula: string; visible: boolean }> {
      return Object.fromEntries([...sheet(sheetName).names.values()].map((n) => [n.name, { formula: n.formula, visible: n.visible }]));
    },
    /** Decorative writes (fonts, fills, wrap, widths, print setup) on the sheet, in order: address, path, value. */
    formatLog(sheetName: string): { address: string; path: string; value: unknown }[] {
      return JSON.parse(JSON.stringify(sheet(sheetName).formatLog)) as { address: string; path: string; value: unknown }[];
    },
    customProperties(sheetName: string): Record<string, string> {
      return Object.fromEntries(sheet(sheetName).customProperties);
    },
    settings(): Record<string, unknown> {
      return structuredClone(h.wb.settings);
    },
    savedSettings(): Record<string, unknown> {
      return structuredClone(h.wb.savedSettings);
    },
    state(): {
      eventsEnabled: boolean;
      syncs: typeof h.syncs;
      unimplemented: string[];
      problems: string[];
      listeners: number;
      eventLog: typeof h.eventLog;
    } {
      return {
        eventsEnabled: h.wb.eventsEnabled,
        syncs: h.syncs.slice(),
        unimplemented: h.unimplemented.slice(),
        problems: h.problems.slice(),
        listeners: h.registrations.filter((r) => r.kind !== 'other').length,
        eventLog: h.eventLog.slice(),
      };
    },
    address(sheetName: string, address: string): string {
      const rect = parseLocal(address);
      return rect ? formatAddress(sheetName, rect) : '';
    },
  };

  return controls;
}

export type FakeExcelControls = ReturnType<typeof installFakeExcel>;
