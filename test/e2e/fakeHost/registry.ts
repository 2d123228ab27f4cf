// Factories registered at start-up, so that ranges, sheets and tables can create each other without import cycles.
import type { ClientObject, RequestContext } from './context';
import type { TableModel } from './model';

interface Factories {
  worksheet: (ctx: RequestContext) => ClientObject;
  tableScoped: (ctx: RequestContext, list: () => TableModel[]) => ClientObject;
}

let factories: Factories | null = null;

export function registerFactories(f: Factories): void {
  factories = f;
}

function get(): Factories {
  if (!factories) throw new Error('fake host factories not registered');
  return factories;
}

export function makeWorksheet(ctx: RequestContext): ClientObject {
  return get().worksheet(ctx);
}

export function makeTableScoped(ctx: RequestContext, list: () => TableModel[]): ClientObject {
  return get().tableScoped(ctx, list);
}
