// A small fake of the Excel JavaScript API, for the adapter's tests and the request bench.
// It batches like Office.js: calls queue operations that run at context.sync(); loaded properties are
// readable only after the sync that loads them (PropertyNotLoaded otherwise); a request or response
// above the payload limit is rejected whole, as Excel on the web does. Request sizes are measured
// here from the JSON of what was queued, independently of the adapter's own meter.
// Owned by the Office.js adapter's tests (helper D).

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  format: string;
  /** True when a string written to a non-text cell was taken as a formula, as Excel does. */
  formula?: boolean;
  /** Range.format: wrapText, font.bold, font.size, fill.color (absent: Excel's default). */
  wrap?: boolean;
  bold?: boolean;
  fontSize?: number;
  fill?: string;
}

/** Worksheet.pageLayout (ExcelApi 1.9) as set by the add-in. */
export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number | null; verticalFitToPages?: number | null; scale?: number | null };
  centerFooter?: string;
  /** setPrintTitleRows' address as given, e.g. "$4:$4". */
  printTitleRows?: string;
}

export interface Rect {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

export interface CfState {
  id: number;
  type: string;
  rect: Rect;
  formula: string;
  fill: string;
  font: string;
}

export interface TableState {
  name: string;
  sheetId: string;
  rect: Rect;
  style?: string;
}

export interface ChartState {
  name: string;
  type: string;
  rect: Rect;
  title: string;
  seriesTypes: Record<number, string>;
  position?: [string, string | undefined];
}

/** A defined name (NamedItem), e.g. one scoped to a sheet with Worksheet.names.add (ExcelApi 1.4). */
export interface NameState {
  name: string;
  /** What the name refers to, as given to add(): '="text"', '=4.75' or a reference such as '=Sheet1!$A$1'. */
  formula: string;
  comment: string;
  visible: boolean;
}

export class SheetState {
  /** Sheet-scoped names by lower-cased name (Excel's names are case-insensitive). */
  names = new Map<string, NameState>();
  cells = new Map<number, Map<number, FakeCell>>();
  cfs: CfState[] = [];
  /** Merged areas (the value sits in the top-left cell). */
  merges: Rect[] = [];
  charts: ChartState[] = [];
  frozenRows = 0;
  protected = false;
  pageLayout: PageLayoutState = {};
  /** Rows whose heights Range.format.autofitRows() was asked for. */
  autofitRows = 0;
  widths = new Map<number, number>();
  constructor(
    public id: string,
    public name: string,
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(r)?.get(c);
  }

  put(r: number, c: number, cell: FakeCell): void {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    row.set(c, cell);
  }

  /** Values of a rectangle, '' for empty cells (as Office.js reports them). */
  read(rect: Rect): FakeValue[][] {
    const out: FakeValue[][] = [];
    for (let r = rect.r; r < rect.r + rect.rows; r++) {
      const row = this.cells.get(r);
      const line: FakeValue[] = new Array(rect.cols);
      for (let c = 0; c < rect.cols; c++) line[c] = row?.get(rect.c + c)?.value ?? '';
      out.push(line);
    }
    return out;
  }

  usedRect(): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        if (cell.value === '' || cell.value === null) continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    if (bottom < 0) return null;
    return { r: top, c: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  clear(rect: Rect): void {
    for (let r = rect.r; r < rect.r + rect.rows; r++) {
      const row = this.cells.get(r);
      if (!row) continue;
      for (const c of [...row.keys()]) if (c >= rect.c && c < rect.c + rect.cols) row.delete(c);
      if (row.size === 0) this.cells.delete(r);
    }
    this.cfs = this.cfs.filter((cf) => !intersects(cf.rect, rect));
  }
}

export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'RichApi.Error';
  }
}

export interface RequestLog {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export interface ChangedArgs {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  type: string;
  triggerSource?: string;
}

type Handler = (args: ChangedArgs) => Promise<void> | void;

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const WHOLE_SHEET: Rect = { r: 0, c: 0, rows: 1_048_576, cols: 16_384 };

export function intersects(a: Rect, b: Rect): boolean {
  return a.r < b.r + b.rows && b.r < a.r + a.rows && a.c < b.c + b.cols && b.c < a.c + a.cols;
}

export function colName(c0: number): string {
  let n = c0 + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function rectAddress(rect: Rect): string {
  const a = `${colName(rect.c)}${rect.r + 1}`;
  const b = `${colName(rect.c + rect.cols - 1)}${rect.r + rect.rows}`;
  return a === b ? a : `${a}:${b}`;
}

export function parseRect(address: string): Rect {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = local.replace(/\$/g, '').split(':');
  const corner = (t: string): { r: number | null; c: number | null } => {
    const m = /^([A-Z]*)(\d*)$/i.exec(t);
    if (!m) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
    return { r: m[2] ? Number(m[2]) - 1 : null, c: m[1] ? c - 1 : null };
  };
  const p = corner(a);
  const q = corner(b);
  const r0 = p.r ?? 0;
  const r1 = q.r ?? WHOLE_SHEET.rows - 1;
  const c0 = p.c ?? 0;
  const c1 = q.c ?? WHOLE_SHEET.cols - 1;
  return { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Excel's reading of a string typed into a cell that is not text-formatted. */
function typedInput(value: FakeValue, format: string): FakeCell {
  if (typeof value !== 'string' || format === '@') return { value, format };
  if (value.startsWith("'")) return { value: value.slice(1), format };
  if (/^[=+\-@]/.test(value) && value.length > 1) return { value, format, formula: true };
  const numeric = value.replace(/,/g, '');
  if (/^-?\d+(\.\d+)?$/.test(numeric)) return { value: Number(numeric), format };
  return { value, format };
}

interface Op {
  bytes: number;
  run: () => number | void;
}

export interface FakeExcelOptions {
  /**
   * Highest ExcelApi version the fake claims, e.g. "1.14" (triggerSource), "1.13", or "1.8" (Excel 2019):
   * a member of a later set (Range.getTables, worksheets.onChanged: 1.9; runtime.enableEvents: 1.8)
   * fails its sync with ApiNotFound, as the real host does.
   */
  apiVersion?: string;
  displayLanguage?: string;
}

export class FakeWorkbook {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  activeSheetId = '';
  selection: { sheetId: string; rect: Rect; areas?: number } | null = null;
  enableEvents = true;
  handlers = new Set<Handler>();
  /** Worksheet.onChanged handlers (ExcelApi 1.7), with the id of the sheet each listens to. */
  sheetHandlers = new Map<Handler, string>();
  requests: RequestLog[] = [];
  limit = PAYLOAD_LIMIT;
  apiVersion: string;
  /** Makes the next write of values fail with this Office error code. */
  failNextWrite: string | null = null;
  /**
   * Refuses (InvalidArgument) a page-layout zoom whose verticalFitToPages or horizontalFitToPages is 0,
   * which the API reference does not document: a host that reads it strictly.
   */
  refuseZeroFitToPages = false;
  settings = new Map<string, unknown>();
  savedSettings = new Map<string, unknown>();
  /** Calls of settings.saveAsync (each a round trip to the document). */
  settingsSaves = 0;
  private nextId = 1;
  private nextCf = 1;
  events: ChangedArgs[] = [];
  /** Events waiting to be delivered, so a test can await them. */
  private pendingEvents: Promise<void>[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.14';
  }

  get supportsTriggerSource(): boolean {
    return versionAtLeast(this.apiVersion, '1.14');
  }

  /** Throws ApiNotFound, as Excel does at sync, when the member's API set is above this host's. */
  requireApi(version: string, member: string): void {
    if (!versionAtLeast(this.apiVersion, version)) {
      throw new FakeOfficeError('ApiNotFound', `${member} (ExcelApi ${version}) is not available in ExcelApi ${this.apiVersion}`);
    }
  }

  addSheet(name: string): SheetState {
    const sheet = new SheetState(`{SHEET-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Seeds values (typed as given, no parsing) with the top-left at an A1 address. */
  seed(sheetName: string, topLeft: string, rows: FakeValue[][], format = 'General'): void {
    const sheet = this.sheet(sheetName);
    const at = parseRect(topLeft);
    rows.forEach((row, i) => row.forEach((value, j) => sheet.put(at.r + i, at.c + j, { value, format })));
  }

  addTable(sheetName: string, name: string, address: string): void {
    this.tables.push({ name, sheetId: this.sheet(sheetName).id, rect: parseRect(address) });
  }

  /** The table now covers `address`, as when the user types a row right under it. */
  resizeTable(name: string, address: string): void {
    const table = this.tables.find((t) => t.name === name);
    if (!table) throw new Error(`no table ${name}`);
    table.rect = parseRect(address);
  }

  removeTable(name: string): void {
    this.tables = this.tables.filter((t) => t.name !== name);
  }

  select(sheetName: string, address: string, areas = 1): void {
    const sheet = this.sheet(sheetName);
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect: parseRect(address), areas };
  }

  /** Merges cells, as the user does: only the top-left cell keeps its value. */
  merge(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const rect = parseRect(address);
    if (sheet.merges.some((m) => intersects(m, rect))) throw new Error(`merge ${address} overlaps another`);
    sheet.merges.push(rect);
    for (let r = rect.r; r < rect.r + rect.rows; r++) {
      for (let c = rect.c; c < rect.c + rect.cols; c++) if (r !== rect.r || c !== rect.c) sheet.cells.get(r)?.delete(c);
    }
  }

  addRule(sheetName: string, address: string, formula: string, fill: string, font = '#000000'): CfState {
    const cf: CfState = { id: this.nextCf++, type: 'Custom', rect: parseRect(address), formula, fill, font };
    this.sheet(sheetName).cfs.push(cf);
    return cf;
  }

  newCfId(): number {
    return this.nextCf++;
  }

  newSheetId(): string {
    return `{SHEET-${this.nextId++}}`;
  }

  /** A user's edit: changes cells and raises onChanged (if events are on) with triggerSource Unknown. */
  userEdit(sheetName: string, topLeft: string, rows: FakeValue[][]): void {
    const sheet = this.sheet(sheetName);
    const at = parseRect(topLeft);
    rows.forEach((row, i) => row.forEach((value, j) => sheet.put(at.r + i, at.c + j, typedInput(value, 'General'))));
    this.raiseChanged(sheet, { r: at.r, c: at.c, rows: rows.length, cols: rows[0]?.length ?? 1 }, 'Unknown');
  }

  raiseChanged(sheet: SheetState, rect: Rect, trigger: 'ThisLocalAddin' | 'Unknown'): void {
    if (!this.enableEvents) return;
    const args: ChangedArgs = {
      worksheetId: sheet.id,
      address: rectAddress(rect),
      changeType: 'RangeEdited',
      source: 'Local',
      type: 'WorksheetChanged',
      ...(this.supportsTriggerSource ? { triggerSource: trigger } : {}),
    };
    this.events.push(args);
    const sheetListeners = [...this.sheetHandlers].filter(([, id]) => id === sheet.id).map(([handler]) => handler);
    for (const handler of [...this.handlers, ...sheetListeners]) {
      this.pendingEvents.push(Promise.resolve().then(() => handler(args)));
    }
  }

  async settle(): Promise<void> {
    while (this.pendingEvents.length > 0) {
      const batch = this.pendingEvents.splice(0);
      await Promise.all(batch);
    }
  }

  get largestRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  }

  get largestResponseBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }

  /** Installs `Excel` and `Office` globals backed by this workbook; returns an uninstall function. */
  install(options: FakeExcelOptions = {}): () => void {
    const g = globalThis as Record<string, unknown>;
    const previous = { Excel: g.Excel, Office: g.Office };
    g.Excel = {
      run: async <T>(a: unknown, b?: unknown): Promise<T> => {
        const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
        const context = typeof a === 'function' ? new FakeContext(this) : (a as FakeContext);
        const result = await batch(context);
        if (context.pending.length > 0) await context.sync();
        return result;
      },
    };
    g.Office = fakeOffice(this, options.displayLanguage ?? 'zh-CN');
    return () => {
      g.Excel = previous.Excel;
      g.Office = previous.Office;
    };
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

function fakeOffice(wb: FakeWorkbook, displayLanguage: string): unknown {
  return {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    context: {
      displayLanguage,
      officeTheme: { bodyBackgroundColor: '#FFFFFF' },
      requirements: {
        isSetSupported: (name: string, version: string) => name === 'ExcelApi' && versionAtLeast(wb.apiVersion, version),
      },
      document: {
        settings: {
          get: (key: string) => (wb.settings.has(key) ? wb.settings.get(key) : null),
          set: (key: string, value: unknown) => void wb.settings.set(key, value),
          remove: (key: string) => void wb.settings.delete(key),
          saveAsync: (cb?: (r: { status: string }) => void) => {
            wb.settingsSaves++;
            wb.savedSettings = new Map(wb.settings);
            cb?.({ status: 'succeeded' });
          },
        },
      },
    },
  };
}

// ---- proxies ---------------------------------------------------------------

class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}

  protected need<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new FakeOfficeError('PropertyNotLoaded', `${prop} was not loaded`);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    return this.need<boolean>('isNullObject');
  }
}

function propsOf(arg: string | string[] | undefined): string[] {
  if (arg === undefined) return [];
  return (Array.isArray(arg) ? arg : arg.split(','))
    .map((p) => p.trim())
    .filter(Boolean);
}

export class FakeContext {
  pending: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly runtime: { enableEvents: boolean };

  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    const runtime = { enableEvents: true };
    Object.defineProperty(runtime, 'enableEvents', {
      get: () => wb.enableEvents,
      set: (on: boolean) =>
        this.queue(8, () => {
          wb.requireApi('1.8', 'runtime.enableEvents');
          wb.enableEvents = on;
        }),
    });
    this.runtime = runtime;
  }

  queue(bytes: number, run: () => number | void): void {
    this.pending.push({ bytes: bytes + 40, run });
  }

  async sync(): Promise<void> {
    const ops = this.pending.splice(0);
    const requestBytes = ops.reduce((s, op) => s + op.bytes, 0);
    if (requestBytes > this.wb.limit) {
      this.wb.requests.push({ requestBytes, responseBytes: 0, operations: ops.length });
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    }
    let responseBytes = 0;
    try {
      for (const op of ops) responseBytes += op.run() ?? 0;
    } finally {
      this.wb.requests.push({ requestBytes, responseBytes, operations: ops.length });
    }
    if (responseBytes > this.wb.limit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${responseBytes} bytes`);
    }
    await Promise.resolve();
  }
}

type SheetResolver = () => SheetState | null;

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTableCollection;
  constructor(private ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTableCollection(ctx, () => ctx.wb.tables);
  }

  getSelectedRange(): FakeRange {
    const wb = this.ctx.wb;
    return new FakeRange(this.ctx, () => {
      if (!wb.selection) throw new FakeOfficeError('InvalidSelection', 'no selection');
      if ((wb.selection.areas ?? 1) > 1) throw new FakeOfficeError('InvalidSelection', 'multiple selection');
      const sheet = wb.sheets.find((s) => s.id === wb.selection?.sheetId) ?? null;
      return sheet ? { sheet, rect: wb.selection.rect } : null;
    });
  }
}

class FakeWorksheets extends Loadable {
  readonly onChanged: { add: (h: Handler) => { remove: () => void; context: FakeContext } };
  constructor(ctx: FakeContext) {
    super(ctx);
    this.onChanged = {
      add: (handler: Handler) => {
        ctx.queue(20, () => {
          ctx.wb.requireApi('1.9', 'WorksheetCollection.onChanged');
          ctx.wb.handlers.add(handler);
        });
        return { remove: () => ctx.queue(20, () => void ctx.wb.handlers.delete(handler)), context: ctx };
      },
    };
  }

  private find(key: string): SheetResolver {
    return () => this.ctx.wb.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase()) ?? null;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.wb.sheets.find((s) => s.id === this.ctx.wb.activeSheetId) ?? null);
  }

  getItem(key: string): FakeWorksheet {
    const find = this.find(key);
    return new FakeWorksheet(this.ctx, () => {
      const s = find();
      if (!s) throw new FakeOfficeError('ItemNotFound', `sheet ${key}`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.find(key));
  }

  add(name: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.ctx.queue(name.length + 10, () => {
      if (this.ctx.wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', name);
      }
      created = new SheetState(this.ctx.wb.newSheetId(), name);
      this.ctx.wb.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => created);
  }

  load(arg?: string | string[]): this {
    this.ctx.queue(20, () => {
      const items = this.ctx.wb.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.snapshot(['name', 'id']);
        return ws;
      });
      this.loaded.set('items', items);
      return bytesOf(items.map((i) => [i.name, i.id]));
    });
    void arg;
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.need<FakeWorksheet[]>('items');
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly resolve: SheetResolver,
  ) {
    super(ctx);
  }

  private must(): SheetState {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('ItemNotFound', 'worksheet');
    return s;
  }

  snapshot(props: string[]): void {
    const s = this.resolve();
    this.loaded.set('isNullObject', s === null);
    if (!s) return;
    for (const p of props) if (p === 'name' || p === 'id') this.loaded.set(p, s[p]);
  }

  load(arg?: string | string[]): this {
    const props = propsOf(arg);
    this.ctx.queue(20, () => {
      this.snapshot(props.length ? props : ['name', 'id']);
      return 40;
    });
    return this;
  }

  get name(): string {
    return this.need<string>('name');
  }

  get id(): string {
    return this.need<string>('id');
  }

  private tablesProxy?: FakeTableCollection;
  private chartsProxy?: FakeChartCollection;

  // Navigation properties return the same proxy each time, as in Office.js.
  get tables(): FakeTableCollection {
    this.tablesProxy ??= new FakeTableCollection(
      this.ctx,
      () => {
        const s = this.must();
        return this.ctx.wb.tables.filter((t) => t.sheetId === s.id);
      },
      this,
    );
    return this.tablesProxy;
  }

  get charts(): FakeChartCollection {
    this.chartsProxy ??= new FakeChartCollection(this.ctx, this);
    return this.chartsProxy;
  }

  private namesProxy?: FakeNamedItemCollection;

  /** Worksheet.names (ExcelApi 1.4): names scoped to this sheet. */
  get names(): FakeNamedItemCollection {
    this.namesProxy ??= new FakeNamedItemCollection(this.ctx, () => this.must());
    return this.namesProxy;
  }

  get freezePanes(): { freezeRows: (n: number) => void; unfreeze: () => void } {
    return {
      freezeRows: (n: number) => this.ctx.queue(10, () => void (this.must().frozenRows = n)),
      unfreeze: () => this.ctx.queue(10, () => void (this.must().frozenRows = 0)),
    };
  }

  sheetState(): SheetState {
    return this.must();
  }

  /**
   * Worksheet.pageLayout (ExcelApi 1.9): orientation, paper, zoom, print title rows and the centre footer,
   * applied at sync and checked as the API reference describes them: orientation a PageOrientation, paper a
   * PaperType, zoom a PageLayoutZoomOptions (scale 10–400, or whole numbers of pages; null for the one not
   * used), title rows whole rows ("$2:$4" or "2:4"). A refused value fails the sync with InvalidArgument.
   */
  get pageLayout(): {
    orientation: string;
    paperSize: string;
    zoom: PageLayoutState['zoom'];
    setPrintTitleRows: (rows: string) => void;
    headersFooters: { defaultForAllPages: { centerFooter: string } };
  } {
    const ctx = this.ctx;
    const set = (apply: (p: PageLayoutState) => void) =>
      ctx.queue(20, () => {
        ctx.wb.requireApi('1.9', 'Worksheet.pageLayout');
        apply(this.must().pageLayout);
      });
    const refuse = (what: string): never => {
      throw new FakeOfficeError('InvalidArgument', `PageLayout.${what}`);
    };
    const unloaded = (what: string): never => {
      throw new FakeOfficeError('PropertyNotLoaded', what);
    };
    const checkZoom = (z: PageLayoutState['zoom']): void => {
      if (!z || typeof z !== 'object') refuse('zoom');
      const { scale, horizontalFitToPages: h, verticalFitToPages: v } = z ?? {};
      const pages = (n: unknown): boolean => n === undefined || n === null || (Number.isInteger(n) && (n as number) >= 0);
      if (scale !== undefined && scale !== null && !(scale >= 10 && scale <= 400)) refuse('zoom.scale');
      if (!pages(h) || !pages(v)) refuse('zoom');
      if (ctx.wb.refuseZeroFitToPages && (h === 0 || v === 0)) refuse('zoom');
    };
    return {
      get orientation(): string {
        return unloaded('orientation');
      },
      set orientation(v: string) {
        set((p) => void (p.orientation = ['Portrait', 'Landscape'].includes(v) ? v : refuse('orientation')));
      },
      get paperSize(): string {
        return unloaded('paperSize');
      },
      set paperSize(v: string) {
        set((p) => void (p.paperSize = ['A3', 'A4', 'A5', 'Letter', 'Legal'].includes(v) ? v : refuse('paperSize')));
      },
      get zoom(): PageLayoutState['zoom'] {
        return unloaded('zoom');
      },
      set zoom(v: PageLayoutState['zoom']) {
        set((p) => {
          checkZoom(v);
          p.zoom = { ...v };
        });
      },
      setPrintTitleRows(rows: string): void {
        set((p) => void (p.printTitleRows = /^\$?\d+:\$?\d+$/.test(rows) ? rows : refuse('setPrintTitleRows')));
      },
      headersFooters: {
        defaultForAllPages: {
          get centerFooter(): string {
            return unloaded('centerFooter');
          },
          set centerFooter(v: string) {
            set((p) => void (p.centerFooter = v));
          },
        },
      },
    };
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.must(), rect: address ? parseRect(address) : WHOLE_SHEET }));
  }

  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.must(), rect: { r, c, rows, cols } }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, () => {
      const sheet = this.must();
      const rect = sheet.usedRect();
      return rect ? { sheet, rect } : null;
    });
  }

  activate(): void {
    this.ctx.queue(10, () => void (this.ctx.wb.activeSheetId = this.must().id));
  }

  get onChanged(): { add: (h: Handler) => { remove: () => void; context: FakeContext } } {
    const ctx = this.ctx;
    return {
      add: (handler: Handler) => {
        ctx.queue(20, () => {
          ctx.wb.requireApi('1.7', 'Worksheet.onChanged');
          ctx.wb.sheetHandlers.set(handler, this.must().id);
        });
        return { remove: () => ctx.queue(20, () => void ctx.wb.sheetHandlers.delete(handler)), context: ctx };
      },
    };
  }
}

type RangeResolver = () => { sheet: SheetState; rect: Rect } | null;

interface FakeRangeFormat {
  columnWidth: number;
  wrapText: boolean;
  verticalAlignment: string;
  font: { bold: boolean; size: number };
  fill: { color: string };
  autofitColumns: () => void;
  autofitRows: () => void;
}

class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly resolve: RangeResolver,
  ) {
    super(ctx);
  }

  private must(): { sheet: SheetState; rect: Rect } {
    const r = this.resolve();
    if (!r) throw new FakeOfficeError('ItemNotFound', 'range');
    return r;
  }

  load(arg?: string | string[]): this {
    const props = propsOf(arg);
    this.ctx.queue(30, () => {
      const target = this.resolve();
      this.loaded.set('isNullObject', target === null);
      if (!target) return 10;
      const { sheet, rect } = target;
      const all: Record<string, () => unknown> = {
        address: () => `${sheet.name}!${rectAddress(rect)}`,
        rowIndex: () => rect.r,
        columnIndex: () => rect.c,
        rowCount: () => rect.rows,
        columnCount: () => rect.cols,
        cellCount: () => rect.rows * rect.cols,
        values: () => sheet.read(rect),
        numberFormat: () => {
          const out: string[][] = [];
          for (let r = 0; r < rect.rows; r++) {
            const line: string[] = [];
            for (let c = 0; c < rect.cols; c++) line.push(sheet.cell(rect.r + r, rect.c + c)?.format ?? 'General');
            out.push(line);
          }
          return out;
        },
      };
      let bytes = 0;
      for (const p of props) {
        const get = all[p];
        if (!get) throw new FakeOfficeError('InvalidArgument', `fake cannot load ${p}`);
        const v = get();
        this.loaded.set(p, v);
        bytes += bytesOf(v);
      }
      return bytes;
    });
    return this;
  }

  get values(): FakeValue[][] {
    return this.need<FakeValue[][]>('values');
  }

  set values(v: FakeValue[][]) {
    this.ctx.queue(bytesOf(v), () => {
      const { sheet, rect } = this.must();
      checkShape(v, rect);
      if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
      if (this.ctx.wb.failNextWrite) {
        const code = this.ctx.wb.failNextWrite;
        this.ctx.wb.failNextWrite = null;
        throw new FakeOfficeError(code, 'injected failure');
      }
      v.forEach((row, i) =>
        row.forEach((value, j) => {
          const existing = sheet.cell(rect.r + i, rect.c + j);
          // A value keeps the cell's formats (number format, font, fill), as in Excel.
          const { wrap, bold, fontSize, fill } = existing ?? {};
          const looks = Object.fromEntries(Object.entries({ wrap, bold, fontSize, fill }).filter(([, v]) => v !== undefined));
          sheet.put(rect.r + i, rect.c + j, { ...typedInput(value, existing?.format ?? 'General'), ...looks });
        }),
      );
      this.ctx.wb.raiseChanged(sheet, rect, 'ThisLocalAddin');
    });
  }

  get numberFormat(): string[][] {
    return this.need<string[][]>('numberFormat');
  }

  set numberFormat(f: string[][]) {
    this.ctx.queue(bytesOf(f), () => {
      const { sheet, rect } = this.must();
      checkShape(f, rect);
      if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
      f.forEach((row, i) =>
        row.forEach((format, j) => {
          const cell = sheet.cell(rect.r + i, rect.c + j);
          sheet.put(rect.r + i, rect.c + j, { ...(cell ?? { value: '' }), format });
        }),
      );
    });
  }

  get rowIndex(): number {
    return this.need('rowIndex');
  }
  get columnIndex(): number {
    return this.need('columnIndex');
  }
  get rowCount(): number {
    return this.need('rowCount');
  }
  get columnCount(): number {
    return this.need('columnCount');
  }
  get address(): string {
    return this.need('address');
  }

  getTables(fullyContained?: boolean): FakeTableCollection {
    this.ctx.queue(10, () => this.ctx.wb.requireApi('1.9', 'Range.getTables'));
    return new FakeTableCollection(this.ctx, () => {
      const { sheet, rect } = this.must();
      return this.ctx.wb.tables.filter((t) => t.sheetId === sheet.id && (fullyContained ? contains(rect, t.rect) : intersects(t.rect, rect)));
    });
  }

  select(): void {
    this.ctx.queue(10, () => {
      const { sheet, rect } = this.must();
      this.ctx.wb.selection = { sheetId: sheet.id, rect };
    });
  }

  /**
   * ExcelApi 1.13. The merged areas that touch this range, whole; a null object when there are none.
   * Per the reference, Excel fails when the range holds more than 512 merged areas.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.queue(10, () => this.ctx.wb.requireApi('1.13', 'Range.getMergedAreasOrNullObject'));
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.must();
      return { sheet, areas: sheet.merges.filter((m) => intersects(m, rect)) };
    });
  }

  clear(): void {
    this.ctx.queue(10, () => {
      const { sheet, rect } = this.must();
      if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
      sheet.clear(rect);
      this.ctx.wb.raiseChanged(sheet, sheet.usedRect() ?? { r: 0, c: 0, rows: 1, cols: 1 }, 'ThisLocalAddin');
    });
  }

  get format(): FakeRangeFormat {
    const ctx = this.ctx;
    const target = (): { sheet: SheetState; rect: Rect } => this.must();
    // Sets a cell format property on every cell of the range, at sync.
    const each = (bytes: number, apply: (cell: FakeCell) => FakeCell) =>
      ctx.queue(bytes, () => {
        const { sheet, rect } = target();
        if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
        for (let r = rect.r; r < rect.r + rect.rows; r++) {
          for (let c = rect.c; c < rect.c + rect.cols; c++) sheet.put(r, c, apply(sheet.cell(r, c) ?? { value: '', format: 'General' }));
        }
      });
    const unloaded = (what: string): never => {
      throw new FakeOfficeError('PropertyNotLoaded', what);
    };
    return {
      get columnWidth(): number {
        return unloaded('columnWidth');
      },
      set columnWidth(points: number) {
        ctx.queue(10, () => {
          const { sheet, rect } = target();
          for (let c = rect.c; c < rect.c + rect.cols; c++) sheet.widths.set(c, points);
        });
      },
      get wrapText(): boolean {
        return unloaded('wrapText');
      },
      set wrapText(on: boolean) {
        each(10, (cell) => ({ ...cell, wrap: on }));
      },
      get verticalAlignment(): string {
        return unloaded('verticalAlignment');
      },
      set verticalAlignment(v: string) {
        ctx.queue(10, () => void v);
      },
      font: {
        get bold(): boolean {
          return unloaded('font.bold');
        },
        set bold(on: boolean) {
          each(10, (cell) => ({ ...cell, bold: on }));
        },
        get size(): number {
          return unloaded('font.size');
        },
        set size(points: number) {
          each(10, (cell) => ({ ...cell, fontSize: points }));
        },
      },
      fill: {
        get color(): string {
          return unloaded('fill.color');
        },
        set color(c: string) {
          each(10 + c.length, (cell) => ({ ...cell, fill: c.toUpperCase() }));
        },
      },
      autofitColumns: () => ctx.queue(10, () => undefined),
      autofitRows: () =>
        ctx.queue(10, () => {
          target().sheet.autofitRows += 1;
        }),
    };
  }

  private cfProxy?: FakeCfCollection;

  get conditionalFormats(): FakeCfCollection {
    this.cfProxy ??= new FakeCfCollection(this.ctx, () => this.must());
    return this.cfProxy;
  }
}

/** Excel's limit on the merged areas getMergedAreasOrNullObject lists at once. */
export const MERGED_AREAS_LIMIT = 512;

/** A sheet name as Excel writes it in an address: quoted unless it is letters, digits and underscores. */
export function addressSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeRangeAreas extends Loadable {
  constructor(
    ctx: FakeContext,
    private find: () => { sheet: SheetState; areas: Rect[] },
  ) {
    super(ctx);
  }

  load(arg?: string | string[]): this {
    const props = propsOf(arg);
    this.ctx.queue(20, () => {
      const { sheet, areas } = this.find();
      if (areas.length > MERGED_AREAS_LIMIT) {
        throw new FakeOfficeError('GeneralException', `${areas.length} merged areas, more than ${MERGED_AREAS_LIMIT}`);
      }
      this.loaded.set('isNullObject', areas.length === 0);
      if (areas.length === 0) return 10;
      const address = areas.map((a) => `${addressSheetName(sheet.name)}!${rectAddress(a)}`).join(', ');
      for (const p of props) {
        if (p === 'address') this.loaded.set('address', address);
        else if (p === 'areaCount') this.loaded.set('areaCount', areas.length);
        else throw new FakeOfficeError('InvalidArgument', `fake cannot load ${p}`);
      }
      return bytesOf(address);
    });
    return this;
  }

  get address(): string {
    return this.need('address');
  }

  get areaCount(): number {
    return this.need('areaCount');
  }
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.r >= outer.r && inner.c >= outer.c && inner.r + inner.rows <= outer.r + outer.rows && inner.c + inner.cols <= outer.c + outer.cols;
}

function checkShape(v: unknown[][], rect: Rect): void {
  if (v.length !== rect.rows || v.some((row) => row.length !== rect.cols)) {
    throw new FakeOfficeError('InvalidArgument', `array ${v.length}×${v[0]?.length} does not fit ${rect.rows}×${rect.cols}`);
  }
}

class FakeTableCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private list: () => TableState[],
    private sheet?: FakeWorksheet,
  ) {
    super(ctx);
  }

  load(arg?: string | string[]): this {
    void arg;
    this.ctx.queue(20, () => {
      const items = this.list().map((t) => {
        const table = new FakeTable(this.ctx, () => t);
        table.snapshotName();
        return table;
      });
      this.loaded.set('items', items);
      return bytesOf(items.length * 20);
    });
    return this;
  }

  get items(): FakeTable[] {
    return this.need<FakeTable[]>('items');
  }

  /** By name, case-insensitive as Excel's table names are; a null object when there is none. */
  getItemOrNullObject(name: string): FakeTable {
    const list = this.list;
    return new FakeTable(this.ctx, () => list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null);
  }

  add(range: FakeRange | string, hasHeaders: boolean): FakeTable {
    void hasHeaders;
    const state: TableState = { name: `Table${this.ctx.wb.tables.length + 1}`, sheetId: '', rect: { r: 0, c: 0, rows: 0, cols: 0 } };
    this.ctx.queue(40, () => {
      const sheet = this.sheet?.sheetState();
      const target = typeof range === 'string' ? { sheet, rect: parseRect(range) } : range.resolve();
      if (!target?.sheet) throw new FakeOfficeError('InvalidArgument', 'table range');
      const clash = this.ctx.wb.tables.find((t) => t.sheetId === target.sheet?.id && intersects(t.rect, target.rect));
      if (clash) throw new FakeOfficeError('InvalidOperation', 'tables overlap');
      state.sheetId = target.sheet.id;
      state.rect = target.rect;
      this.ctx.wb.tables.push(state);
    });
    return new FakeTable(this.ctx, () => state);
  }
}

class FakeTable extends Loadable {
  constructor(
    ctx: FakeContext,
    private find: () => TableState | null,
  ) {
    super(ctx);
  }

  private state(): TableState {
    const t = this.find();
    if (!t) throw new FakeOfficeError('ItemNotFound', 'table');
    return t;
  }

  snapshotName(): void {
    const t = this.find();
    this.loaded.set('isNullObject', t === null);
    if (t) this.loaded.set('name', t.name);
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.wb.sheets.find((s) => s.id === this.state().sheetId) ?? null);
  }

  load(arg?: string | string[]): this {
    void arg;
    this.ctx.queue(20, () => void this.snapshotName());
    return this;
  }

  get name(): string {
    return this.need('name');
  }

  set name(name: string) {
    this.ctx.queue(name.length, () => {
      if (this.ctx.wb.tables.some((t) => t !== this.state() && t.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `table ${name}`);
      }
      this.state().name = name;
    });
  }

  set style(style: string) {
    this.ctx.queue(style.length, () => void (this.state().style = style));
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.state();
      const sheet = this.ctx.wb.sheets.find((s) => s.id === t.sheetId);
      return sheet ? { sheet, rect: t.rect } : null;
    });
  }

  delete(): void {
    this.ctx.queue(10, () => {
      this.ctx.wb.tables = this.ctx.wb.tables.filter((t) => t !== this.state());
    });
  }
}

class FakeChartCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private sheet: FakeWorksheet,
  ) {
    super(ctx);
  }

  load(arg?: string | string[]): this {
    void arg;
    this.ctx.queue(20, () => {
      const sheet = this.sheet.sheetState();
      this.loaded.set(
        'items',
        sheet.charts.map((c) => new FakeChart(this.ctx, () => c, sheet)),
      );
      return 20 * sheet.charts.length;
    });
    return this;
  }

  get items(): FakeChart[] {
    return this.need('items');
  }

  add(type: string, range: FakeRange, seriesBy: string): FakeChart {
    void seriesBy;
    const state: ChartState = { name: 'Chart', type, rect: { r: 0, c: 0, rows: 0, cols: 0 }, title: '', seriesTypes: {} };
    let owner: SheetState | null = null;
    this.ctx.queue(40, () => {
      const target = range.resolve();
      if (!target) throw new FakeOfficeError('InvalidArgument', 'chart range');
      state.rect = target.rect;
      owner = this.sheet.sheetState();
      owner.charts.push(state);
    });
    return new FakeChart(this.ctx, () => state, () => owner);
  }
}

class FakeChart extends Loadable {
  constructor(
    ctx: FakeContext,
    private state: () => ChartState,
    private owner: SheetState | (() => SheetState | null),
  ) {
    super(ctx);
  }

  set name(name: string) {
    this.ctx.queue(name.length, () => void (this.state().name = name));
  }

  get title(): { text: string } {
    const ctx = this.ctx;
    const state = this.state;
    return {
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'title');
      },
      set text(text: string) {
        ctx.queue(text.length, () => void (state().title = text));
      },
    };
  }

  get series(): { getItemAt: (i: number) => { chartType: string } } {
    const ctx = this.ctx;
    const state = this.state;
    return {
      getItemAt: (i: number) => ({
        get chartType(): string {
          throw new FakeOfficeError('PropertyNotLoaded', 'chartType');
        },
        set chartType(type: string) {
          ctx.queue(10, () => {
            if (i >= state().rect.cols - 1) throw new FakeOfficeError('InvalidArgument', `no series ${i}`);
            state().seriesTypes[i] = type;
          });
        },
      }),
    };
  }

  setPosition(start: string, end?: string): void {
    this.ctx.queue(20, () => void (this.state().position = [start, end]));
  }

  delete(): void {
    this.ctx.queue(10, () => {
      const owner = typeof this.owner === 'function' ? this.owner() : this.owner;
      if (owner) owner.charts = owner.charts.filter((c) => c !== this.state());
    });
  }
}

class FakeCfCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private target: () => { sheet: SheetState; rect: Rect },
  ) {
    super(ctx);
  }

  load(arg?: string | string[]): this {
    const withCustom = String(arg ?? '').includes('customOrNullObject');
    this.ctx.queue(20, () => {
      const { sheet, rect } = this.target();
      const items = sheet.cfs.filter((cf) => intersects(cf.rect, rect)).map((cf) => new FakeCf(this.ctx, cf, () => sheet, true, withCustom));
      this.loaded.set('items', items);
      return 20 * items.length;
    });
    return this;
  }

  get items(): FakeCf[] {
    return this.need('items');
  }

  add(type: string): FakeCf {
    const state: CfState = { id: this.ctx.wb.newCfId(), type, rect: { r: 0, c: 0, rows: 0, cols: 0 }, formula: '', fill: '', font: '' };
    let sheet: SheetState | null = null;
    this.ctx.queue(20, () => {
      const t = this.target();
      if (t.sheet.protected) throw new FakeOfficeError('AccessDenied', 'the sheet is protected');
      state.rect = t.rect;
      sheet = t.sheet;
      t.sheet.cfs.push(state);
    });
    return new FakeCf(this.ctx, state, () => sheet, false);
  }
}

class FakeCf extends Loadable {
  constructor(
    ctx: FakeContext,
    private state: CfState,
    private sheet: () => SheetState | null,
    typeLoaded: boolean,
    customLoaded = false,
  ) {
    super(ctx);
    if (typeLoaded) this.loaded.set('type', state.type);
    if (customLoaded && state.type === 'Custom') {
      this.loaded.set('formula', state.formula);
      this.loaded.set('fill', state.fill);
    }
  }

  get type(): string {
    return this.need('type');
  }

  /** ConditionalFormat.customOrNullObject (ExcelApi 1.6): a null object for rules of other types. */
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string }; format: { fill: { color: string } } } {
    const need = (p: string): string => {
      if (!this.loaded.has(p)) throw new FakeOfficeError('PropertyNotLoaded', p);
      return this.loaded.get(p) as string;
    };
    return {
      isNullObject: this.state.type !== 'Custom',
      rule: { get formula() { return need('formula'); } },
      format: { fill: { get color() { return need('fill'); } } },
    };
  }

  get custom(): {
    rule: { formula: string; load: (p: string) => void };
    format: { fill: { color: string; load: (p: string) => void }; font: { color: string } };
  } {
    const ctx = this.ctx;
    const state = this.state;
    const loaded = this.loaded;
    const need = (p: string): string => {
      if (!loaded.has(p)) throw new FakeOfficeError('PropertyNotLoaded', p);
      return loaded.get(p) as string;
    };
    const custom = (): void => {
      if (state.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'not a custom format');
    };
    return {
      rule: {
        get formula(): string {
          return need('formula');
        },
        set formula(f: string) {
          ctx.queue(f.length, () => {
            custom();
            state.formula = f;
          });
        },
        load: () =>
          ctx.queue(10, () => {
            custom();
            loaded.set('formula', state.formula);
            return state.formula.length;
          }),
      },
      format: {
        fill: {
          get color(): string {
            return need('fill');
          },
          set color(c: string) {
            ctx.queue(c.length, () => void (state.fill = c.toUpperCase()));
          },
          load: () =>
            ctx.queue(10, () => {
              custom();
              loaded.set('fill', state.fill);
              return 10;
            }),
        },
        font: {
          get color(): string {
            throw new FakeOfficeError('PropertyNotLoaded', 'font');
          },
          set color(c: string) {
            ctx.queue(c.length, () => void (state.font = c.toUpperCase()));
          },
        },
      },
    };
  }

  delete(): void {
    this.ctx.queue(10, () => {
      const sheet = this.sheet();
      if (sheet) sheet.cfs = sheet.cfs.filter((cf) => cf !== this.state);
    });
  }
}

// ---- named items (Excel.NamedItemCollection / NamedItem) ---------------------------------------
// Per Microsoft's reference: Worksheet.names, add() and getItemOrNullObject() are ExcelApi 1.4;
// NamedItem.value is "the value computed by the name's formula" (for a text constant, the text; for a
// named range, the range address), type one of String / Integer / Double / Boolean / Range; `visible`
// is read-write (1.1); `formula` (1.7) always starts with "=". A name must start with a letter, an
// underscore or a backslash and hold no spaces; adding one that exists in the scope fails.

const NAME_RULE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function nameValue(formula: string): { value: FakeValue; type: string } {
  const body = formula.replace(/^=/, '');
  const text = /^"((?:[^"]|"")*)"$/.exec(body);
  if (text) return { value: text[1].replace(/""/g, '"'), type: 'String' };
  if (/^-?\d+$/.test(body)) return { value: Number(body), type: 'Integer' };
  if (/^-?\d*\.\d+$/.test(body)) return { value: Number(body), type: 'Double' };
  if (/^(TRUE|FALSE)$/i.test(body)) return { value: body.toUpperCase() === 'TRUE', type: 'Boolean' };
  return { value: body, type: 'Range' };
}

class FakeNamedItemCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private sheet: () => SheetState,
  ) {
    super(ctx);
  }

  add(name: string, reference: string, comment = ''): FakeNamedItem {
    const state: NameState = { name, formula: reference.startsWith('=') ? reference : `=${reference}`, comment, visible: true };
    this.ctx.queue(name.length + reference.length + comment.length + 20, () => {
      this.ctx.wb.requireApi('1.4', 'NamedItemCollection.add');
      if (!NAME_RULE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new FakeOfficeError('InvalidArgument', `invalid name ${name}`);
      const sheet = this.sheet();
      if (sheet.names.has(name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', name);
      sheet.names.set(name.toLowerCase(), state);
    });
    return new FakeNamedItem(this.ctx, () => state);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      this.ctx.wb.requireApi('1.4', 'NamedItemCollection.getItemOrNullObject');
      return this.sheet().names.get(name.toLowerCase()) ?? null;
    });
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    private resolve: () => NameState | null,
  ) {
    super(ctx);
  }

  load(arg?: string | string[]): this {
    const props = propsOf(arg);
    this.ctx.queue(20, () => {
      const state = this.resolve();
      this.loaded.set('isNullObject', state === null);
      if (!state) return 10;
      const { value, type } = nameValue(state.formula);
      const all: Record<string, unknown> = { name: state.name, value, type, visible: state.visible, comment: state.comment, formula: state.formula };
      for (const p of props.length ? props : Object.keys(all)) {
        if (p === 'formula') this.ctx.wb.requireApi('1.7', 'NamedItem.formula');
        this.loaded.set(p, all[p]);
      }
      return bytesOf(all);
    });
    return this;
  }

  get name(): string {
    return this.need('name');
  }
  get value(): FakeValue {
    return this.need('value');
  }
  get type(): string {
    return this.need('type');
  }
  get formula(): string {
    return this.need('formula');
  }
  get visible(): boolean {
    return this.need('visible');
  }
  set visible(on: boolean) {
    this.ctx.queue(10, () => {
      const state = this.resolve();
      if (!state) throw new FakeOfficeError('ItemNotFound', 'named item');
      state.visible = Boolean(on);
    });
  }

  delete(): void {
    this.ctx.queue(10, () => {
      const state = this.resolve();
      if (!state) throw new FakeOfficeError('ItemNotFound', 'named item');
      for (const sheet of this.ctx.wb.sheets) if (sheet.names.get(state.name.toLowerCase()) === state) sheet.names.delete(state.name.toLowerCase());
    });
  }
}
