// Entry of the fake office.js in the browser: builds the host from window.__fakeExcelSeed, installs Office,
// Excel and OfficeExtension on window and the test's controls as window.__fakeExcel.
import { installFakeExcel } from './install';
import type { FakeSeed } from './seedTypes';

const globalObject = window as unknown as Record<string, unknown>;
const seed = (globalObject.__fakeExcelSeed as FakeSeed | undefined) ?? { sheets: [{ name: 'Sheet1', rows: [] }] };
globalObject.__fakeExcel = installFakeExcel(globalObject, seed);

export type { FakeExcelControls } from './install';
