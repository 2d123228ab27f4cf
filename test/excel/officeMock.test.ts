// The adapter against office-addin-mock: the mock has no collections, events or conditional
// formats, so these tests cover the paths it can seed (used range reads, settings); the rest runs
// on the fake in test/support/fakeExcel.ts.
import { OfficeMockObject } from 'office-addin-mock';
import { createExcelPort } from '../../src/excel/officePort';
import { SETTINGS_KEY } from '../../src/excel/settings';
import type { Settings } from '../../src/engine/port';

type Grid = (string | number)[][];

function excelMock(sheetName: string, top: number, left: number, values: Grid): { mock: OfficeMockObject; syncs: () => number } {
  let syncs = 0;
  const usedRange = {
    address: `${sheetName}!X`,
    rowIndex: top,
    columnIndex: left,
    rowCount: values.length,
    columnCount: values[0].length,
    values,
  };
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: sheetName,
            id: '{S1}',
            usedRange,
            getUsedRangeOrNullObject(): unknown {
              return (this as { usedRange: unknown }).usedRange;
            },
            getRangeByIndexes(r: number, c: number, rows: number, cols: number): unknown {
              const self = this as { usedRange: unknown };
              // Only the used range is seeded: the adapter must ask for exactly that block.
              if (r !== top || c !== left || rows !== values.length || cols !== values[0].length) throw new Error('unexpected block');
              return self.usedRange;
            },
          },
          getActiveWorksheet(): unknown {
            return (this as { sheet: unknown }).sheet;
          },
          getItem(): unknown {
            return (this as { sheet: unknown }).sheet;
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      const context = (this as { context: { sync: () => Promise<void> } }).context;
      const sync = context.sync.bind(context);
      context.sync = async () => {
        syncs++;
        await sync();
      };
      return callback(context);
    },
  });
  return { mock, syncs: () => syncs };
}

describe('adapter on office-addin-mock', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  it('reads a sheet with a title row, a unit row and a merged two-row header in one values round trip', async () => {
    const values: Grid = [
      ['部门预算项目支出绩效自评表（2018年度）', '', '', ''],
      ['单位：万元', '', '', ''],
      ['项目名称', '项目资金（万元）', '', '总分'],
      ['', '全年预算数', '全年执行数', ''],
      ['安全生产责任经费', 305.5, 271.46, 90],
      ['社区安全协管员补助经费', 175, 182, 100],
    ];
    const { mock, syncs } = excelMock('自评表', 0, 0, values);
    g.Excel = mock;
    const data = await createExcelPort().readSource({ scope: 'sheet' });
    expect(data.name).toBe('自评表');
    expect(data.origin).toEqual({ row: 1, col: 1 });
    expect(data.grid).toEqual(values);
    expect(syncs()).toBe(2);
  });

  it('gives the origin of a table starting at B2 from rowIndex/columnIndex', async () => {
    const values: Grid = [
      ['项目名称', '全年预算数', '全年执行数'],
      ['保障安全生产专项经费', 40, 35.5],
    ];
    const { mock } = excelMock('Sheet1', 1, 1, values);
    g.Excel = mock;
    const data = await createExcelPort().readSource({ scope: 'sheet' });
    expect(data.origin).toEqual({ row: 2, col: 2 });
    expect(data.grid[1]).toEqual(['保障安全生产专项经费', 40, 35.5]);
  });

  it('round-trips settings through workbook settings, JSON under one key', async () => {
    const store: Record<string, unknown> = {};
    let saves = 0;
    g.Office = new OfficeMockObject({
      context: {
        document: {
          settings: {
            get: (key: string) => (key in store ? store[key] : null),
            set: (key: string, value: unknown) => {
              store[key] = value;
            },
            saveAsync: (cb: (r: { status: string }) => void) => {
              saves++;
              cb({ status: 'succeeded' });
            },
          },
        },
      },
    });
    const port = createExcelPort();
    expect(await port.loadSettings()).toBeNull();
    const settings: Settings = {
      version: 1,
      sheet: '自评表',
      schemeId: 'wuhan2018',
      band: { low: 0.85, high: 1 },
      override: { headerRow: 3, columns: { budget: 2, actual: 3, explanation: null }, unit: '万元' },
      autoRefresh: true,
      summarySheet: '绩效自评汇总',
    };
    await port.saveSettings(settings);
    expect(saves).toBe(1);
    expect(typeof store[SETTINGS_KEY]).toBe('string');
    expect(await port.loadSettings()).toEqual(settings);
  });
});
