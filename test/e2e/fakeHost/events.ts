// Delivers onChanged events after a sync (or a test's edit), the way Excel does: later, asynchronously,
// only while this add-in's runtime has events enabled, with triggerSource where ExcelApi 1.14 exists.
import { formatLocal, intersect } from './addresses';
import { host, type EventRegistration } from './host';
import type { ChangeRecord } from './model';
import { valueType } from './typedInput';

export type RangeGetter = (ctx: unknown, sheetId: string, address: string) => unknown;
let rangeGetter: RangeGetter = () => null;

export function setRangeGetter(getter: RangeGetter): void {
  rangeGetter = getter;
}

export function register(kind: EventRegistration['kind'], targetId: string, handler: (args: unknown) => unknown): EventRegistration {
  const h = host();
  const reg = { id: h.nextRegistration++, kind, targetId, handler };
  h.registrations.push(reg);
  return reg;
}

export function unregister(id: number): void {
  const h = host();
  const i = h.registrations.findIndex((r) => r.id === id);
  if (i >= 0) h.registrations.splice(i, 1);
}

/** Resolves once every event delivered so far, and any its handlers caused, has been handled. */
export async function settleDeliveries(): Promise<void> {
  const h = host();
  while (h.deliveries.size > 0) await Promise.all([...h.deliveries]);
}

export function dispatchChanges(changes: ChangeRecord[]): void {
  const h = host();
  const withTrigger = h.isSetSupported('ExcelApi', '1.14');
  for (const change of changes) {
    const sheet = h.wb.sheetById(change.sheetId);
    if (!sheet) continue;
    const address = formatLocal(change.rect);
    const targets = h.registrations.filter((reg) => {
      if (reg.kind === 'sheetChanged') return reg.targetId === change.sheetId;
      if (reg.kind === 'worksheetsChanged') return true;
      if (reg.kind === 'tableChanged' || reg.kind === 'tablesChanged') {
        const tables = h.wb.tablesOn(change.sheetId).filter((t) => intersect(t.rect, change.rect));
        return reg.kind === 'tablesChanged' ? tables.length > 0 : tables.some((t) => t.id === reg.targetId);
      }
      return false;
    });
    const delivered = change.delivered ? targets.length : 0;
    h.eventLog.push({ address, sheet: sheet.name, triggerSource: withTrigger ? (change.own ? 'ThisLocalAddin' : 'Unknown') : undefined, delivered });
    if (!change.delivered) continue;
    for (const reg of targets) {
      const isTable = reg.kind === 'tableChanged' || reg.kind === 'tablesChanged';
      const table = isTable ? h.wb.tablesOn(change.sheetId).find((t) => intersect(t.rect, change.rect)) : undefined;
      const single = change.rect.r0 === change.rect.r1 && change.rect.c0 === change.rect.c1;
      const args: Record<string, unknown> = {
        type: isTable ? 'TableChanged' : 'WorksheetChanged',
        changeType: 'RangeEdited',
        source: 'Local',
        address,
        worksheetId: change.sheetId,
        getRange: (ctx: unknown) => rangeGetter(ctx, change.sheetId, address),
        getRangeOrNullObject: (ctx: unknown) => rangeGetter(ctx, change.sheetId, address),
      };
      if (table) args.tableId = table.id;
      if (withTrigger) args.triggerSource = change.own ? 'ThisLocalAddin' : 'Unknown';
      if (single) {
        args.details = {
          valueBefore: change.before ?? '',
          valueAfter: change.after ?? '',
          valueTypeBefore: valueType(change.before ?? ''),
          valueTypeAfter: valueType(change.after ?? ''),
        };
      }
      const delivery = new Promise<void>((resolve) => {
        setTimeout(() => {
          try {
            const result = reg.handler(args);
            if (result && typeof (result as Promise<unknown>).then === 'function') {
              (result as Promise<unknown>).then(
                () => resolve(),
                (e: unknown) => {
                  console.error('[fakeExcel] event handler rejected', e);
                  resolve();
                },
              );
              return;
            }
          } catch (e) {
            console.error('[fakeExcel] event handler threw', e);
          }
          resolve();
        }, 1);
      });
      h.deliveries.add(delivery);
      void delivery.then(() => h.deliveries.delete(delivery));
    }
  }
}
