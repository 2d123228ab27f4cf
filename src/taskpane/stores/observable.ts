// A snapshot that React reads with useSyncExternalStore: replaced, never mutated, on every change, and
// the listeners told. The pane's controller, run session and stores each keep their state in one.
export class Observable<S extends object> {
  private state: S;
  private readonly listeners = new Set<() => void>();

  constructor(initial: S) {
    this.state = initial;
  }

  get = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Takes the patch's fields; a new snapshot, and the listeners told, only when one of them changed. */
  patch(patch: Partial<S>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as (keyof S)[]).some((key) => next[key] !== this.state[key]);
    if (changed) this.replace(next);
  }

  replace(next: S): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /** Forgets every listener (the owner is disposed). */
  clear(): void {
    this.listeners.clear();
  }
}
