// Messages between the pane and the engine worker. Large arrays (the grid's rows, the projects, the
// summary rows) travel in slices: a structured clone of 200k rows in one message would block the pane
// for longer than a frame when it is deserialised.
import type { EngineErrorCode, EngineErrorDetails } from '../../engine/errors';
import type { EngineRequest } from '../../engine/workflow';
import type { Grid } from '../../engine/types';

export const SLICE_ITEMS = 2_000;

export type RunRequest = Omit<EngineRequest, 'sheet'> & { sheet: Omit<EngineRequest['sheet'], 'grid'> };

export type ToWorker = { id: number; type: 'rows'; rows: Grid } | { id: number; type: 'run'; request: RunRequest };

export type FromWorker =
  | { id: number; type: 'part'; ref: number; start: number; items: unknown[] }
  /** skeleton: { detection, evaluation, layout } with every large array replaced by an ArrayRef. */
  | { id: number; type: 'result'; skeleton: unknown }
  | { id: number; type: 'failure'; error: { code: EngineErrorCode; details: EngineErrorDetails; message: string } }
  | { id: number; type: 'crash'; message: string };

interface ArrayRef {
  __sliced: number;
  length: number;
}

export interface ArrayPart {
  ref: number;
  start: number;
  items: unknown[];
}

/** Plain objects are walked; Dates and other built-ins pass as they are (checked by tag: realms differ). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

function isArrayRef(value: unknown): value is ArrayRef {
  return typeof value === 'object' && value !== null && typeof (value as ArrayRef).__sliced === 'number';
}

/**
 * Replaces every array longer than maxItems (found in objects and short arrays) with an ArrayRef and
 * returns its slices. Items of a long array are sent as they are: they are rows and records, not trees.
 */
export function splitLargeArrays(value: unknown, maxItems = SLICE_ITEMS): { skeleton: unknown; parts: ArrayPart[] } {
  const parts: ArrayPart[] = [];
  let nextRef = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      if (node.length > maxItems) {
        const ref = nextRef++;
        for (let start = 0; start < node.length; start += maxItems) parts.push({ ref, start, items: node.slice(start, start + maxItems) });
        return { __sliced: ref, length: node.length } satisfies ArrayRef;
      }
      return node.map(walk);
    }
    if (isPlainObject(node)) {
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) copy[key] = walk(child);
      return copy;
    }
    return node;
  };
  return { skeleton: walk(value), parts };
}

/** Collects slices as they arrive, then rebuilds the value around them. */
export class ArrayAssembler {
  private readonly arrays = new Map<number, unknown[]>();

  add(part: ArrayPart): void {
    let target = this.arrays.get(part.ref);
    if (!target) {
      target = [];
      this.arrays.set(part.ref, target);
    }
    for (let i = 0; i < part.items.length; i++) target[part.start + i] = part.items[i];
  }

  assemble(skeleton: unknown): unknown {
    const walk = (node: unknown): unknown => {
      if (isArrayRef(node)) {
        const items = this.arrays.get(node.__sliced) ?? [];
        if (items.length !== node.length) throw new Error(`engine worker: slice ${node.__sliced} incomplete`);
        return items;
      }
      if (Array.isArray(node)) return node.map(walk);
      if (isPlainObject(node)) {
        const copy: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(node)) copy[key] = walk(child);
        return copy;
      }
      return node;
    };
    return walk(skeleton);
  }
}
