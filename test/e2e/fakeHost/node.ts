// The fake Excel host in Node (jest, benches): the same host the browser tests load as office.js,
// installed on globalThis. Syncs take no time unless the seed says so.
import { installFakeExcel, type FakeExcelControls } from './install';
import { installedHost, setHost } from './host';
import type { FakeSeed } from './seedTypes';

export type { FakeExcelControls } from './install';
export type { CellSnapshot, FakeSeed, SeedCell, SeedSheet } from './seedTypes';

export interface InstalledFakeExcel {
  controls: FakeExcelControls;
  /** Puts back what Office, Excel and OfficeExtension were before. */
  uninstall(): void;
}

const GLOBALS = ['Office', 'Excel', 'OfficeExtension'] as const;

export function installFakeExcelInNode(seed: FakeSeed): InstalledFakeExcel {
  const target = globalThis as unknown as Record<string, unknown>;
  const before = new Map(GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(target, name)]));
  const hostBefore = installedHost();
  const controls = installFakeExcel(target, { latencyMs: 0, ...seed });
  return {
    controls,
    uninstall() {
      for (const [name, descriptor] of before) {
        if (descriptor) Object.defineProperty(target, name, descriptor);
        else delete target[name];
      }
      setHost(hostBefore);
    },
  };
}
