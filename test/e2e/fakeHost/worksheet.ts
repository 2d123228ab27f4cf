// Worksheets: the collection, one sheet's ranges, tables, charts, freeze panes, custom properties, events.
import { cols, formatAddress, parseLocal, rows, MAX_COLS, MAX_ROWS } from './addresses';
import { ClientObject, defineProps, recorder, wrap, type PropSpec, type RequestContext } from './context';
import { hostError } from './errors';
import { host } from './host';
import { type ChartModel, type SheetModel, validateSheetName } from './model';
import { newRange, RangeProxy, type RangeTarget } from './range';
import { TableCollection } from './tables';
import { newNamedItemCollection, type NamedItemCollection } from './names';
import { eventSource } from './eventSource';
import { checkPageLayout } from './pageLayout';

const SHEET_SPEC: Record<string, PropSpec<SheetModel>> = {
  id: { get: (s) => s.id },
  name: {
    get: (s) => s.name,
    set: (s, v) => {
      validateSheetName(String(v), host().wb, s);
      s.name = String(v);
    },
  },
  position: {
    get: (s) => host().wb.sheets.indexOf(s),
    set: (s, v) => {
      const sheets = host().wb.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.max(0, Math.min(Number(v), sheets.length)), 0, s);
    },
  },
  visibility: { get: (s) => s.visibility, set: (s, v) => (s.visibility = String(v)) },
  tabColor: { get: (s) => s.tabColor, set: (s, v) => (s.tabColor = String(v)), apiSet: ['ExcelApi', '1.7'] },
  showGridlines: { get: (s) => s.showGridlines, set: (s, v) => (s.showGridlines = Boolean(v)), apiSet: ['ExcelApi', '1.8'] },
  standardWidth: { get: () => 8.43, set: () => undefined },
};

function rangeOf(sheet: SheetModel, address?: string): RangeTarget {
  if (address === undefined || address === '') return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
  return host().wb.resolveAddress(address, sheet);
}

export class WorksheetProxy extends ClientObject {
  override _className = 'Worksheet';
  override _spec(): Record<string, PropSpec<never>> {
    return SHEET_SPEC as Record<string, PropSpec<never>>;
  }
  private sheet(): SheetModel {
    return this._targetOrThrow() as SheetModel;
  }
  private range(label: string, f: (s: SheetModel) => RangeTarget | null, apiSet?: [string, string]): RangeProxy {
    return this._queueCreate(newRange(this.context), `Worksheet.${label}`, () => f(this.sheet()), apiSet);
  }
  getRange(address?: string): RangeProxy {
    return this.range('getRange', (s) => {
      const t = rangeOf(s, address);
      if (t.sheet !== s) throw hostError('InvalidArgument', 'The address refers to another sheet.');
      return t;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this.range('getRangeByIndexes', (s) => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        throw hostError('InvalidArgument', `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
      }
      return { sheet: s, rect: { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 } };
    }, ['ExcelApi', '1.7']);
  }
  getCell(row: number, column: number): RangeProxy {
    return this.range('getCell', (s) => ({ sheet: s, rect: { r0: row, c0: column, r1: row, c1: column } }));
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range('getUsedRange', (s) => ({ sheet: s, rect: s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range('getUsedRangeOrNullObject', (s) => {
      const rect = s.usedRect(valuesOnly);
      return rect ? { sheet: s, rect } : null;
    }, ['ExcelApi', '1.4']);
  }
  activate(): void {
    this._queueCall('Worksheet.activate', () => {
      const s = this.sheet();
      const wb = host().wb;
      wb.activeSheetId = s.id;
      wb.selection = { sheetId: s.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  delete(): void {
    this._queueCall('Worksheet.delete', () => {
      const s = this.sheet();
      const wb = host().wb;
      if (wb.sheets.filter((x) => x.visibility === 'Visible').length <= 1) throw hostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.tables = wb.tables.filter((t) => t.sheetId !== s.id);
      if (wb.activeSheetId === s.id) {
        wb.activeSheetId = wb.sheets[0].id;
        wb.selection = { sheetId: wb.activeSheetId, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      }
    });
  }
  get tables(): TableCollection {
    return this._nav('tables', () => wrap(new TableCollection(this.context, () => this.sheet()), 'TableCollection'), (s: SheetModel) => s);
  }
  get charts(): ClientObject {
    return this._nav('charts', () => wrap(new ChartCollection(this.context), 'ChartCollection'), (s: SheetModel) => s);
  }
  get freezePanes(): ClientObject {
    return this._nav('freezePanes', () => newFreezePanes(this.context), (s: SheetModel) => s);
  }
  get customProperties(): ClientObject {
    return this._nav('customProperties', () => wrap(new CustomPropertyCollection(this.context), 'WorksheetCustomPropertyCollection'), (s: SheetModel) => s);
  }
  get onChanged(): unknown {
    return eventSource(this.context, 'sheetChanged', () => this.sheet().id, ['ExcelApi', '1.7']);
  }
  get onActivated(): unknown {
    return eventSource(this.context, 'other', () => this.sheet().id, ['ExcelApi', '1.7']);
  }
  get onDeactivated(): unknown {
    return eventSource(this.context, 'other', () => this.sheet().id, ['ExcelApi', '1.7']);
  }
  get onSelectionChanged(): unknown {
    return eventSource(this.context, 'other', () => this.sheet().id, ['ExcelApi', '1.7']);
  }
  get onFormatChanged(): unknown {
    return eventSource(this.context, 'other', () => this.sheet().id, ['ExcelApi', '1.9']);
  }
  get onCalculated(): unknown {
    return eventSource(this.context, 'other', () => this.sheet().id, ['ExcelApi', '1.8']);
  }
  get protection(): unknown {
    return recorder(this.context, () => undefined, 'protection');
  }
  get autoFilter(): unknown {
    return recorder(this.context, () => undefined, 'autoFilter');
  }
  /**
   * Worksheet.pageLayout (ExcelApi 1.9, ApiNotFound below it): what is set is checked (pageLayout.ts) and
   * logged on the sheet's formatLog at 'pageLayout'; a refused value fails the sync with InvalidArgument.
   */
  get pageLayout(): unknown {
    return recorder(
      this.context,
      (path, value) => {
        if (!host().isSetSupported('ExcelApi', '1.9')) throw hostError('ApiNotFound', undefined, 'Worksheet.pageLayout');
        checkPageLayout(path, value, host().seed.refuseZeroFitToPages ?? false);
        this.sheet().formatLog.push({ address: 'pageLayout', path, value });
      },
      'pageLayout',
    );
  }
  get names(): NamedItemCollection {
    return this._nav('names', () => newNamedItemCollection(this.context), (s: SheetModel) => s);
  }
}
defineProps(WorksheetProxy, Object.keys(SHEET_SPEC));

export function newWorksheet(ctx: RequestContext): WorksheetProxy {
  return wrap(new WorksheetProxy(ctx), 'Worksheet');
}

export class WorksheetCollection extends ClientObject {
  override _className = 'WorksheetCollection';
  private list: WorksheetProxy[] | null = null;
  get items(): WorksheetProxy[] {
    if (!this.list) throw hostError('PropertyNotLoaded', "The property 'items' is not available.", 'WorksheetCollection.items');
    return this.list;
  }
  override _applyLoad(paths: string[] | null): number {
    const sub = paths?.map((p) => p.replace(/^items\/?/, '')).filter(Boolean) ?? null;
    this.list = host().wb.sheets.map((s) => {
      const p = newWorksheet(this.context);
      p._resolve(s);
      return p;
    });
    let bytes = 0;
    for (const p of this.list) bytes += p._applyLoad(sub && sub.length ? sub : null);
    return bytes;
  }
  private sheetProxy(label: string, f: () => SheetModel | null, apiSet?: [string, string]): WorksheetProxy {
    return this._queueCreate(newWorksheet(this.context), `WorksheetCollection.${label}`, f, apiSet);
  }
  getActiveWorksheet(): WorksheetProxy {
    return this.sheetProxy('getActiveWorksheet', () => host().wb.sheetById(host().wb.activeSheetId) ?? null);
  }
  // "Gets a worksheet object using its name or ID" (WorksheetCollection.getItem, ExcelApi 1.1); so does getItemOrNullObject.
  getItem(key: string): WorksheetProxy {
    return this.sheetProxy('getItem', () => {
      const s = host().wb.sheetByName(key) ?? host().wb.sheetById(key);
      if (!s) throw hostError('ItemNotFound', undefined, `WorksheetCollection.getItem(${key})`);
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return this.sheetProxy('getItemOrNullObject', () => host().wb.sheetByName(key) ?? host().wb.sheetById(key) ?? null, ['ExcelApi', '1.4']);
  }
  getFirst(): WorksheetProxy {
    return this.sheetProxy('getFirst', () => host().wb.sheets[0] ?? null, ['ExcelApi', '1.5']);
  }
  getLast(): WorksheetProxy {
    return this.sheetProxy('getLast', () => host().wb.sheets[host().wb.sheets.length - 1] ?? null, ['ExcelApi', '1.5']);
  }
  add(name?: string): WorksheetProxy {
    return this.sheetProxy('add', () => {
      const wb = host().wb;
      let chosen = name;
      if (chosen === undefined) {
        let n = wb.sheets.length + 1;
        while (wb.sheetByName(`Sheet${n}`)) n++;
        chosen = `Sheet${n}`;
      }
      return wb.addSheet(chosen);
    });
  }
  getCount(): unknown {
    return this._queueResult('WorksheetCollection.getCount', () => host().wb.sheets.length, ['ExcelApi', '1.4']);
  }
  get onChanged(): unknown {
    return eventSource(this.context, 'worksheetsChanged', () => '', ['ExcelApi', '1.9']);
  }
  get onActivated(): unknown {
    return eventSource(this.context, 'other', () => '', ['ExcelApi', '1.7']);
  }
  get onAdded(): unknown {
    return eventSource(this.context, 'other', () => '', ['ExcelApi', '1.7']);
  }
  get onDeleted(): unknown {
    return eventSource(this.context, 'other', () => '', ['ExcelApi', '1.7']);
  }
  override toJSON(): Record<string, unknown> {
    return { items: (this.list ?? []).map((p) => p.toJSON()) };
  }
}

class FreezePanes extends ClientObject {
  override _className = 'WorksheetFreezePanes';
  private act(label: string, f: (s: SheetModel) => void): void {
    this._queueCall(`WorksheetFreezePanes.${label}`, () => f(this._targetOrThrow() as SheetModel), 0, ['ExcelApi', '1.7']);
  }
  freezeRows(count = 1): void {
    this.act('freezeRows', (s) => (s.freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.act('freezeColumns', (s) => (s.freeze = { rows: 0, cols: count }));
  }
  freezeAt(at: unknown): void {
    this.act('freezeAt', (s) => {
      const rect = at instanceof RangeProxy ? (at._targetOrThrow() as RangeTarget).rect : parseLocal(String(at));
      if (!rect) throw hostError('InvalidArgument');
      s.freeze = { rows: rect.r1 + 1, cols: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.act('unfreeze', (s) => (s.freeze = { rows: 0, cols: 0 }));
  }
  getLocationOrNullObject(): RangeProxy {
    return this._queueCreate(newRange(this.context), 'WorksheetFreezePanes.getLocationOrNullObject', () => {
      const s = this._targetOrThrow() as SheetModel;
      if (!s.freeze.rows && !s.freeze.cols) return null;
      return { sheet: s, rect: { r0: 0, c0: 0, r1: Math.max(s.freeze.rows - 1, 0), c1: Math.max(s.freeze.cols - 1, 0) } };
    });
  }
}

function newFreezePanes(ctx: RequestContext): ClientObject {
  return wrap(new FreezePanes(ctx), 'WorksheetFreezePanes');
}

class CustomPropertyCollection extends ClientObject {
  override _className = 'WorksheetCustomPropertyCollection';
  private list: ClientObject[] | null = null;
  get items(): ClientObject[] {
    if (!this.list) throw hostError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
  private item(key: string, value: string): ClientObject {
    const p = wrap(new ClientObject(this.context), 'WorksheetCustomProperty');
    p._cache.set('key', key);
    p._cache.set('value', value);
    Object.defineProperty(p, 'key', { get: () => p._read('key') });
    Object.defineProperty(p, 'value', { get: () => p._read('value') });
    Object.defineProperty(p, 'delete', {
      value: () => this._queueCall('WorksheetCustomProperty.delete', () => (this._targetOrThrow() as SheetModel).customProperties.delete(key)),
    });
    return p;
  }
  override _applyLoad(): number {
    const s = this._targetOrThrow() as SheetModel;
    this.list = [...s.customProperties].map(([k, v]) => this.item(k, v));
    return 0;
  }
  add(key: string, value: string): ClientObject {
    this._queueCall('WorksheetCustomPropertyCollection.add', () => (this._targetOrThrow() as SheetModel).customProperties.set(key, String(value)), 0, ['ExcelApi', '1.12']);
    return this.item(key, String(value));
  }
  getItemOrNullObject(key: string): ClientObject {
    const p = new ClientObject(this.context);
    const proxy = wrap(p, 'WorksheetCustomProperty');
    Object.defineProperty(p, 'key', { get: () => p._read('key') });
    Object.defineProperty(p, 'value', { get: () => p._read('value') });
    this._queueCreate(proxy, 'WorksheetCustomPropertyCollection.getItemOrNullObject', () => {
      const s = this._targetOrThrow() as SheetModel;
      const v = s.customProperties.get(key);
      if (v === undefined) return null;
      p._cache.set('key', key);
      p._cache.set('value', v);
      return { key, value: v };
    }, ['ExcelApi', '1.12']);
    p._spec = () => ({ key: { get: (t: { key: string }) => t.key }, value: { get: (t: { value: string }) => t.value } }) as Record<string, PropSpec<never>>;
    return proxy;
  }
  getItem(key: string): ClientObject {
    return this.getItemOrNullObject(key);
  }
  getCount(): unknown {
    return this._queueResult('WorksheetCustomPropertyCollection.getCount', () => (this._targetOrThrow() as SheetModel).customProperties.size, ['ExcelApi', '1.12']);
  }
}

class ChartProxy extends ClientObject {
  override _className = 'Chart';
  override _spec(): Record<string, PropSpec<never>> {
    return CHART_SPEC as Record<string, PropSpec<never>>;
  }
  private log(): (path: string, value: unknown) => void {
    return (path, value) => {
      const chart = this._targetOrThrow() as ChartModel;
      // series.getItemAt(i) names a series the chart has: one per column of the source after the
      // categories (per row when the chart is by rows).
      const index = path === 'series.getItemAt()' && Array.isArray(value) ? Number(value[0]) : null;
      if (index !== null && !(index >= 0 && index < chart.seriesCount)) throw hostError('InvalidArgument', `The chart has no series ${index}.`, 'ChartSeriesCollection.getItemAt');
      chart.log.push({ path, value });
    };
  }
  setPosition(start: unknown, end?: unknown): void {
    const fmt = (x: unknown): unknown => (x instanceof RangeProxy ? 'range' : x);
    this._queueCall('Chart.setPosition', () => this.log()('setPosition()', [fmt(start), fmt(end)]));
  }
  setData(source: unknown, seriesBy?: string): void {
    this._queueCall('Chart.setData', () => this.log()('setData()', [source instanceof RangeProxy ? (source.toJSON().address ?? 'range') : source, seriesBy]));
  }
  delete(): void {
    this._queueCall('Chart.delete', () => {
      const c = this._targetOrThrow() as ChartModel;
      const s = host().wb.sheetById(c.sheetId);
      if (s) s.charts = s.charts.filter((x) => x !== c);
    });
  }
  activate(): void {
    this._queueCall('Chart.activate', () => undefined);
  }
  get title(): unknown {
    return recorder(this.context, this.log(), 'title');
  }
  get axes(): unknown {
    return recorder(this.context, this.log(), 'axes');
  }
  get series(): unknown {
    return recorder(this.context, this.log(), 'series');
  }
  get legend(): unknown {
    return recorder(this.context, this.log(), 'legend');
  }
  get dataLabels(): unknown {
    return recorder(this.context, this.log(), 'dataLabels');
  }
  get format(): unknown {
    return recorder(this.context, this.log(), 'format');
  }
  get worksheet(): ClientObject {
    return this._nav('worksheet', () => newWorksheet(this.context), (c: ChartModel) => host().wb.sheetById(c.sheetId) ?? null);
  }
}

const CHART_SPEC: Record<string, PropSpec<ChartModel>> = {
  id: { get: (c) => c.id },
  name: { get: (c) => c.name, set: (c, v) => (c.name = String(v)) },
  chartType: { get: (c) => c.type, set: (c, v) => (c.type = String(v)) },
  top: { get: () => 0, set: (c, v) => c.log.push({ path: 'top', value: v }) },
  left: { get: () => 0, set: (c, v) => c.log.push({ path: 'left', value: v }) },
  width: { get: () => 360, set: (c, v) => c.log.push({ path: 'width', value: v }) },
  height: { get: () => 216, set: (c, v) => c.log.push({ path: 'height', value: v }) },
};
defineProps(ChartProxy, Object.keys(CHART_SPEC));

class ChartCollection extends ClientObject {
  override _className = 'ChartCollection';
  private list: ChartProxy[] | null = null;
  get items(): ChartProxy[] {
    if (!this.list) throw hostError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
  override _applyLoad(paths: string[] | null): number {
    const s = this._targetOrThrow() as SheetModel;
    const sub = paths?.map((p) => p.replace(/^items\/?/, '')).filter(Boolean) ?? null;
    this.list = s.charts.map((c) => {
      const p = wrap(new ChartProxy(this.context), 'Chart');
      p._resolve(c);
      return p;
    });
    for (const p of this.list) p._applyLoad(sub && sub.length ? sub : null);
    return 0;
  }
  add(type: string, sourceData: unknown, seriesBy = 'Auto'): ChartProxy {
    return this._queueCreate(wrap(new ChartProxy(this.context), 'Chart'), 'ChartCollection.add', () => {
      const s = this._targetOrThrow() as SheetModel;
      if (!(sourceData instanceof RangeProxy)) throw hostError('InvalidArgument', 'charts.add needs a Range as source data');
      const src = sourceData._targetOrThrow() as RangeTarget;
      const h = host();
      const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && cols(src.rect) > rows(src.rect));
      const seriesCount = byRows ? rows(src.rect) - 1 : cols(src.rect) - 1;
      const chart: ChartModel = { id: h.wb.newId('chart'), name: `Chart ${s.charts.length + 1}`, sheetId: s.id, type: String(type), source: formatAddress(src.sheet.name, src.rect), seriesBy: String(seriesBy), seriesCount, log: [] };
      s.charts.push(chart);
      return chart;
    });
  }
  getItem(name: string): ChartProxy {
    return this._queueCreate(wrap(new ChartProxy(this.context), 'Chart'), 'ChartCollection.getItem', () => {
      const c = (this._targetOrThrow() as SheetModel).charts.find((x) => x.name === name);
      if (!c) throw hostError('ItemNotFound');
      return c;
    });
  }
  getItemOrNullObject(name: string): ChartProxy {
    return this._queueCreate(wrap(new ChartProxy(this.context), 'Chart'), 'ChartCollection.getItemOrNullObject', () => (this._targetOrThrow() as SheetModel).charts.find((x) => x.name === name) ?? null);
  }
  getItemAt(index: number): ChartProxy {
    return this._queueCreate(wrap(new ChartProxy(this.context), 'Chart'), 'ChartCollection.getItemAt', () => {
      const c = (this._targetOrThrow() as SheetModel).charts[index];
      if (!c) throw hostError('ItemNotFound');
      return c;
    });
  }
  getCount(): unknown {
    return this._queueResult('ChartCollection.getCount', () => (this._targetOrThrow() as SheetModel).charts.length);
  }
}
