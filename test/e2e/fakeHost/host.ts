// The state of the fake host shared by the Office and Excel namespaces and by the test's controls.
import type { FakeSeed, SyncRecord } from './seedTypes';
import { WorkbookModel } from './model';

export interface EventRegistration {
  id: number;
  kind: 'sheetChanged' | 'worksheetsChanged' | 'tableChanged' | 'tablesChanged' | 'other';
  targetId: string;
  handler: (args: unknown) => unknown;
}

export interface PendingFailure {
  code: string;
  onlyIfWrites: boolean;
  message?: string;
  /**
   * The command refused, e.g. "Range.values": the commands queued before it in its request run, it and
   * the rest do not, as Excel stops a request at the first command it refuses. Absent: the whole request
   * is refused before any of it runs.
   */
  atCommand?: string;
}

const DEFAULT_SETS: Record<string, string> = {
  ExcelApi: '1.17',
  ExcelApiOnline: '1.1',
  SharedRuntime: '1.1',
  DialogApi: '1.2',
  RibbonApi: '1.1',
  AddinCommands: '1.1',
  IdentityAPI: '1.3',
};

export class FakeHost {
  readonly wb: WorkbookModel;
  readonly sets: Record<string, string>;
  readonly syncs: SyncRecord[] = [];
  readonly unimplemented: string[] = [];
  readonly problems: string[] = [];
  readonly failures: PendingFailure[] = [];
  readonly registrations: EventRegistration[] = [];
  readonly eventLog: { address: string; sheet: string; triggerSource: string | undefined; delivered: number }[] = [];
  nextRegistration = 1;
  /** Event deliveries not yet handled (events.ts). */
  readonly deliveries = new Set<Promise<void>>();
  /** saveAsync calls still to fail (document settings), set by failSettingsSave(). */
  settingsSaveFailures = 0;
  readonly latencyMs: number;
  readonly payloadLimit: number;

  constructor(readonly seed: FakeSeed) {
    this.wb = WorkbookModel.fromSeed(seed);
    this.sets = { ...DEFAULT_SETS, ...(seed.supportedSets ?? {}) };
    if (seed.supportedSets) {
      for (const name of Object.keys(DEFAULT_SETS)) if (!(name in seed.supportedSets)) delete this.sets[name];
    }
    this.latencyMs = seed.latencyMs ?? 5;
    this.payloadLimit = seed.payloadLimit ?? 5 * 1024 * 1024;
  }

  isSetSupported(name: string, minVersion?: string | number): boolean {
    const have = this.sets[name];
    if (have === undefined) return false;
    if (minVersion === undefined || minVersion === '') return true;
    return compareVersions(have, String(minVersion)) >= 0;
  }

  noteUnimplemented(what: string): void {
    if (!this.unimplemented.includes(what)) {
      this.unimplemented.push(what);
      console.error(`[fakeExcel] not implemented: ${what}`);
    }
  }

  noteProblem(what: string): void {
    this.problems.push(what);
    console.error(`[fakeExcel] problem: ${what}`);
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

let current: FakeHost | null = null;

export function setHost(host: FakeHost | null): void {
  current = host;
}

/** The installed host, or null: a second host installed in Node puts the first one back when removed. */
export function installedHost(): FakeHost | null {
  return current;
}

export function host(): FakeHost {
  if (!current) throw new Error('fake host not installed');
  return current;
}
