// onChanged and friends: add(handler) registers at sync; the result's remove() unregisters at a later sync.
import { ClientObject, type RequestContext } from './context';
import { register, unregister } from './events';
import type { EventRegistration } from './host';

export function eventSource(
  ctx: RequestContext,
  kind: EventRegistration['kind'],
  targetId: () => string,
  apiSet: [string, string],
): { add: (handler: (args: unknown) => unknown) => ClientObject; remove: (handler: (args: unknown) => unknown) => void } {
  const registered = new Map<(args: unknown) => unknown, number>();
  return {
    add(handler) {
      const result = new ClientObject(ctx);
      let id = -1;
      ctx.queue({
        kind: 'call',
        proxy: null,
        label: `${kind}.add`,
        bytes: 0,
        apiSet,
        run: () => {
          id = register(kind, targetId(), handler).id;
          registered.set(handler, id);
        },
      });
      Object.defineProperty(result, 'remove', {
        value: () => ctx.queue({ kind: 'call', proxy: null, label: `${kind}.remove`, bytes: 0, run: () => unregister(id) }),
      });
      return result;
    },
    remove(handler) {
      ctx.queue({ kind: 'call', proxy: null, label: `${kind}.remove`, bytes: 0, run: () => unregister(registered.get(handler) ?? -1) });
    },
  };
}
