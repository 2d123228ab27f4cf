// Change events of the source, and keeping the add-in's own writes out of them: with ExcelApi 1.14
// an event says who caused it (triggerSource); before that, events are switched off around writes.
import type { SourceChange } from '../engine/workbookPort';
import { parseAddress } from './address';
import type { RequestMeter } from './requestMeter';

const NAME_CACHE_MS = 2000;

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ChangedEventArgs {
  address: string;
  worksheetId: string;
  triggerSource?: string;
}

/** The port's view of a change event; null when the address is not a single rectangle. */
export function toSourceChange(args: ChangedEventArgs, sheet: string): SourceChange | null {
  const rect = parseAddress(args.address);
  if (!rect) return null;
  return { sheet, ...rect, own: args.triggerSource === 'ThisLocalAddin' };
}

/**
 * Runs a write with this add-in's events switched off (runtime.enableEvents, ExcelApi 1.8) when the
 * host cannot tell own changes apart, and switches them back on whatever happens.
 */
export async function withEventsSuppressed<T>(
  context: Excel.RequestContext,
  suppress: boolean,
  meter: RequestMeter,
  run: ExcelRunner,
  body: () => Promise<T>,
): Promise<T> {
  if (!suppress) return body();
  context.runtime.enableEvents = false;
  try {
    return await body();
  } finally {
    context.runtime.enableEvents = true;
    try {
      await meter.sync(context, 'events:on');
    } catch {
      // The batch's context may be unusable after a failure: a fresh one switches events back on.
      await run(async (fresh) => {
        fresh.runtime.enableEvents = true;
        await meter.sync(fresh, 'events:on');
      });
    }
  }
}

type ChangeListener = (change: SourceChange) => void;

/** Sheet names by id, cached briefly: a burst of events costs one look-up, a rename is seen soon after. */
export interface SheetNameCache {
  names: Map<string, string>;
  nameOf: (id: string) => Promise<string | null>;
}

export function sheetNameCache(run: ExcelRunner, meter: RequestMeter): SheetNameCache {
  const names = new Map<string, string>();
  // Look-ups under way: the events of one write (a summary written in chunks raises several) share one.
  const pending = new Map<string, Promise<string | null>>();
  let cachedAt = Date.now();
  const nameOf = async (id: string): Promise<string | null> => {
    if (Date.now() - cachedAt > NAME_CACHE_MS) {
      names.clear();
      cachedAt = Date.now();
    }
    const known = names.get(id);
    if (known !== undefined) return known;
    const asked = pending.get(id);
    if (asked) return asked;
    const lookUp = run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(id);
      sheet.load('name');
      await meter.sync(context, 'events:sheet');
      if (sheet.isNullObject) return null;
      names.set(id, sheet.name);
      return sheet.name;
    }).finally(() => pending.delete(id));
    pending.set(id, lookUp);
    return lookUp;
  };
  return { names, nameOf };
}

function changeHandler(
  nameOf: (id: string) => Promise<string | null>,
  listener: ChangeListener,
): (args: Excel.WorksheetChangedEventArgs) => Promise<void> {
  return async (args) => {
    try {
      const name = await nameOf(args.worksheetId);
      if (name === null) return;
      const change = toSourceChange(args as ChangedEventArgs, name);
      if (change) listener(change);
    } catch {
      // An event that cannot be resolved is dropped; the next edit raises another.
    }
  };
}

interface SheetRegistration {
  /** Name of the sheet listened to, as the read that chose it reported it. */
  sheet: string;
  remove: () => Promise<void>;
}

function removerOf(result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>, meter: RequestMeter): () => Promise<void> {
  return () =>
    runWith(result.context as Excel.RequestContext, async (context) => {
      result.remove();
      await meter.sync(context, 'events:remove');
    });
}

/** Listens to changes on every sheet (worksheets.onChanged, ExcelApi 1.9) and reports them by sheet name. */
export async function listenToChanges(
  run: ExcelRunner,
  meter: RequestMeter,
  listener: ChangeListener,
  cache: SheetNameCache = sheetNameCache(run, meter),
): Promise<() => Promise<void>> {
  const { names, nameOf } = cache;
  const handler = changeHandler(nameOf, listener);
  const result = await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    const added = worksheets.onChanged.add(handler);
    await meter.sync(context, 'events:add');
    for (const ws of worksheets.items) names.set(ws.id, ws.name);
    return added;
  });
  return removerOf(result, meter);
}

/**
 * Before ExcelApi 1.9 there is no workbook-wide change event: Worksheet.onChanged (1.7) is registered
 * on the source sheet, the sheet the last read landed on, and moved when a read lands on another.
 * Changes on other sheets are not seen, which the pane does not need: it refreshes on source edits.
 */
export class SourceSheetEvents {
  private readonly listeners = new Set<ChangeListener>();
  private source: string | null = null;
  private registration: SheetRegistration | null = null;
  /** Registrations and removals run one after another, in the order asked. */
  private queue: Promise<void> = Promise.resolve();
  private readonly cache: SheetNameCache;
  private readonly handler: (args: Excel.WorksheetChangedEventArgs) => Promise<void>;

  constructor(
    private readonly run: ExcelRunner,
    private readonly meter: RequestMeter,
    cache: SheetNameCache = sheetNameCache(run, meter),
  ) {
    this.cache = cache;
    this.handler = changeHandler(this.cache.nameOf, (change) => {
      for (const listener of this.listeners) listener(change);
    });
  }

  /** A read landed on this sheet: the registration follows it. */
  follow(sheetName: string): Promise<void> {
    this.source = sheetName;
    return this.update();
  }

  async listen(listener: ChangeListener): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    try {
      await this.update();
    } catch (err) {
      this.listeners.delete(listener);
      throw err;
    }
    return async () => {
      this.listeners.delete(listener);
      await this.update();
    };
  }

  private update(): Promise<void> {
    const step = this.queue.then(() => this.apply());
    // A failed step does not block the next one, which tries again.
    this.queue = step.catch(() => undefined);
    return step;
  }

  private async apply(): Promise<void> {
    const wanted = this.listeners.size > 0 ? this.source : null;
    if ((this.registration?.sheet ?? null) === wanted) return;
    if (this.registration) {
      const old = this.registration;
      this.registration = null;
      try {
        await old.remove();
      } catch {
        // The sheet was deleted, and its handler with it.
      }
    }
    if (wanted === null) return;
    const result = await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(wanted);
      sheet.load('id,name');
      const added = sheet.onChanged.add(this.handler);
      await this.meter.sync(context, 'events:add');
      this.cache.names.set(sheet.id, sheet.name);
      return added;
    });
    this.registration = { sheet: wanted, remove: removerOf(result, this.meter) };
  }
}

/** Excel.run on an existing context (needed to remove a handler with the context that added it). */
async function runWith(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<void>): Promise<void> {
  await Excel.run(context, batch);
}
