// RangeAreas as Range.getMergedAreasOrNullObject returns it (ExcelApi 1.13): the merged areas whose
// top-left cell lies in the range (office-js issue #3611: an area starting outside is not listed even
// when it overlaps), each at its full extent, listed as "Sheet1!A1:B4, Sheet1!D1:D4". More than 512
// areas cannot be returned: the request fails, as Excel's does.
import { type Rect, formatAddress } from './addresses';
import { ClientObject, defineProps, wrap, type PropSpec, type RequestContext } from './context';
import { hostError } from './errors';
import type { SheetModel } from './model';

export const MAX_MERGED_AREAS = 512;

export interface AreasTarget {
  sheet: SheetModel;
  areas: Rect[];
}

const SPEC: Record<string, PropSpec<AreasTarget>> = {
  address: { get: (t) => t.areas.map((a) => formatAddress(t.sheet.name, a)).join(', ') },
  addressLocal: { get: (t) => t.areas.map((a) => formatAddress(t.sheet.name, a)).join(', ') },
  areaCount: { get: (t) => t.areas.length },
  cellCount: { get: (t) => t.areas.reduce((n, a) => n + (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1), 0) },
  isEntireColumn: { get: () => false },
  isEntireRow: { get: () => false },
};

export class RangeAreasProxy extends ClientObject {
  override _className = 'RangeAreas';

  override _spec(): Record<string, PropSpec<never>> {
    return SPEC as Record<string, PropSpec<never>>;
  }
}
defineProps(RangeAreasProxy, Object.keys(SPEC));

export function newRangeAreas(ctx: RequestContext): RangeAreasProxy {
  return wrap(new RangeAreasProxy(ctx), 'RangeAreas');
}

/** The merged areas starting in `rect`, top to bottom then left to right; null when there are none. */
export function mergedAreasIn(sheet: SheetModel, rect: Rect): AreasTarget | null {
  const areas = sheet.merges
    .filter((m) => m.r0 >= rect.r0 && m.r0 <= rect.r1 && m.c0 >= rect.c0 && m.c0 <= rect.c1)
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  if (areas.length > MAX_MERGED_AREAS) throw hostError('GeneralException', undefined, 'Range.getMergedAreasOrNullObject');
  return areas.length === 0 ? null : { sheet, areas };
}
