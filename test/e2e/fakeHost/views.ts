// What a test can see of the host beyond values and rules: sheet ids, listeners, the formats and the print
// setup the add-in set, and a way to wait for the change events still on their way.
import { type Rect, contains, parseLocal } from './addresses';
import { settleDeliveries } from './events';
import type { FakeHost } from './host';
import type { SheetModel } from './model';

export function hostViews(h: FakeHost) {
  function sheet(name: string): SheetModel {
    const s = h.wb.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  return {
    sheetId(sheetName: string): string {
      return sheet(sheetName).id;
    },
    eventsEnabled(): boolean {
      return h.wb.eventsEnabled;
    },
    /** The onChanged registrations in place: what they listen to, and the sheet for a sheet's own. */
    listeners(): { kind: string; sheet: string | null }[] {
      return h.registrations
        .filter((r) => r.kind !== 'other')
        .map((r) => ({ kind: r.kind, sheet: r.kind === 'sheetChanged' ? h.wb.sheetById(r.targetId)?.name ?? null : null }));
    },
    /** Resolves once every change event sent so far has been handled by the add-in. */
    settle(): Promise<void> {
      return settleDeliveries();
    },
    /**
     * The decorative formats set on a cell (format.font.bold, format.wrapText, format.fill.color,
     * format.columnWidth …), the last write of each path over a range holding the cell.
     */
    cellFormat(sheetName: string, address: string): Record<string, unknown> {
      const cell = parseLocal(address);
      if (!cell) throw new Error(`bad address ${address}`);
      const out: Record<string, unknown> = {};
      for (const entry of sheet(sheetName).formatLog) {
        const rect: Rect | null = parseLocal(entry.address);
        if (rect && contains(rect, cell)) out[entry.path] = entry.value;
      }
      return out;
    },
    /** The print setup set on the sheet: orientation, paperSize, zoom, printTitleRows, centerFooter. */
    pageLayout(sheetName: string): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const entry of sheet(sheetName).formatLog) {
        if (entry.address !== 'pageLayout') continue;
        if (entry.path === 'pageLayout.setPrintTitleRows()') out.printTitleRows = (entry.value as unknown[])[0];
        else out[entry.path.slice(entry.path.lastIndexOf('.') + 1)] = entry.value;
      }
      return out;
    },
  };
}
