// The workbook, the runtime (enableEvents) and the application objects of a request context.
import { ClientObject, defineProps, recorder, wrap, type PropSpec, type RequestContext } from './context';
import { hostError } from './errors';
import { host } from './host';
import { newRange, type RangeProxy } from './range';
import { TableCollection } from './tables';
import { WorksheetCollection } from './worksheet';

class SettingCollection extends ClientObject {
  override _className = 'SettingCollection';
  private list: ClientObject[] | null = null;
  get items(): ClientObject[] {
    if (!this.list) throw hostError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
  private setting(key: string): ClientObject {
    const p = wrap(new ClientObject(this.context), 'Setting');
    p._spec = () => ({ key: { get: () => key }, value: { get: () => host().wb.settings[key] ?? null } }) as Record<string, PropSpec<never>>;
    Object.defineProperty(p, 'key', { get: () => p._read('key') });
    Object.defineProperty(p, 'value', {
      get: () => p._read('value'),
      set: (v: unknown) => this._queueCall('Setting.value', () => (host().wb.settings[key] = structuredClone(v)), JSON.stringify(v ?? null).length),
    });
    Object.defineProperty(p, 'delete', { value: () => this._queueCall('Setting.delete', () => delete host().wb.settings[key]) });
    return p;
  }
  override _applyLoad(): number {
    this.list = Object.keys(host().wb.settings).map((k) => {
      const s = this.setting(k);
      s._resolve({});
      s._applyLoad(null);
      return s;
    });
    return 0;
  }
  add(key: string, value: unknown): ClientObject {
    this._queueCall('SettingCollection.add', () => (host().wb.settings[key] = structuredClone(value)), JSON.stringify(value ?? null).length, ['ExcelApi', '1.4']);
    const s = this.setting(key);
    s._resolve({});
    return s;
  }
  getItem(key: string): ClientObject {
    return this._queueCreate(this.setting(key), 'SettingCollection.getItem', () => {
      if (!(key in host().wb.settings)) throw hostError('ItemNotFound');
      return {};
    }, ['ExcelApi', '1.4']);
  }
  getItemOrNullObject(key: string): ClientObject {
    return this._queueCreate(this.setting(key), 'SettingCollection.getItemOrNullObject', () => (key in host().wb.settings ? {} : null), ['ExcelApi', '1.4']);
  }
}

class WorkbookProxy extends ClientObject {
  override _className = 'Workbook';
  override _spec(): Record<string, PropSpec<never>> {
    return { name: { get: () => 'Book1.xlsx' } } as Record<string, PropSpec<never>>;
  }
  get worksheets(): WorksheetCollection {
    return this._nav('worksheets', () => wrap(new WorksheetCollection(this.context), 'WorksheetCollection'), () => ({}));
  }
  get tables(): TableCollection {
    return this._nav('tables', () => wrap(new TableCollection(this.context, null), 'TableCollection'), () => ({}));
  }
  get settings(): ClientObject {
    return this._nav('settings', () => wrap(new SettingCollection(this.context), 'SettingCollection'), () => ({}));
  }
  get application(): ClientObject {
    return this.context.application;
  }
  get names(): unknown {
    return recorder(this.context, () => undefined, 'names');
  }
  get properties(): unknown {
    return recorder(this.context, () => undefined, 'properties');
  }
  /**
   * The reference: "Gets the currently selected single range from the workbook. If there are multiple
   * ranges selected, this method will throw an error" (InvalidSelection, at the sync).
   */
  getSelectedRange(): RangeProxy {
    return this._queueCreate(newRange(this.context), 'Workbook.getSelectedRange', () => {
      const wb = host().wb;
      if ((wb.selection.areaCount ?? 1) > 1) throw hostError('InvalidSelection', 'The current selection is invalid for this operation.', 'Workbook.getSelectedRange');
      const sheet = wb.sheetById(wb.selection.sheetId);
      return sheet ? { sheet, rect: wb.selection.rect } : null;
    });
  }
  getActiveCell(): RangeProxy {
    return this._queueCreate(newRange(this.context), 'Workbook.getActiveCell', () => {
      const wb = host().wb;
      const sheet = wb.sheetById(wb.selection.sheetId);
      return sheet ? { sheet, rect: { r0: wb.selection.rect.r0, c0: wb.selection.rect.c0, r1: wb.selection.rect.r0, c1: wb.selection.rect.c0 } } : null;
    }, ['ExcelApi', '1.7']);
  }
}
defineProps(WorkbookProxy, ['name']);

const RUNTIME_SPEC: Record<string, PropSpec<object>> = {
  enableEvents: {
    get: () => host().wb.eventsEnabled,
    set: (_t, v) => (host().wb.eventsEnabled = Boolean(v)),
    apiSet: ['ExcelApi', '1.8'],
  },
};

class RuntimeProxy extends ClientObject {
  override _className = 'Runtime';
  override _spec(): Record<string, PropSpec<never>> {
    return RUNTIME_SPEC as Record<string, PropSpec<never>>;
  }
}
defineProps(RuntimeProxy, ['enableEvents']);

class ApplicationProxy extends ClientObject {
  override _className = 'Application';
  override _spec(): Record<string, PropSpec<never>> {
    return { calculationMode: { get: () => 'Automatic', set: () => undefined } } as Record<string, PropSpec<never>>;
  }
  calculate(_type?: string): void {
    this._queueCall('Application.calculate', () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._queueCall('Application.suspendApiCalculationUntilNextSync', () => undefined, 0, ['ExcelApi', '1.6']);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._queueCall('Application.suspendScreenUpdatingUntilNextSync', () => undefined, 0, ['ExcelApi', '1.9']);
  }
}
defineProps(ApplicationProxy, ['calculationMode']);

export function newWorkbook(ctx: RequestContext): ClientObject {
  const p = wrap(new WorkbookProxy(ctx), 'Workbook');
  p._resolve({});
  return p;
}

export function newRuntime(ctx: RequestContext): ClientObject {
  const p = wrap(new RuntimeProxy(ctx), 'Runtime');
  p._resolve({});
  return p;
}

export function newApplication(ctx: RequestContext): ClientObject {
  const p = wrap(new ApplicationProxy(ctx), 'Application');
  p._resolve({});
  return p;
}
