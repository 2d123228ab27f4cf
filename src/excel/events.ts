// Change events of the source, and keeping the add-in's own writes out of them: with ExcelApi 1.14
// an event says who caused it (triggerSource); before that, events are switched off around writes.
import type { SourceChange } from '../engine/port';
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

/** Listens to changes on every sheet (worksheets.onChanged, ExcelApi 1.9) and reports them by sheet name. */
export async function listenToChanges(
  run: ExcelRunner,
  meter: RequestMeter,
  listener: (change: SourceChange) => void,
): Promise<() => Promise<void>> {
  // Names are cached briefly: a burst of events costs one look-up, a rename is seen soon after.
  const names = new Map<string, string>();
  let cachedAt = Date.now();
  const nameOf = async (id: string): Promise<string | null> => {
    if (Date.now() - cachedAt > NAME_CACHE_MS) {
      names.clear();
      cachedAt = Date.now();
    }
    const known = names.get(id);
    if (known !== undefined) return known;
    return run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(id);
      sheet.load('name');
      await meter.sync(context, 'events:sheet');
      if (sheet.isNullObject) return null;
      names.set(id, sheet.name);
      return sheet.name;
    });
  };
  const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    try {
      const name = await nameOf(args.worksheetId);
      if (name === null) return;
      const change = toSourceChange(args as ChangedEventArgs, name);
      if (change) listener(change);
    } catch {
      // An event that cannot be resolved is dropped; the next edit raises another.
    }
  };
  const registration = await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    const result = worksheets.onChanged.add(handler);
    await meter.sync(context, 'events:add');
    for (const ws of worksheets.items) names.set(ws.id, ws.name);
    return result;
  });
  return async () => {
    await runWith(registration.context as Excel.RequestContext, async (context) => {
      registration.remove();
      await meter.sync(context, 'events:remove');
    });
  };
}

/** Excel.run on an existing context (needed to remove a handler with the context that added it). */
async function runWith(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<void>): Promise<void> {
  await Excel.run(context, batch);
}
