// Excel tables: creation over a range (header names made unique, no overlap), lookup, parts of a table.
import { type Rect, intersect, cols } from './addresses';
import { ClientObject, defineProps, recorder, wrap, type PropSpec, type RequestContext } from './context';
import { hostError } from './errors';
import { host } from './host';
import type { SheetModel, TableModel, WorkbookModel } from './model';
import { newRange, RangeProxy, type RangeTarget } from './range';
import { makeWorksheet } from './registry';
import { eventSource } from './eventSource';

function sheetOf(t: TableModel): SheetModel {
  const sheet = host().wb.sheetById(t.sheetId);
  if (!sheet) throw hostError('ItemNotFound');
  return sheet;
}

function validTableName(name: string, except?: TableModel): void {
  const wb = host().wb;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
    throw hostError('InvalidArgument', `The table name "${name}" is not valid.`);
  }
  if (wb.tables.some((t) => t !== except && t.name.toLowerCase() === name.toLowerCase())) {
    throw hostError('ItemAlreadyExists', `A table named "${name}" already exists.`);
  }
}

function uniqueHeaders(sheet: SheetModel, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = rect.c0; c <= rect.c1; c++) {
    const cell = sheet.ensure(rect.r0, c);
    let name = cell.v === '' ? `Column${c - rect.c0 + 1}` : String(cell.v);
    const base = name;
    let n = 2;
    while (seen.has(name.toLowerCase())) name = `${base}${n++}`;
    seen.add(name.toLowerCase());
    cell.v = name;
    cell.f = null;
  }
}

export function createTable(ctx: RequestContext, sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
  const wb = host().wb;
  if (wb.tablesOn(sheet.id).some((t) => intersect(t.rect, rect))) throw hostError('InvalidArgument', "A table can't overlap another table.");
  if (!hasHeaders) throw hostError('NotImplemented', 'fakeExcel: tables.add(address, false) is not modelled');
  uniqueHeaders(sheet, rect);
  let n = wb.tables.length + 1;
  while (wb.tables.some((t) => t.name === `Table${n}`)) n++;
  const table: TableModel = { id: String(n), name: `Table${n}`, sheetId: sheet.id, rect, showHeaders: true, showTotals: false, style: 'TableStyleMedium2', other: {} };
  wb.tables.push(table);
  void ctx;
  return table;
}

/**
 * Excel's AutoExpandListRange (on by default): "When you type in a cell of an empty row or column next
 * to a list, the list will expand to include that row or column." Here the typing is a user's edit of
 * cells in the empty row right under a table without a totals row, within its columns; the table then
 * reaches the last row typed. Writes through the API never expand a table in this imitation, so the
 * add-in cannot come to rely on it. Call before the cells are written (the row must be empty before);
 * the returned function applies the expansion.
 */
export function expandTablesForTyping(wb: WorkbookModel, sheet: SheetModel, typed: Rect): () => void {
  const growing = wb.tablesOn(sheet.id).filter((t) => {
    if (t.showTotals || typed.r0 !== t.rect.r1 + 1 || typed.c1 < t.rect.c0 || typed.c0 > t.rect.c1) return false;
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = sheet.cell(typed.r0, c);
      if (cell && (cell.v !== '' || cell.f !== null)) return false;
    }
    return true;
  });
  return () => {
    for (const t of growing) t.rect = { ...t.rect, r1: typed.r1 };
  };
}

const TABLE_SPEC: Record<string, PropSpec<TableModel>> = {
  id: { get: (t) => t.id },
  name: {
    get: (t) => t.name,
    set: (t, v) => {
      validTableName(String(v), t);
      t.name = String(v);
    },
  },
  showHeaders: { get: (t) => t.showHeaders, set: (t, v) => (t.showHeaders = Boolean(v)) },
  showTotals: {
    get: (t) => t.showTotals,
    set: (t, v) => {
      const on = Boolean(v);
      if (on !== t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 + (on ? 1 : -1) };
      t.showTotals = on;
    },
  },
  style: { get: (t) => t.style, set: (t, v) => (t.style = String(v)) },
  showBandedRows: { get: (t) => t.other.showBandedRows ?? true, set: (t, v) => (t.other.showBandedRows = v) },
  showBandedColumns: { get: (t) => t.other.showBandedColumns ?? false, set: (t, v) => (t.other.showBandedColumns = v) },
  showFilterButton: { get: (t) => t.other.showFilterButton ?? true, set: (t, v) => (t.other.showFilterButton = v) },
  highlightFirstColumn: { get: (t) => t.other.highlightFirstColumn ?? false, set: (t, v) => (t.other.highlightFirstColumn = v) },
  highlightLastColumn: { get: (t) => t.other.highlightLastColumn ?? false, set: (t, v) => (t.other.highlightLastColumn = v) },
};

export class TableProxy extends ClientObject {
  override _className = 'Table';
  override _spec(): Record<string, PropSpec<never>> {
    return TABLE_SPEC as Record<string, PropSpec<never>>;
  }
  private part(label: string, f: (t: TableModel) => Rect | null): RangeProxy {
    return this._queueCreate(newRange(this.context), `Table.${label}`, () => {
      const t = this._targetOrThrow() as TableModel;
      const rect = f(t);
      if (!rect) throw hostError('ItemNotFound');
      return { sheet: sheetOf(t), rect } satisfies RangeTarget;
    });
  }
  getRange(): RangeProxy {
    return this.part('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part('getHeaderRowRange', (t) => ({ ...t.rect, r1: t.rect.r0 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part('getDataBodyRange', (t) => {
      const r0 = t.rect.r0 + 1;
      const r1 = t.rect.r1 - (t.showTotals ? 1 : 0);
      return r1 >= r0 ? { ...t.rect, r0, r1 } : { ...t.rect, r0, r1: r0 };
    });
  }
  getTotalRowRange(): RangeProxy {
    return this.part('getTotalRowRange', (t) => (t.showTotals ? { ...t.rect, r0: t.rect.r1 } : null));
  }
  delete(): void {
    this._queueCall('Table.delete', () => {
      const t = this._targetOrThrow() as TableModel;
      const wb = host().wb;
      wb.tables = wb.tables.filter((x) => x !== t);
      const sheet = sheetOf(t);
      for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        const cell = sheet.cell(r, c);
        if (cell) Object.assign(cell, { v: '', f: null, nf: 'General' });
      }
    });
  }
  convertToRange(): RangeProxy {
    return this._queueCreate(newRange(this.context), 'Table.convertToRange', () => {
      const t = this._targetOrThrow() as TableModel;
      const wb = host().wb;
      wb.tables = wb.tables.filter((x) => x !== t);
      return { sheet: sheetOf(t), rect: t.rect };
    });
  }
  clearFilters(): void {
    this._queueCall('Table.clearFilters', () => undefined);
  }
  reapplyFilters(): void {
    this._queueCall('Table.reapplyFilters', () => undefined);
  }
  get worksheet(): ClientObject {
    return this._nav('worksheet', () => makeWorksheet(this.context), (t: TableModel) => sheetOf(t));
  }
  get columns(): ClientObject {
    return this._nav('columns', () => wrap(new TableColumnCollection(this.context), 'TableColumnCollection'), (t: TableModel) => t);
  }
  get rows(): ClientObject {
    return this._nav('rows', () => wrap(new TableRowCollection(this.context), 'TableRowCollection'), (t: TableModel) => t);
  }
  get sort(): unknown {
    return this.decorative('sort');
  }
  get autoFilter(): unknown {
    return this.decorative('autoFilter');
  }
  get onChanged(): unknown {
    return eventSource(this.context, 'tableChanged', () => (this._targetOrThrow() as TableModel).id, ['ExcelApi', '1.7']);
  }
  private decorative(root: string): unknown {
    return recorder(this.context, (path, value) => ((this._targetOrThrow() as TableModel).other[path] = value), root);
  }
}
defineProps(TableProxy, Object.keys(TABLE_SPEC));

export function newTable(ctx: RequestContext): TableProxy {
  return wrap(new TableProxy(ctx), 'Table');
}

class TableColumnCollection extends ClientObject {
  override _className = 'TableColumnCollection';
  private list: ClientObject[] | null = null;
  get items(): ClientObject[] {
    if (!this.list) throw hostError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
  get count(): unknown {
    return this._read('count');
  }
  override _spec(): Record<string, PropSpec<never>> {
    return { count: { get: (t: TableModel) => cols(t.rect) } } as Record<string, PropSpec<never>>;
  }
  override _applyLoad(paths: string[] | null): number {
    const t = this._targetOrThrow() as TableModel;
    const sheet = sheetOf(t);
    this._cache.set('count', cols(t.rect));
    this.list = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const col = wrap(new ClientObject(this.context), 'TableColumn');
      col._cache.set('name', String(sheet.cell(t.rect.r0, c)?.v ?? ''));
      col._cache.set('index', c - t.rect.c0);
      col._cache.set('id', String(c - t.rect.c0 + 1));
      Object.defineProperty(col, 'name', { get: () => col._read('name') });
      Object.defineProperty(col, 'index', { get: () => col._read('index') });
      Object.defineProperty(col, 'id', { get: () => col._read('id') });
      this.list.push(col);
    }
    void paths;
    return 0;
  }
  getCount(): unknown {
    return this._queueResult('TableColumnCollection.getCount', () => cols((this._targetOrThrow() as TableModel).rect));
  }
}

class TableRowCollection extends ClientObject {
  override _className = 'TableRowCollection';
  override _spec(): Record<string, PropSpec<never>> {
    return { count: { get: (t: TableModel) => t.rect.r1 - t.rect.r0 - (t.showTotals ? 1 : 0) } } as Record<string, PropSpec<never>>;
  }
  get count(): unknown {
    return this._read('count');
  }
  getCount(): unknown {
    return this._queueResult('TableRowCollection.getCount', () => {
      const t = this._targetOrThrow() as TableModel;
      return t.rect.r1 - t.rect.r0 - (t.showTotals ? 1 : 0);
    });
  }
  add(index?: number | null, values?: unknown[][]): void {
    this._queueCall('TableRowCollection.add', () => {
      const t = this._targetOrThrow() as TableModel;
      if (index !== undefined && index !== null) throw hostError('NotImplemented', 'fakeExcel: rows.add at an index is not modelled');
      const sheet = sheetOf(t);
      const list = values ?? [[]];
      const at = t.rect.r1 + 1 - (t.showTotals ? 1 : 0);
      if (t.showTotals) throw hostError('NotImplemented', 'fakeExcel: rows.add with a totals row is not modelled');
      list.forEach((row, i) => row.forEach((v, j) => {
        const cell = sheet.ensure(at + i, t.rect.c0 + j);
        cell.v = v as never;
      }));
      t.rect = { ...t.rect, r1: t.rect.r1 + list.length };
    });
  }
}

/** tables collection of a workbook or a worksheet (sheetId null: workbook-wide). */
export class TableCollection extends ClientObject {
  override _className = 'TableCollection';
  private list: TableProxy[] | null = null;
  constructor(ctx: RequestContext, private readonly scopeSheet: (() => SheetModel) | null, private readonly scopedList?: () => TableModel[]) {
    super(ctx);
  }
  private all(): TableModel[] {
    if (this.scopedList) return this.scopedList();
    const wb = host().wb;
    return this.scopeSheet ? wb.tablesOn(this.scopeSheet().id) : wb.tables;
  }
  get items(): TableProxy[] {
    if (!this.list) throw hostError('PropertyNotLoaded', "The property 'items' is not available.", 'TableCollection.items');
    return this.list;
  }
  get count(): unknown {
    return this._read('count');
  }
  override _spec(): Record<string, PropSpec<never>> {
    return {} as Record<string, PropSpec<never>>;
  }
  override _applyLoad(paths: string[] | null): number {
    const tables = this.all();
    this._cache.set('count', tables.length);
    const sub = paths?.map((p) => p.replace(/^items\/?/, '')).filter(Boolean) ?? null;
    this.list = tables.map((t) => {
      const proxy = newTable(this.context);
      proxy._resolve(t);
      return proxy;
    });
    let bytes = 0;
    for (const p of this.list) bytes += p._applyLoad(sub && sub.length ? sub.filter((s) => s !== 'count') : null);
    return bytes;
  }
  add(address: unknown, hasHeaders: boolean): TableProxy {
    return this._queueCreate(newTable(this.context), 'TableCollection.add', () => {
      const h = host();
      let target: RangeTarget;
      if (address instanceof RangeProxy) target = address._targetOrThrow() as RangeTarget;
      else target = h.wb.resolveAddress(String(address), this.scopeSheet ? this.scopeSheet() : null);
      if (this.scopeSheet && target.sheet !== this.scopeSheet()) throw hostError('InvalidArgument');
      return createTable(this.context, target.sheet, target.rect, hasHeaders);
    }, undefined);
  }
  private find(key: string): TableModel | undefined {
    return this.all().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
  }
  getItem(key: string): TableProxy {
    return this._queueCreate(newTable(this.context), 'TableCollection.getItem', () => {
      const t = this.find(key);
      if (!t) throw hostError('ItemNotFound');
      return t;
    });
  }
  getItemOrNullObject(key: string): TableProxy {
    return this._queueCreate(newTable(this.context), 'TableCollection.getItemOrNullObject', () => this.find(key) ?? null, ['ExcelApi', '1.4']);
  }
  getItemAt(index: number): TableProxy {
    return this._queueCreate(newTable(this.context), 'TableCollection.getItemAt', () => {
      const t = this.all()[index];
      if (!t) throw hostError('ItemNotFound');
      return t;
    });
  }
  getFirst(): TableProxy {
    return this.getItemAt(0);
  }
  getFirstOrNullObject(): TableProxy {
    return this._queueCreate(newTable(this.context), 'TableCollection.getFirstOrNullObject', () => this.all()[0] ?? null);
  }
  getCount(): unknown {
    return this._queueResult('TableCollection.getCount', () => this.all().length, ['ExcelApi', '1.4']);
  }
  get onChanged(): unknown {
    return eventSource(this.context, 'tablesChanged', () => '', ['ExcelApi', '1.7']);
  }
  override toJSON(): Record<string, unknown> {
    return { items: (this.list ?? []).map((t) => t.toJSON()) };
  }
}
