// Counts the round trips the adapter makes and the approximate bytes each one carries (the values,
// formats and formulas queued before it, and the values loaded by it). Used by tests and the bench.

export interface RequestRecord {
  /** What the adapter was doing, e.g. "write:chunk". */
  label: string;
  requestBytes: number;
  responseBytes: number;
}

export interface SyncableContext {
  sync(): Promise<unknown>;
}

export class RequestMeter {
  readonly requests: RequestRecord[] = [];
  private pendingBytes = 0;

  /** Notes bytes queued for the next sync. */
  queue(bytes: number): void {
    this.pendingBytes += bytes;
  }

  /** Syncs the context and records the request. `measureResponse` runs after the sync. */
  async sync(context: SyncableContext, label: string, measureResponse?: () => number): Promise<void> {
    const requestBytes = this.pendingBytes;
    this.pendingBytes = 0;
    await context.sync();
    this.requests.push({ label, requestBytes, responseBytes: measureResponse ? measureResponse() : 0 });
  }

  get count(): number {
    return this.requests.length;
  }

  get largestRequestBytes(): number {
    return this.requests.reduce((max, r) => Math.max(max, r.requestBytes), 0);
  }

  get largestResponseBytes(): number {
    return this.requests.reduce((max, r) => Math.max(max, r.responseBytes), 0);
  }

  reset(): void {
    this.requests.length = 0;
    this.pendingBytes = 0;
  }
}
