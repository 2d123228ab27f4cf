// Range proxies: values, formulas and number formats as 2-D arrays, positions, navigation to other ranges.
import { type Rect, cols, formatAddress, formatLocal, intersect, rows, MAX_COLS, MAX_ROWS } from './addresses';
import { ClientObject, defineProps, recorder, wrap, type PropSpec, type RequestContext } from './context';
import { hostError } from './errors';
import { host } from './host';
import { keepTopLeftOnly, type SheetModel, writeTyped } from './model';
import { displayText, valueType, type Scalar } from './typedInput';
import { ConditionalFormatCollection } from './conditionalFormats';
import { makeWorksheet, makeTableScoped } from './registry';
import { mergedAreasIn, newRangeAreas, type RangeAreasProxy } from './rangeAreas';
import { assertEditable } from './protection';

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const CELL_LIMIT_FOR_VALUES = 2_000_000;

function grid<T>(t: RangeTarget, pick: (v: Scalar, f: string | null, nf: string) => T): T[][] {
  const count = rows(t.rect) * cols(t.rect);
  if (count > CELL_LIMIT_FOR_VALUES) throw hostError('ResponsePayloadSizeLimitExceeded');
  const out: T[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const line: T[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = t.sheet.cell(r, c);
      line.push(pick(cell?.v ?? '', cell?.f ?? null, cell?.nf ?? 'General'));
    }
    out.push(line);
  }
  return out;
}

type GridKind = 'values' | 'formulas' | 'numberFormat';

function writeGrid(t: RangeTarget, input: unknown, kind: GridKind, ctx: RequestContext): void {
  const h = host();
  const nr = rows(t.rect);
  const nc = cols(t.rect);
  const isArray = Array.isArray(input);
  if (isArray) {
    const arr = input as unknown[];
    if (arr.length !== nr || arr.some((row) => !Array.isArray(row) || row.length !== nc)) {
      throw hostError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${kind}: range ${formatLocal(t.rect)} is ${nr}x${nc})`,
      );
    }
  } else if (nr * nc > CELL_LIMIT_FOR_VALUES) {
    throw hostError('InvalidArgument');
  }
  assertEditable(t.sheet, `Range.${kind}`);
  const single = nr === 1 && nc === 1;
  const before = single ? t.sheet.cell(t.rect.r0, t.rect.c0)?.v ?? '' : null;
  let dataChanged = false;
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      const v = isArray ? (input as unknown[][])[i][j] : input;
      if (v === null || v === undefined) continue; // Office.js leaves the cell as it is
      const r = t.rect.r0 + i;
      const c = t.rect.c0 + j;
      if (typeof v === 'number' && !Number.isFinite(v)) {
        h.noteProblem(`${kind} write of ${String(v)} to ${t.sheet.name}!${formatLocal({ r0: r, c0: c, r1: r, c1: c })}`);
        continue;
      }
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw hostError('InvalidArgument', `Unsupported ${kind} value ${JSON.stringify(v)}`);
      }
      const cell = t.sheet.ensure(r, c);
      if (kind === 'numberFormat') {
        cell.nf = String(v);
        continue;
      }
      writeTyped(cell, v, 'api');
      dataChanged = true;
    }
  }
  if (dataChanged) {
    ctx.changes.push({
      sheetId: t.sheet.id,
      rect: t.rect,
      own: true,
      delivered: h.wb.eventsEnabled,
      before,
      after: single ? t.sheet.cell(t.rect.r0, t.rect.c0)?.v ?? '' : null,
    });
  }
}

function sub(t: RangeTarget, rect: Rect): RangeTarget {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw hostError('InvalidArgument', 'The range is outside the sheet.');
  }
  return { sheet: t.sheet, rect };
}

const SPEC: Record<string, PropSpec<RangeTarget>> = {
  values: {
    get: (t) => grid(t, (v) => v),
    set: (t, v, self) => writeGrid(t, v, 'values', self.context),
  },
  formulas: {
    get: (t) => grid(t, (v, f) => f ?? v),
    set: (t, v, self) => writeGrid(t, v, 'formulas', self.context),
  },
  formulasLocal: { get: (t) => grid(t, (v, f) => f ?? v), set: (t, v, self) => writeGrid(t, v, 'formulas', self.context) },
  numberFormat: {
    get: (t) => grid(t, (_v, _f, nf) => nf),
    set: (t, v, self) => writeGrid(t, v, 'numberFormat', self.context),
  },
  numberFormatLocal: { get: (t) => grid(t, (_v, _f, nf) => nf), set: (t, v, self) => writeGrid(t, v, 'numberFormat', self.context) },
  text: { get: (t) => grid(t, (v, _f, nf) => displayText(v, nf)) },
  valueTypes: { get: (t) => grid(t, (v) => valueType(v)) },
  address: { get: (t) => formatAddress(t.sheet.name, t.rect) },
  addressLocal: { get: (t) => formatAddress(t.sheet.name, t.rect) },
  rowIndex: { get: (t) => t.rect.r0 },
  columnIndex: { get: (t) => t.rect.c0 },
  rowCount: { get: (t) => rows(t.rect) },
  columnCount: { get: (t) => cols(t.rect) },
  cellCount: { get: (t) => rows(t.rect) * cols(t.rect) },
  isEntireRow: { get: (t) => t.rect.c0 === 0 && t.rect.c1 === MAX_COLS - 1 },
  isEntireColumn: { get: (t) => t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1 },
  hidden: { get: () => false },
  rowHidden: { get: () => false, set: () => undefined },
  columnHidden: { get: () => false, set: () => undefined },
  style: { get: () => 'Normal', set: () => undefined },
};

function toTarget(ref: unknown, fallback: RangeTarget): RangeTarget {
  if (typeof ref === 'string') return host().wb.resolveAddress(ref, fallback.sheet);
  if (ref instanceof RangeProxy) return ref._targetOrThrow() as RangeTarget;
  throw hostError('InvalidArgument');
}

export class RangeProxy extends ClientObject {
  override _className = 'Range';

  override _spec(): Record<string, PropSpec<never>> {
    return SPEC as Record<string, PropSpec<never>>;
  }

  private derived(label: string, f: (t: RangeTarget) => RangeTarget | null, apiSet?: [string, string]): RangeProxy {
    const range = newRange(this.context);
    return this._queueCreate(range, `Range.${label}`, () => f(this._targetOrThrow() as RangeTarget), apiSet);
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived('getCell', (t) => sub(t, { r0: t.rect.r0 + row, c0: t.rect.c0 + column, r1: t.rect.r0 + row, c1: t.rect.c0 + column }));
  }
  getRow(row: number): RangeProxy {
    return this.derived('getRow', (t) => sub(t, { ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived('getColumn', (t) => sub(t, { ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived('getResizedRange', (t) => sub(t, { ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns }), ['ExcelApi', '1.2']);
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived('getOffsetRange', (t) =>
      sub(t, { r0: t.rect.r0 + rowOffset, r1: t.rect.r1 + rowOffset, c0: t.rect.c0 + columnOffset, c1: t.rect.c1 + columnOffset }),
    );
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this.derived(
      'getAbsoluteResizedRange',
      (t) => sub(t, { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0 + numRows - 1, c1: t.rect.c0 + numColumns - 1 }),
      ['ExcelApi', '1.7'],
    );
  }
  getBoundingRect(other: unknown): RangeProxy {
    return this.derived('getBoundingRect', (t) => {
      const o = toTarget(other, t).rect;
      return sub(t, { r0: Math.min(t.rect.r0, o.r0), c0: Math.min(t.rect.c0, o.c0), r1: Math.max(t.rect.r1, o.r1), c1: Math.max(t.rect.c1, o.c1) });
    });
  }
  getIntersection(other: unknown): RangeProxy {
    return this.derived('getIntersection', (t) => {
      const i = intersect(t.rect, toTarget(other, t).rect);
      if (!i) throw hostError('ItemNotFound');
      return sub(t, i);
    });
  }
  getIntersectionOrNullObject(other: unknown): RangeProxy {
    return this.derived('getIntersectionOrNullObject', (t) => {
      const i = intersect(t.rect, toTarget(other, t).rect);
      return i ? sub(t, i) : null;
    }, ['ExcelApi', '1.4']);
  }
  getEntireRow(): RangeProxy {
    return this.derived('getEntireRow', (t) => sub(t, { ...t.rect, c0: 0, c1: MAX_COLS - 1 }));
  }
  getEntireColumn(): RangeProxy {
    return this.derived('getEntireColumn', (t) => sub(t, { ...t.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getLastRow(): RangeProxy {
    return this.derived('getLastRow', (t) => sub(t, { ...t.rect, r0: t.rect.r1 }));
  }
  getLastColumn(): RangeProxy {
    return this.derived('getLastColumn', (t) => sub(t, { ...t.rect, c0: t.rect.c1 }));
  }
  getLastCell(): RangeProxy {
    return this.derived('getLastCell', (t) => sub(t, { r0: t.rect.r1, c0: t.rect.c1, r1: t.rect.r1, c1: t.rect.c1 }));
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derived('getRowsBelow', (t) => sub(t, { ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + count }), ['ExcelApi', '1.2']);
  }
  getRowsAbove(count = 1): RangeProxy {
    return this.derived('getRowsAbove', (t) => sub(t, { ...t.rect, r0: t.rect.r0 - count, r1: t.rect.r0 - 1 }), ['ExcelApi', '1.2']);
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this.derived('getColumnsAfter', (t) => sub(t, { ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + count }), ['ExcelApi', '1.2']);
  }
  getColumnsBefore(count = 1): RangeProxy {
    return this.derived('getColumnsBefore', (t) => sub(t, { ...t.rect, c0: t.rect.c0 - count, c1: t.rect.c0 - 1 }), ['ExcelApi', '1.2']);
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.derived('getUsedRange', (t) => {
      const used = t.sheet.usedRect(valuesOnly);
      const i = used ? intersect(used, t.rect) : null;
      if (!i) throw hostError('ItemNotFound');
      return sub(t, i);
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derived('getUsedRangeOrNullObject', (t) => {
      const used = t.sheet.usedRect(valuesOnly);
      const i = used ? intersect(used, t.rect) : null;
      return i ? sub(t, i) : null;
    }, ['ExcelApi', '1.4']);
  }
  getTables(fullyContained = false): ClientObject {
    const scoped = makeTableScoped(this.context, () => {
      const t = this._targetOrThrow() as RangeTarget;
      return host()
        .wb.tablesOn(t.sheet.id)
        .filter((tb) => intersect(tb.rect, t.rect) !== null)
        .filter((tb) => !fullyContained || (tb.rect.r0 >= t.rect.r0 && tb.rect.r1 <= t.rect.r1 && tb.rect.c0 >= t.rect.c0 && tb.rect.c1 <= t.rect.c1));
    });
    this._queueCall('Range.getTables', () => undefined, 0, ['ExcelApi', '1.9']);
    return scoped;
  }
  /** ExcelApi 1.13; see rangeAreas.ts for what is listed. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    const areas = newRangeAreas(this.context);
    return this._queueCreate(
      areas,
      'Range.getMergedAreasOrNullObject',
      () => {
        const t = this._targetOrThrow() as RangeTarget;
        return mergedAreasIn(t.sheet, t.rect);
      },
      ['ExcelApi', '1.13'],
    );
  }
  /** ExcelApi 1.13: as getMergedAreasOrNullObject, but a range without merged areas is ItemNotFound. */
  getMergedAreas(): RangeAreasProxy {
    const areas = newRangeAreas(this.context);
    return this._queueCreate(
      areas,
      'Range.getMergedAreas',
      () => {
        const t = this._targetOrThrow() as RangeTarget;
        const found = mergedAreasIn(t.sheet, t.rect);
        if (!found) throw hostError('ItemNotFound', undefined, 'Range.getMergedAreas');
        return found;
      },
      ['ExcelApi', '1.13'],
    );
  }
  select(): void {
    this._queueCall('Range.select', () => {
      const t = this._targetOrThrow() as RangeTarget;
      const wb = host().wb;
      wb.activeSheetId = t.sheet.id;
      wb.selection = { sheetId: t.sheet.id, rect: t.rect };
    });
  }
  activate(): void {
    this.select();
  }
  clear(applyTo: string = 'All'): void {
    this._queueCall('Range.clear', () => {
      const t = this._targetOrThrow() as RangeTarget;
      assertEditable(t.sheet, 'Range.clear');
      const h = host();
      let changed = false;
      for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.sheet.cells.length - 1); r++) {
        const row = t.sheet.cells[r];
        if (!row) continue;
        for (let c = t.rect.c0; c <= Math.min(t.rect.c1, row.length - 1); c++) {
          const cell = row[c];
          if (!cell) continue;
          if (applyTo === 'All' || applyTo === 'Contents') {
            changed ||= cell.v !== '' || cell.f !== null;
            cell.v = '';
            cell.f = null;
          }
          if (applyTo === 'All' || applyTo === 'Formats') cell.nf = 'General';
        }
      }
      if (changed) this.context.changes.push({ sheetId: t.sheet.id, rect: t.rect, own: true, delivered: h.wb.eventsEnabled, before: null, after: null });
    });
  }
  merge(_across = false): void {
    this._queueCall('Range.merge', () => {
      const t = this._targetOrThrow() as RangeTarget;
      assertEditable(t.sheet, 'Range.merge');
      t.sheet.merges.push(t.rect);
      keepTopLeftOnly(t.sheet, t.rect);
    });
  }
  unmerge(): void {
    this._queueCall('Range.unmerge', () => {
      const t = this._targetOrThrow() as RangeTarget;
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.rect));
    });
  }
  get worksheet(): ClientObject {
    return this._nav('worksheet', () => makeWorksheet(this.context), (t: RangeTarget) => t.sheet);
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this._nav('conditionalFormats', () => wrap(new ConditionalFormatCollection(this.context), 'ConditionalFormatCollection'), (t: RangeTarget) => t);
  }
  get format(): unknown {
    return this.formatRecorder('format');
  }
  get dataValidation(): unknown {
    return this.formatRecorder('dataValidation');
  }
  get sort(): unknown {
    return this.formatRecorder('sort');
  }
  private formatRecorder(root: string): unknown {
    return recorder(
      this.context,
      (path, value) => {
        const t = this._targetOrThrow() as RangeTarget;
        assertEditable(t.sheet, `Range.${path}`);
        t.sheet.formatLog.push({ address: formatLocal(t.rect), path, value });
      },
      root,
    );
  }
}
defineProps(RangeProxy, Object.keys(SPEC));

export function newRange(ctx: RequestContext): RangeProxy {
  return wrap(new RangeProxy(ctx), 'Range');
}
