// The fake Excel host (test/e2e/fakeHost, through its Node entry) for jest: installed before each test of
// a block and removed after it, or for the span of one function; and reading a cell by 0-based position.
import { columnLetters } from '../e2e/fakeHost/addresses';
import { installFakeExcelInNode, type CellSnapshot, type FakeExcelControls, type FakeSeed, type InstalledFakeExcel } from '../e2e/fakeHost/node';

export interface FakeExcelHandle {
  /** The controls of the host installed for the running test. */
  readonly controls: FakeExcelControls;
  /** Replaces the running test's host with one built from `seed`. */
  reinstall(seed: FakeSeed): FakeExcelControls;
}

/** Installs a host built from `seed()` before each test of the enclosing block, removes it after. */
export function useFakeExcel(seed: () => FakeSeed): FakeExcelHandle {
  let fake: InstalledFakeExcel | null = null;
  beforeEach(() => {
    fake = installFakeExcelInNode(seed());
  });
  afterEach(() => {
    fake?.uninstall();
    fake = null;
  });
  return {
    get controls(): FakeExcelControls {
      if (!fake) throw new Error('no fake Excel host installed outside a test');
      return fake.controls;
    },
    reinstall(next: FakeSeed): FakeExcelControls {
      fake?.uninstall();
      fake = installFakeExcelInNode(next);
      return fake.controls;
    },
  };
}

/** Runs `body` on a host of its own (a test comparing two workbooks), removed afterwards. */
export async function withFakeExcel<T>(seed: FakeSeed, body: (controls: FakeExcelControls) => Promise<T>): Promise<T> {
  const fake = installFakeExcelInNode(seed);
  try {
    return await body(fake.controls);
  } finally {
    fake.uninstall();
  }
}

/** A1 address of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The cell at a 0-based row and column: value, formula, number format. */
export function cellAt(controls: FakeExcelControls, sheet: string, row: number, col: number): CellSnapshot {
  return controls.cells(sheet, a1(row, col))[0][0];
}

/** The largest request or response the host received or sent, in bytes. */
export function largestSync(controls: FakeExcelControls, side: 'requestBytes' | 'responseBytes'): number {
  return Math.max(0, ...controls.state().syncs.map((s) => s[side]));
}
