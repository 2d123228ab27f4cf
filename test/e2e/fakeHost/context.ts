// The request context and proxy objects: operations are queued on the proxies and applied at sync(),
// in order; loaded properties become readable only after the sync that loaded them.
import { hostError, OfficeExtensionError } from './errors';
import { host } from './host';
import type { ChangeRecord } from './model';
import { dispatchChanges } from './events';

export interface PropSpec<T> {
  get?: (target: T, self: ClientObject) => unknown;
  set?: (target: T, value: unknown, self: ClientObject) => void;
  /** Requirement set that introduced the property, e.g. ['ExcelApi', '1.8']. */
  apiSet?: [string, string];
  /** Not loaded by load() without arguments (too big or an object). */
  explicitOnly?: boolean;
}

type Op =
  | { kind: 'create'; proxy: ClientObject; make: () => unknown; apiSet?: [string, string]; label: string }
  | { kind: 'set'; proxy: ClientObject; prop: string; value: unknown }
  | { kind: 'call'; proxy: ClientObject | null; label: string; run: () => void; bytes: number; apiSet?: [string, string] }
  | { kind: 'load'; proxy: ClientObject; paths: string[] | null }
  | { kind: 'result'; result: ClientResult<unknown>; run: () => unknown; apiSet?: [string, string]; label: string };

export class ClientResult<T> {
  private loadedValue: T | undefined;
  private ready = false;
  get value(): T {
    if (!this.ready) throw hostError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this.loadedValue as T;
  }
  settle(value: T): void {
    this.loadedValue = value;
    this.ready = true;
  }
}

function jsonBytes(value: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  } catch {
    return 0;
  }
}

export class RequestContext {
  private ops: Op[] = [];
  changes: ChangeRecord[] = [];
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private workbookProxy: ClientObject | null = null;
  private runtimeProxy: ClientObject | null = null;
  private applicationProxy: ClientObject | null = null;
  static factories: {
    workbook: (ctx: RequestContext) => ClientObject;
    runtime: (ctx: RequestContext) => ClientObject;
    application: (ctx: RequestContext) => ClientObject;
  };

  get workbook(): ClientObject {
    return (this.workbookProxy ??= RequestContext.factories.workbook(this));
  }
  get runtime(): ClientObject {
    return (this.runtimeProxy ??= RequestContext.factories.runtime(this));
  }
  get application(): ClientObject {
    return (this.applicationProxy ??= RequestContext.factories.application(this));
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  get pending(): number {
    return this.ops.length;
  }

  sync<T>(passThrough?: T): Promise<T | undefined> {
    const ops = this.ops;
    this.ops = [];
    const h = host();
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          this.apply(ops);
          resolve(passThrough);
        } catch (error) {
          reject(error);
        }
      }, h.latencyMs);
    });
  }

  private apply(ops: Op[]): void {
    const h = host();
    const record = { requestBytes: 0, responseBytes: 0, ops: ops.length } as { requestBytes: number; responseBytes: number; ops: number; error?: string };
    h.syncs.push(record);
    const writes = ops.some((op) => op.kind === 'set' || op.kind === 'call');
    const failureIndex = h.failures.findIndex((f) => f.atCommand === undefined && (!f.onlyIfWrites || writes));
    if (failureIndex >= 0) {
      const [failure] = h.failures.splice(failureIndex, 1);
      record.error = failure.code;
      throw hostError(failure.code, failure.message);
    }
    for (const op of ops) {
      if (op.kind === 'set') record.requestBytes += jsonBytes(op.value) + op.prop.length + 16;
      else if (op.kind === 'call') record.requestBytes += op.bytes + 16;
      else record.requestBytes += 16;
    }
    if (record.requestBytes > h.payloadLimit) {
      record.error = 'RequestPayloadSizeLimitExceeded';
      throw hostError('RequestPayloadSizeLimitExceeded');
    }
    this.changes = [];
    try {
      for (const op of ops) {
        refuseIfAsked(op);
        record.responseBytes += this.applyOne(op);
      }
    } catch (error) {
      record.error = error instanceof OfficeExtensionError ? error.code : String(error);
      this.flushChanges();
      throw error;
    }
    this.flushChanges();
    if (record.responseBytes > h.payloadLimit) {
      record.error = 'ResponsePayloadSizeLimitExceeded';
      throw hostError('ResponsePayloadSizeLimitExceeded');
    }
  }

  private flushChanges(): void {
    const changes = this.changes;
    this.changes = [];
    if (changes.length) dispatchChanges(changes);
  }

  private applyOne(op: Op): number {
    const h = host();
    const gate = 'apiSet' in op ? op.apiSet : undefined;
    if (gate && !h.isSetSupported(gate[0], gate[1])) throw hostError('ApiNotFound', undefined, 'label' in op ? op.label : undefined);
    switch (op.kind) {
      case 'create': {
        const made = op.make();
        op.proxy._resolve(made);
        return 0;
      }
      case 'set': {
        const spec = op.proxy._spec()[op.prop];
        if (spec?.apiSet && !h.isSetSupported(spec.apiSet[0], spec.apiSet[1])) {
          throw hostError('ApiNotFound', undefined, `${op.proxy._className}.${op.prop}`);
        }
        const target = op.proxy._targetOrThrow();
        if (!spec?.set) throw hostError('InvalidArgument', `${op.proxy._className}.${op.prop} is read-only.`);
        spec.set(target, op.value, op.proxy);
        return 0;
      }
      case 'call':
        op.run();
        return 0;
      case 'load':
        return op.proxy._applyLoad(op.paths);
      case 'result': {
        const value = op.run();
        op.result.settle(value);
        return jsonBytes(value);
      }
    }
  }
}

/** The command an operation runs, as a failure set with failNext(code, { atCommand }) names it. */
function commandOf(op: Op): string {
  if (op.kind === 'set') return `${op.proxy._className}.${op.prop}`;
  if (op.kind === 'load') return `${op.proxy._className}.load`;
  return op.label;
}

function refuseIfAsked(op: Op): void {
  const h = host();
  const index = h.failures.findIndex((f) => f.atCommand === commandOf(op));
  if (index < 0) return;
  const [failure] = h.failures.splice(index, 1);
  throw hostError(failure.code, failure.message, failure.atCommand);
}

export type Spec = Record<string, PropSpec<never>>;

/** Base of every proxy: a target resolved at sync time, a cache of loaded properties. */
export class ClientObject {
  _cache = new Map<string, unknown>();
  _target: unknown = undefined;
  _state: 'pending' | 'ready' | 'null' = 'pending';
  _navs = new Map<string, ClientObject>();
  _derive: (() => unknown) | null = null;
  _className = 'ClientObject';

  constructor(public readonly context: RequestContext) {}

  _spec(): Record<string, PropSpec<never>> {
    return {};
  }

  _resolve(target: unknown): void {
    if (target === null || target === undefined) {
      this._state = 'null';
      this._target = null;
    } else {
      this._state = 'ready';
      this._target = target;
    }
  }

  _targetOrNull(): unknown {
    if (this._derive) return this._derive();
    if (this._state === 'pending') throw hostError('InvalidObjectPath', undefined, this._className);
    return this._target;
  }

  _targetOrThrow(): never {
    const t = this._targetOrNull();
    if (t === null || t === undefined) throw hostError('ItemNotFound', undefined, this._className);
    return t as never;
  }

  get isNullObject(): boolean {
    if (this._derive) return this._derive() === null;
    if (this._state === 'pending') throw hostError('PropertyNotLoaded', undefined, `${this._className}.isNullObject`);
    return this._state === 'null';
  }

  /** A navigation property: a child proxy whose target follows this one's. */
  _nav<C extends ClientObject>(name: string, make: () => C, derive: (parent: never) => unknown): C {
    const existing = this._navs.get(name);
    if (existing) return existing as C;
    const child = make();
    child._derive = () => {
      const parent = this._targetOrNull();
      return parent === null || parent === undefined ? null : derive(parent as never);
    };
    this._navs.set(name, child);
    return child;
  }

  _read(prop: string): unknown {
    if (!this._cache.has(prop)) {
      throw hostError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this._className}.${prop}`,
      );
    }
    return this._cache.get(prop);
  }

  _write(prop: string, value: unknown): void {
    this._cache.set(prop, value);
    this.context.queue({ kind: 'set', proxy: this, prop, value });
  }

  load(props?: string | string[] | { select?: string | string[]; expand?: string | string[] }): this {
    this.context.queue({ kind: 'load', proxy: this, paths: normalisePaths(props) });
    return this;
  }

  /** Applies a load at sync time; returns the bytes of the response. */
  _applyLoad(paths: string[] | null): number {
    const target = this._targetOrNull();
    const spec = this._spec();
    const h = host();
    const wanted = paths ?? Object.keys(spec).filter((k) => !spec[k].explicitOnly);
    let bytes = 0;
    const navPaths = new Map<string, string[] | null>();
    for (const path of wanted) {
      const slash = path.indexOf('/');
      const head = slash < 0 ? path : path.slice(0, slash);
      if (head === 'isNullObject' || head === '') continue;
      const propSpec = spec[head];
      if (!propSpec) {
        const child = (this as unknown as Record<string, unknown>)[head];
        if (child instanceof ClientObject) {
          const list = navPaths.get(head) ?? [];
          if (slash >= 0) list.push(path.slice(slash + 1));
          navPaths.set(head, slash >= 0 ? list : navPaths.get(head) ?? null);
          continue;
        }
        h.noteUnimplemented(`${this._className}.load('${head}')`);
        continue;
      }
      if (propSpec.apiSet && !h.isSetSupported(propSpec.apiSet[0], propSpec.apiSet[1])) {
        if (paths) throw hostError('ApiNotFound', undefined, `${this._className}.${head}`);
        continue;
      }
      const value = target === null || target === undefined || !propSpec.get ? null : propSpec.get(target as never, this);
      this._cache.set(head, value);
      bytes += jsonBytes(value) + head.length;
    }
    for (const [head, sub] of navPaths) {
      const child = (this as unknown as Record<string, unknown>)[head] as ClientObject;
      bytes += child._applyLoad(sub && sub.length ? sub : null);
    }
    return bytes;
  }

  _queueCreate<C extends ClientObject>(proxy: C, label: string, make: () => unknown, apiSet?: [string, string]): C {
    this.context.queue({ kind: 'create', proxy, make, apiSet, label });
    return proxy;
  }

  _queueCall(label: string, run: () => void, bytes = 0, apiSet?: [string, string]): void {
    this.context.queue({ kind: 'call', proxy: this, label, run, bytes, apiSet });
  }

  _queueResult<T>(label: string, run: () => T, apiSet?: [string, string]): ClientResult<T> {
    const result = new ClientResult<T>();
    this.context.queue({ kind: 'result', result: result as ClientResult<unknown>, run, apiSet, label });
    return result;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._cache);
  }

  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const current = (this as unknown as Record<string, unknown>)[key];
      if (current instanceof ClientObject && value && typeof value === 'object') current.set(value as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[key] = value;
    }
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

function normalisePaths(props: string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined): string[] | null {
  if (props === undefined || props === null) return null;
  const fromString = (s: string): string[] => s.split(',').map((p) => p.trim()).filter(Boolean);
  if (typeof props === 'string') return fromString(props);
  if (Array.isArray(props)) return props.flatMap(fromString);
  const list = [props.select, props.expand].flatMap((x) => (x === undefined ? [] : Array.isArray(x) ? x.flatMap(fromString) : fromString(x)));
  return list.length ? list : null;
}

/** Installs getters and setters on a proxy class for each property in its spec. */
export function defineProps(cls: { prototype: object }, names: string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: ClientObject) {
        return this._read(name);
      },
      set(this: ClientObject, value: unknown) {
        this._write(name, value);
      },
    });
  }
}

/** Wraps a proxy so that members the fake does not implement are reported instead of silently undefined. */
export function wrap<T extends object>(obj: T, className: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop in target) return Reflect.get(target, prop, receiver);
      if (prop === 'then' || prop === 'toJSON' || prop.startsWith('_') || prop === '$$typeof') return undefined;
      host().noteUnimplemented(`${className}.${prop}`);
      return undefined;
    },
    set(target, prop, value, receiver) {
      if (typeof prop === 'string' && !(prop in target) && !prop.startsWith('_')) host().noteUnimplemented(`${className}.${prop} =`);
      return Reflect.set(target, prop, value, receiver);
    },
  });
}

/** Accepts any property write and method call on decorative objects (chart formatting, fonts) and logs it. */
export function recorder(ctx: RequestContext, log: (path: string, value: unknown) => void, path: string): unknown {
  const fn = function () {
    return undefined;
  };
  return new Proxy(fn, {
    get(_t, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === '$$typeof') return undefined;
      if (prop === 'load' || prop === 'track' || prop === 'untrack') return () => recorder(ctx, log, path);
      if (prop === 'toJSON') return () => ({});
      if (prop === 'isNullObject') return false;
      return recorder(ctx, log, path ? `${path}.${prop}` : prop);
    },
    set(_t, prop, value) {
      const at = `${path}.${String(prop)}`;
      ctx.queue({ kind: 'call', proxy: null, label: at, run: () => log(at, value), bytes: jsonBytes(value) });
      return true;
    },
    apply(_t, _this, args) {
      ctx.queue({ kind: 'call', proxy: null, label: `${path}()`, run: () => log(`${path}()`, args), bytes: jsonBytes(args) });
      return recorder(ctx, log, `${path}()`);
    },
  });
}
