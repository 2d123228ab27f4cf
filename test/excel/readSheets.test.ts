import { FakeWorkbook, MERGED_AREAS_LIMIT, type FakeValue } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { HostError } from '../../src/excel/errors';
import { parseAreasAddress } from '../../src/excel/readSheets';
import { RequestMeter } from '../../src/excel/requestMeter';

// A national-template form, cut down to what a read must carry: a merged title, label cells merged
// across, the funds block and indicator rows with the 一级指标 label merged down its rows.
function formRows(name: string, budget: number, actual: number): FakeValue[][] {
  return [
    ['项目支出绩效自评表', '', '', '', '', '', ''],
    ['项目名称', name, '', '', '', '', ''],
    ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率'],
    ['年度资金总额', '', budget, budget, actual, 10, actual / budget],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标(50分)', '数量指标', '培训人次', '≥200人次', '236人次', 25, 25],
    ['', '质量指标', '合格率', '≥95%', '97.5%', 25, 25],
  ];
}

/** Puts a form at `top` (1-based row) and merges its cells as officers' forms are merged. */
function putForm(wb: FakeWorkbook, sheet: string, top: number, name: string, budget = 100, actual = 90): void {
  wb.seed(sheet, `A${top}`, formRows(name, budget, actual));
  wb.merge(sheet, `A${top}:G${top}`);
  wb.merge(sheet, `B${top + 1}:G${top + 1}`);
  wb.merge(sheet, `A${top + 2}:B${top + 2}`);
  wb.merge(sheet, `A${top + 3}:B${top + 3}`);
  wb.merge(sheet, `A${top + 5}:A${top + 6}`);
}

describe('readSheets', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeWorkbook();
    uninstall = wb.install();
  });
  afterEach(() => uninstall());

  it('reads every sheet in workbook order with values, origin and merged areas (1-based)', async () => {
    wb.addSheet('封面');
    wb.addSheet('表1');
    wb.addSheet('空表');
    wb.addSheet('Form 2');
    wb.seed('封面', 'B3', [['2023年度项目支出绩效自评']]);
    putForm(wb, '表1', 1, '社区安全协管员补助经费', 175, 182);
    putForm(wb, 'Form 2', 4, '局机关建设经费', 21.8, 17.41);
    const sheets = await createExcelPort().readSheets!();
    expect(sheets.map((s) => s.name)).toEqual(['封面', '表1', '空表', 'Form 2']);
    expect(sheets[0]).toMatchObject({ origin: { row: 3, col: 2 }, grid: [['2023年度项目支出绩效自评']], merges: [] });
    expect(sheets[1].grid[1].slice(0, 2)).toEqual(['项目名称', '社区安全协管员补助经费']);
    expect(sheets[1].grid[3].slice(2, 5)).toEqual([175, 175, 182]);
    expect(sheets[1].merges).toEqual([
      { rowStart: 1, rowEnd: 1, colStart: 1, colEnd: 7 },
      { rowStart: 2, rowEnd: 2, colStart: 2, colEnd: 7 },
      { rowStart: 3, rowEnd: 3, colStart: 1, colEnd: 2 },
      { rowStart: 4, rowEnd: 4, colStart: 1, colEnd: 2 },
      { rowStart: 6, rowEnd: 7, colStart: 1, colEnd: 1 },
    ]);
    // The merged group label keeps its value top-left only, as Excel reports it.
    expect(sheets[1].grid[6][0]).toBe('');
    expect(sheets[2]).toMatchObject({ name: '空表', grid: [] });
    // A sheet name with a space is quoted in the RangeAreas address; the areas still come out.
    expect(sheets[3].origin).toEqual({ row: 4, col: 1 });
    expect(sheets[3].merges?.[4]).toEqual({ rowStart: 9, rowEnd: 10, colStart: 1, colEnd: 1 });
    expect(sheets[3].source).toEqual({ sheet: 'Form 2', kind: 'sheet' });
  });

  it('takes the sheets asked for, in that order, leaves the excluded out and names a missing one', async () => {
    for (const name of ['A', 'B', '绩效自评汇总']) {
      wb.addSheet(name);
      wb.seed(name, 'A1', [[name]]);
    }
    const port = createExcelPort();
    expect((await port.readSheets!({ exclude: ['绩效自评汇总'] })).map((s) => s.name)).toEqual(['A', 'B']);
    expect((await port.readSheets!({ sheets: ['b', 'A'] })).map((s) => s.name)).toEqual(['B', 'A']);
    await expect(port.readSheets!({ sheets: ['C'] })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('needs three round trips whether the workbook holds two forms or forty', async () => {
    const countFor = async (forms: number): Promise<number> => {
      const book = new FakeWorkbook();
      const off = book.install();
      try {
        for (let i = 0; i < forms; i++) {
          book.addSheet(`表${i + 1}`);
          putForm(book, `表${i + 1}`, 1, `项目${i + 1}`);
        }
        const meter = new RequestMeter();
        const sheets = await createExcelPort({ meter }).readSheets!();
        expect(sheets).toHaveLength(forms);
        expect(book.requests).toHaveLength(meter.count);
        return meter.count;
      } finally {
        off();
      }
    };
    expect(await countFor(2)).toBe(3);
    expect(await countFor(40)).toBe(3);
  });

  it('reads a sheet of stacked forms above the direct-read size in chunks under the byte budget, merges included', async () => {
    wb.addSheet('汇总表');
    const forms = 120;
    for (let i = 0; i < forms; i++) putForm(wb, '汇总表', 1 + i * 8, `项目${i + 1}-${'说明'.repeat(40)}`);
    const budget = 64 * 1024;
    const meter = new RequestMeter();
    const [sheet] = await createExcelPort({ meter, budget, directReadCells: 2000 }).readSheets!();
    expect(sheet.grid).toHaveLength(forms * 8 - 1);
    expect(sheet.grid[(forms - 1) * 8 + 1][1]).toMatch(/^项目120-/);
    // 600 merged areas: more than Excel lists at once, so they come in bands, none lost or doubled.
    expect(sheet.merges).toHaveLength(forms * 5);
    expect(forms * 5).toBeGreaterThan(MERGED_AREAS_LIMIT);
    expect(new Set(sheet.merges!.map((m) => `${m.rowStart}:${m.colStart}`)).size).toBe(forms * 5);
    expect(wb.largestResponseBytes).toBeLessThan(budget);
    expect(meter.requests.filter((r) => r.label.startsWith('read:chunk')).length).toBeGreaterThan(1);
  });

  it('falls back to reading sheet by sheet when the shared read is refused (too many merges on one sheet)', async () => {
    wb.addSheet('小表');
    wb.addSheet('多合并');
    putForm(wb, '小表', 1, '小项目');
    for (let i = 0; i < 600; i++) {
      wb.seed('多合并', `A${2 * i + 1}`, [[`标签${i + 1}`, '', '值']]);
      wb.merge('多合并', `A${2 * i + 1}:B${2 * i + 1}`);
    }
    const sheets = await createExcelPort().readSheets!();
    expect(sheets[0].merges).toHaveLength(5);
    expect(sheets[1].merges).toHaveLength(600);
    expect(sheets[1].grid[1198].slice(0, 3)).toEqual(['标签600', '', '值']);
  });

  it('reads without merges where Excel lacks ExcelApi 1.13, and no request fails', async () => {
    const old = new FakeWorkbook({ apiVersion: '1.12' });
    uninstall();
    uninstall = old.install();
    old.addSheet('表1');
    putForm(old, '表1', 1, '项目');
    const [sheet] = await createExcelPort().readSheets!();
    expect(sheet.merges).toBeUndefined();
    expect(sheet.grid[1][1]).toBe('项目');
  });

  it('refuses a sheet beyond 5 million cells by name, with the add-in error', async () => {
    wb.addSheet('巨表');
    wb.seed('巨表', 'A1', [['x']]);
    wb.seed('巨表', 'Z300000', [['y']]);
    const failure = await createExcelPort().readSheets!().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect(failure).toMatchObject({ code: 'too_many_cells' });
    expect((failure as Error).message).toContain('巨表');
  });
});

describe('parseAreasAddress', () => {
  it('reads plain, quoted and absolute areas', () => {
    expect(parseAreasAddress("Sheet1!A1:B4, 'My, Sheet'!$D$1:$D$4,Sheet1!C7")).toEqual([
      { rowStart: 1, rowEnd: 4, colStart: 1, colEnd: 2 },
      { rowStart: 1, rowEnd: 4, colStart: 4, colEnd: 4 },
      { rowStart: 7, rowEnd: 7, colStart: 3, colEnd: 3 },
    ]);
  });
});
