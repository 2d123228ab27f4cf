// What the officer does in Excel while the add-in runs, as the test's controls: typing, selecting,
// resizing or converting a table, adding, deleting, copying or protecting a sheet. None of it goes
// through a request context; typing raises onChanged as a change by someone else.
import { type Rect, intersect, parseLocal } from './addresses';
import { dispatchChanges } from './events';
import type { FakeHost } from './host';
import { type SheetModel, keepTopLeftOnly, seedCell, writeTyped } from './model';
import type { SeedCell } from './seedTypes';
import { expandTablesForTyping } from './tables';
import type { Scalar } from './typedInput';

function rectOf(address: string): Rect {
  const rect = parseLocal(address);
  if (!rect) throw new Error(`bad address ${address}`);
  return rect;
}

export function userActions(h: FakeHost) {
  function sheet(name: string): SheetModel {
    const s = h.wb.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  function table(name: string) {
    const t = h.wb.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }

  return {
    /**
     * Typing (or pasting a block) in the grid: parsed as Excel parses typed input; a row typed right under
     * a table joins it (tables.ts); fires onChanged as a change by someone else.
     */
    edit(sheetName: string, address: string, value: Scalar | Scalar[][]): void {
      const s = sheet(sheetName);
      const rect = rectOf(address);
      const grid = Array.isArray(value) ? value : [[value]];
      const before = s.cell(rect.r0, rect.c0)?.v ?? '';
      const written = { r0: rect.r0, c0: rect.c0, r1: rect.r0 + grid.length - 1, c1: rect.c0 + Math.max(...grid.map((r) => r.length)) - 1 };
      const expand = expandTablesForTyping(h.wb, s, written);
      grid.forEach((row, i) => row.forEach((v, j) => writeTyped(s.ensure(rect.r0 + i, rect.c0 + j), v)));
      expand();
      dispatchChanges([{ sheetId: s.id, rect: written, own: false, delivered: h.wb.eventsEnabled, before, after: s.cell(rect.r0, rect.c0)?.v ?? '' }]);
    },
    /** Selects on a sheet (and activates it); "B3:C4,E6" selects two areas, as a Ctrl-click does. */
    select(sheetName: string, address: string): void {
      const s = sheet(sheetName);
      const areas = address.split(',');
      h.wb.activeSheetId = s.id;
      h.wb.selection = { sheetId: s.id, rect: rectOf(areas[0]), areaCount: areas.length };
    },
    /** Table Design > Resize Table: the header row stays where it is, no other table may be overlapped. */
    resizeTable(name: string, address: string): void {
      const t = table(name);
      const rect = rectOf(address);
      if (rect.r0 !== t.rect.r0) throw new Error('Excel keeps a table\'s header row where it is');
      if (h.wb.tablesOn(t.sheetId).some((o) => o !== t && intersect(o.rect, rect))) throw new Error(`${address} overlaps another table`);
      t.rect = rect;
    },
    /** Table Design > Convert to Range: the table is gone, its cells stay. */
    convertTableToRange(name: string): void {
      const t = table(name);
      h.wb.tables = h.wb.tables.filter((x) => x !== t);
    },
    /** A sheet the officer inserts, with what they type in it (as seeded: already values, no parsing). */
    addSheet(name: string, rows: SeedCell[][] = [], origin = 'A1'): void {
      const s = h.wb.addSheet(name);
      const at = rectOf(origin);
      rows.forEach((row, i) => row.forEach((v, j) => seedCell(s, at.r0 + i, at.c0 + j, v)));
    },
    /** Delete Sheet, with its tables. */
    deleteSheet(name: string): void {
      const s = sheet(name);
      h.wb.sheets = h.wb.sheets.filter((x) => x !== s);
      h.wb.tables = h.wb.tables.filter((t) => t.sheetId !== s.id);
      if (h.wb.activeSheetId === s.id) {
        h.wb.activeSheetId = h.wb.sheets[0]?.id ?? '';
        h.wb.selection = { sheetId: h.wb.activeSheetId, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      }
    },
    /**
     * Move or Copy > Create a copy: a new sheet (new id) with the cells, merges, conditional formats and
     * sheet-scoped names of the original. Tables and charts are not copied by this imitation.
     */
    copySheet(name: string, copyName: string): void {
      const from = sheet(name);
      const to = h.wb.addSheet(copyName);
      from.cells.forEach((row, r) => row?.forEach((cell, c) => cell && Object.assign(to.ensure(r, c), cell)));
      to.merges = from.merges.map((m) => ({ ...m }));
      to.merges.forEach((m) => keepTopLeftOnly(to, m));
      to.rules = from.rules.map((rule) => ({ ...rule, id: h.wb.newId('cf'), sheetId: to.id, rect: { ...rule.rect }, other: { ...rule.other } }));
      for (const [key, n] of from.names) to.names.set(key, { ...n, owner: to });
    },
    /** Review > Protect Sheet (default options): see protection.ts. */
    protect(sheetName: string): void {
      sheet(sheetName).protected = true;
    },
  };
}
