// The workbook the fake host holds in memory: sheets of cells, tables, conditional formats, charts.
import { type Rect, intersect, parseLocal, splitSheet, MAX_ROWS, MAX_COLS } from './addresses';
import { type Scalar, parseTyped } from './typedInput';
import type { FakeSeed, SeedCell } from './seedTypes';
import { hostError } from './errors';

export interface Cell {
  v: Scalar;
  f: string | null;
  nf: string;
}

export interface RuleModel {
  id: string;
  type: string;
  sheetId: string;
  rect: Rect;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  priority: number;
  stopIfTrue: boolean;
  other: Record<string, unknown>;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  other: Record<string, unknown>;
}

export interface ChartModel {
  id: string;
  name: string;
  sheetId: string;
  type: string;
  source: string;
  seriesBy: string;
  seriesCount: number;
  log: { path: string; value: unknown }[];
}

/** A name defined on a sheet (Worksheet.names), see names.ts. */
export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  owner: SheetModel;
}

export class SheetModel {
  readonly cells: (Cell | undefined)[][] = [];
  rules: RuleModel[] = [];
  charts: ChartModel[] = [];
  merges: Rect[] = [];
  freeze = { rows: 0, cols: 0 };
  visibility = 'Visible';
  tabColor = '';
  showGridlines = true;
  /** Review > Protect Sheet: see protection.ts. */
  protected = false;
  readonly customProperties = new Map<string, string>();
  /** Sheet-scoped defined names by lower-cased name. */
  readonly names = new Map<string, NameModel>();
  readonly formatLog: { address: string; path: string; value: unknown }[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(r: number, c: number): Cell | undefined {
    return this.cells[r]?.[c];
  }

  ensure(r: number, c: number): Cell {
    const row = (this.cells[r] ??= []);
    return (row[c] ??= { v: '', f: null, nf: 'General' });
  }

  /** Bounding box of cells with a value or formula (and, unless valuesOnly, a non-General format). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    this.cells.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const used = cell.v !== '' || cell.f !== null || (!valuesOnly && cell.nf !== 'General');
        if (!used) return;
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      });
    });
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

export interface ChangeRecord {
  sheetId: string;
  rect: Rect;
  own: boolean;
  /** Whether this add-in's runtime had events on at the moment of the change. */
  delivered: boolean;
  before: Scalar | null;
  after: Scalar | null;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  activeSheetId = '';
  /** The selection's first area, and how many areas it has (a Ctrl-click selection has several). */
  selection: { sheetId: string; rect: Rect; areaCount?: number } = { sheetId: '', rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  settings: Record<string, unknown> = {};
  savedSettings: Record<string, unknown> = {};
  eventsEnabled = true;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  static fromSeed(seed: FakeSeed): WorkbookModel {
    const wb = new WorkbookModel();
    for (const s of seed.sheets) {
      const sheet = wb.addSheet(s.name);
      const origin = parseLocal(s.origin ?? 'A1') ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
      s.rows.forEach((row, i) => row.forEach((cell, j) => seedCell(sheet, origin.r0 + i, origin.c0 + j, cell)));
      for (const block of s.blocks ?? []) {
        const at = parseLocal(block.origin);
        if (!at) throw new Error(`bad block origin ${block.origin}`);
        block.rows.forEach((row, i) => row.forEach((cell, j) => seedCell(sheet, at.r0 + i, at.c0 + j, cell)));
      }
      sheet.merges = (s.merges ?? []).map((a) => parseLocal(a)).filter((r): r is Rect => r !== null);
      for (const m of sheet.merges) keepTopLeftOnly(sheet, m);
      sheet.protected = s.protected ?? false;
      for (const n of s.names ?? []) {
        const formula = n.formula.startsWith('=') ? n.formula : `=${n.formula}`;
        sheet.names.set(n.name.toLowerCase(), { name: n.name, formula, comment: '', visible: n.visible ?? true, owner: sheet });
      }
      for (const t of s.tables ?? []) {
        const rect = parseLocal(t.address);
        if (rect) wb.tables.push({ id: wb.newId('table'), name: t.name, sheetId: sheet.id, rect, showHeaders: true, showTotals: false, style: 'TableStyleMedium2', other: {} });
      }
      for (const rule of s.userRules ?? []) {
        const rect = parseLocal(rule.address);
        if (rect) sheet.rules.push({ id: wb.newId('cf'), type: 'Custom', sheetId: sheet.id, rect, formula: rule.formula, fill: rule.fill, fontColor: null, priority: sheet.rules.length, stopIfTrue: false, other: {} });
      }
    }
    const active = wb.sheets.find((s) => s.name === seed.activeSheet) ?? wb.sheets[0];
    wb.activeSheetId = active?.id ?? '';
    const areas = (seed.selection ?? 'A1').split(',');
    wb.selection = { sheetId: wb.activeSheetId, rect: parseLocal(areas[0]) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }, areaCount: areas.length };
    wb.settings = structuredClone(seed.settings ?? {});
    wb.savedSettings = structuredClone(seed.settings ?? {});
    return wb;
  }

  addSheet(name: string): SheetModel {
    validateSheetName(name, this);
    const sheet = new SheetModel(this.newId('sheet'), name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === name);
  }

  /** Resolves "Sheet1!A1:B2" (or a local address on `defaultSheet`). */
  resolveAddress(address: string, defaultSheet: SheetModel | null): { sheet: SheetModel; rect: Rect } {
    const { sheet: sheetName, local } = splitSheet(address);
    const sheet = sheetName === null ? defaultSheet : this.sheetByName(sheetName) ?? null;
    if (!sheet) throw hostError('InvalidArgument', `The sheet in "${address}" does not exist.`);
    const rect = local.trim() === '' ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : parseLocal(local);
    if (!rect) throw hostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ("${address}")`);
    return { sheet, rect };
  }

  tablesOn(sheetId: string): TableModel[] {
    return this.tables.filter((t) => t.sheetId === sheetId);
  }

  tableAt(sheetId: string, rect: Rect): TableModel | undefined {
    return this.tablesOn(sheetId).find((t) => intersect(t.rect, rect) !== null);
  }
}

/** Puts a seeded cell (a value, or a value with a formula and/or a number format) at a 0-based position. */
export function seedCell(sheet: SheetModel, r: number, c: number, cell: SeedCell): void {
  if (cell === null || cell === '') return;
  if (typeof cell === 'object') {
    const target = sheet.ensure(r, c);
    if (cell.nf) target.nf = cell.nf;
    if (cell.f) target.f = cell.f;
    if (cell.v !== undefined && cell.v !== null) target.v = cell.v;
    return;
  }
  const target = sheet.ensure(r, c);
  // A seeded string is what the user sees in the cell, already text; typed input is parsed by edit().
  target.v = cell;
}

/** Excel keeps only the upper-left value of a merged area; the other cells are emptied. */
export function keepTopLeftOnly(sheet: SheetModel, m: Rect): void {
  for (let r = m.r0; r <= m.r1; r++) {
    for (let c = m.c0; c <= m.c1; c++) {
      const cell = sheet.cell(r, c);
      if (cell && (r !== m.r0 || c !== m.c0)) Object.assign(cell, { v: '', f: null });
    }
  }
}

export function validateSheetName(name: string, wb: WorkbookModel, except?: SheetModel): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw hostError('InvalidArgument', `The sheet name "${name}" is not valid.`);
  }
  const clash = wb.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
  if (clash) throw hostError('ItemAlreadyExists', 'The resource already exists.');
}

/** Writes typed input (a user's edit or a string the add-in sends to values) into a cell. */
/**
 * Writes typed input to a cell. `by` 'user': as the officer types it in Excel's grid ("-5" is the number
 * -5). `by` 'api' (range.values): Microsoft's Excel.Range.values reference says a written string that
 * starts with a plus, minus or equal sign is interpreted as a formula, so "-5" and "+5" keep a formula
 * ("=-5", "=+5") besides their value; the fake takes that documented rule, the stricter of the two, so
 * an adapter that writes names without the text format '@' is caught either way.
 */
export function writeTyped(cell: Cell, value: Scalar, by: 'user' | 'api' = 'user'): void {
  if (typeof value !== 'string') {
    cell.v = value;
    cell.f = null;
    return;
  }
  const parsed = parseTyped(value, cell.nf);
  cell.v = parsed.value;
  cell.f = parsed.formula;
  const trimmed = value.trim();
  if (by === 'api' && cell.nf !== '@' && parsed.formula === null && /^[+-]/.test(trimmed) && trimmed.length > 1) cell.f = `=${trimmed}`;
  if (parsed.impliedFormat && cell.nf === 'General') cell.nf = parsed.impliedFormat;
}
