// Worksheet protection (Review > Protect Sheet with the default options): the cells are locked, so the
// add-in may read the sheet but not change its values, formats or conditional formats. Excel refuses such
// a request with AccessDenied ("You cannot perform the requested operation."), the whole sync failing.
import { hostError } from './errors';
import type { SheetModel } from './model';

export function assertEditable(sheet: SheetModel, what: string): void {
  if (sheet.protected) throw hostError('AccessDenied', undefined, what);
}
