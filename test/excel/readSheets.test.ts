import { largestSync, useFakeExcel, withFakeExcel } from '../support/excelHost';
import { MAX_MERGED_AREAS } from '../e2e/fakeHost/rangeAreas';
import type { FakeSeed, SeedCell, SeedSheet } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import { HostError } from '../../src/excel/errors';
import { parseAreasAddress } from '../../src/excel/readSheets';
import { RequestMeter } from '../../src/excel/requestMeter';

// A national-template form, cut down to what a read must carry: a merged title, label cells merged
// across, the funds block and indicator rows with the 一级指标 label merged down its rows.
function formRows(name: string, budget: number, actual: number): SeedCell[][] {
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

/** A form at `top` (1-based row), its cells merged as officers' forms are merged. */
function form(top: number, name: string, budget = 100, actual = 90): { block: { origin: string; rows: SeedCell[][] }; merges: string[] } {
  return {
    block: { origin: `A${top}`, rows: formRows(name, budget, actual) },
    merges: [`A${top}:G${top}`, `B${top + 1}:G${top + 1}`, `A${top + 2}:B${top + 2}`, `A${top + 3}:B${top + 3}`, `A${top + 5}:A${top + 6}`],
  };
}

/** A sheet holding these forms. */
function formSheet(name: string, forms: ReturnType<typeof form>[]): SeedSheet {
  return { name, rows: [], blocks: forms.map((f) => f.block), merges: forms.flatMap((f) => f.merges) };
}

describe('readSheets', () => {
  const host = useFakeExcel(() => ({ sheets: [{ name: 'Sheet1', rows: [] }] }));
  const reinstall = (...sheets: SeedSheet[]) => host.reinstall({ sheets });

  it('reads every sheet in workbook order with values, origin and merged areas (1-based)', async () => {
    reinstall(
      { name: '封面', rows: [['2023年度项目支出绩效自评']], origin: 'B3' },
      formSheet('表1', [form(1, '社区安全协管员补助经费', 175, 182)]),
      { name: '空表', rows: [] },
      formSheet('Form 2', [form(4, '局机关建设经费', 21.8, 17.41)]),
    );
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
    reinstall(...['A', 'B', '绩效自评汇总'].map((name) => ({ name, rows: [[name]] })));
    const port = createExcelPort();
    expect((await port.readSheets!({ exclude: ['绩效自评汇总'] })).map((s) => s.name)).toEqual(['A', 'B']);
    expect((await port.readSheets!({ sheets: ['b', 'A'] })).map((s) => s.name)).toEqual(['B', 'A']);
    await expect(port.readSheets!({ sheets: ['C'] })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('needs three round trips whether the workbook holds two forms or forty', async () => {
    const countFor = (forms: number): Promise<number> => {
      const seed: FakeSeed = { sheets: Array.from({ length: forms }, (_, i) => formSheet(`表${i + 1}`, [form(1, `项目${i + 1}`)])) };
      return withFakeExcel(seed, async (controls) => {
        const meter = new RequestMeter();
        const sheets = await createExcelPort({ meter }).readSheets!();
        expect(sheets).toHaveLength(forms);
        expect(controls.state().syncs).toHaveLength(meter.count);
        return meter.count;
      });
    };
    expect(await countFor(2)).toBe(3);
    expect(await countFor(40)).toBe(3);
  });

  it('reads a sheet of stacked forms above the direct-read size in chunks under the byte budget, merges included', async () => {
    const forms = 120;
    const controls = reinstall(formSheet('汇总表', Array.from({ length: forms }, (_, i) => form(1 + i * 8, `项目${i + 1}-${'说明'.repeat(40)}`))));
    const budget = 64 * 1024;
    const meter = new RequestMeter();
    const [sheet] = await createExcelPort({ meter, budget, directReadCells: 2000 }).readSheets!();
    expect(sheet.grid).toHaveLength(forms * 8 - 1);
    expect(sheet.grid[(forms - 1) * 8 + 1][1]).toMatch(/^项目120-/);
    // 600 merged areas: more than Excel lists at once, so they come in bands, none lost or doubled.
    expect(sheet.merges).toHaveLength(forms * 5);
    expect(forms * 5).toBeGreaterThan(MAX_MERGED_AREAS);
    expect(new Set(sheet.merges!.map((m) => `${m.rowStart}:${m.colStart}`)).size).toBe(forms * 5);
    expect(largestSync(controls, 'responseBytes')).toBeLessThan(budget);
    expect(meter.requests.filter((r) => r.label.startsWith('read:chunk')).length).toBeGreaterThan(1);
  });

  it('falls back to reading sheet by sheet when the shared read is refused (too many merges on one sheet)', async () => {
    const labels: SeedSheet = { name: '多合并', rows: [], blocks: [], merges: [] };
    for (let i = 0; i < 600; i++) {
      labels.blocks!.push({ origin: `A${2 * i + 1}`, rows: [[`标签${i + 1}`, '', '值']] });
      labels.merges!.push(`A${2 * i + 1}:B${2 * i + 1}`);
    }
    reinstall(formSheet('小表', [form(1, '小项目')]), labels);
    const sheets = await createExcelPort().readSheets!();
    expect(sheets[0].merges).toHaveLength(5);
    expect(sheets[1].merges).toHaveLength(600);
    expect(sheets[1].grid[1198].slice(0, 3)).toEqual(['标签600', '', '值']);
  });

  it('reads without merges where Excel lacks ExcelApi 1.13, and no request fails', async () => {
    const controls = host.reinstall({ sheets: [formSheet('表1', [form(1, '项目')])], supportedSets: { ExcelApi: '1.12' } });
    const [sheet] = await createExcelPort().readSheets!();
    expect(sheet.merges).toBeUndefined();
    expect(sheet.grid[1][1]).toBe('项目');
    expect(controls.state().syncs.filter((s) => s.error)).toEqual([]);
  });

  it('refuses a sheet beyond 5 million cells by name, with the add-in error', async () => {
    reinstall({ name: '巨表', rows: [['x']], blocks: [{ origin: 'Z300000', rows: [['y']] }] });
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
