import { largestSync, useFakeExcel, withFakeExcel } from '../support/excelHost';
import type { SeedCell, SeedSheet } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import { HostError } from '../../src/excel/errors';
import { SEED_PROJECTS } from './summaryFixture';

// 200k-row workbooks take seconds on the fake host.
jest.setTimeout(60_000);

const PAYLOAD_LIMIT = 5 * 1024 * 1024;

// The seed sheet as officers type it: a merged title, a unit row, a two-row header with a merged
// group cell ("项目资金（万元）" over 全年预算数 / 全年执行数); merged cells keep their value top-left.
const TITLE: SeedCell[][] = [
  ['部门预算项目支出绩效自评表（2018年度）', '', '', '', ''],
  ['单位：万元', '', '', '', ''],
  ['序号', '项目名称', '项目资金（万元）', '', '总分'],
  ['', '', '全年预算数', '全年执行数', ''],
];
const SEED_ROWS: SeedCell[][] = SEED_PROJECTS.map((p, i) => [i + 1, p.name, p.budget, p.actual, null]);

/** The sheet 自评表 with these cells (and blocks, tables), and the other sheets given. */
function sourceSheet(rows: SeedCell[][], more: Partial<SeedSheet> = {}): SeedSheet {
  return { name: '自评表', rows, ...more };
}

describe('readSource', () => {
  const host = useFakeExcel(() => ({ sheets: [sourceSheet([])] }));
  const reinstall = (...sheets: SeedSheet[]) => host.reinstall({ sheets });

  it('reads the used range with title rows and a merged header in two round trips after none selected', async () => {
    const controls = reinstall(sourceSheet([...TITLE, ...SEED_ROWS]));
    controls.select('自评表', 'A1');
    const port = createExcelPort();
    const data = await port.readSource({ scope: 'auto' });
    expect(data.name).toBe('自评表');
    expect(data.origin).toEqual({ row: 1, col: 1 });
    expect(data.grid[0][0]).toBe('部门预算项目支出绩效自评表（2018年度）');
    expect(data.grid[2]).toEqual(['序号', '项目名称', '项目资金（万元）', '', '总分']);
    expect(data.grid[3].slice(2, 4)).toEqual(['全年预算数', '全年执行数']);
    expect(data.grid[4]).toEqual([1, '安全生产责任经费', 305.5, 271.46, '']);
    expect(data.grid).toHaveLength(11);
    expect(data.source).toEqual({ sheet: '自评表', kind: 'sheet' });
    expect(controls.state().syncs).toHaveLength(2);
  });

  it('reads the Excel table the selection is in, with its origin (table at B2)', async () => {
    const controls = reinstall(
      sourceSheet([['这张表的说明']], {
        blocks: [
          { origin: 'B2', rows: [['项目名称', '全年预算数', '全年执行数'], ...SEED_ROWS.map((r) => r.slice(1, 4))] },
          { origin: 'H20', rows: [['别处的备注']] },
        ],
        tables: [{ name: 'Projects', address: 'B2:D9' }],
      }),
    );
    controls.select('自评表', 'C4');
    const data = await createExcelPort().readSource();
    expect(data.origin).toEqual({ row: 2, col: 2 });
    expect(data.grid[0]).toEqual(['项目名称', '全年预算数', '全年执行数']);
    expect(data.grid[7]).toEqual(['社区安全协管员补助经费', 175, 182]);
    expect(data.grid).toHaveLength(8);
    expect(data.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });
    // selection and its tables, the table's range, its values
    expect(controls.state().syncs).toHaveLength(3);
  });

  it('reads the selection when it is larger than one cell, clipped to the used range for whole columns', async () => {
    const controls = reinstall(sourceSheet([...TITLE, ...SEED_ROWS]));
    controls.select('自评表', 'B3:D6');
    let data = await createExcelPort().readSource();
    expect(data.origin).toEqual({ row: 3, col: 2 });
    expect(data.grid).toHaveLength(4);
    expect(data.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'B3:D6' });
    controls.select('自评表', 'B:D');
    data = await createExcelPort().readSource();
    expect(data.origin).toEqual({ row: 1, col: 2 });
    expect(data.grid).toHaveLength(11);
    expect(data.grid[0]).toHaveLength(3);
    expect(data.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'B1:D11' });
  });

  it('reports a selection of the whole used range as the sheet', async () => {
    reinstall(sourceSheet([...TITLE, ...SEED_ROWS])).select('自评表', 'A:E');
    const data = await createExcelPort().readSource();
    expect(data.grid).toHaveLength(11);
    expect(data.source).toEqual({ sheet: '自评表', kind: 'sheet' });
  });

  it("reads the whole used range with scope 'sheet' or a named sheet that is not active", async () => {
    reinstall(sourceSheet([['项目', '预算'], ['甲', 1]], { origin: 'C3' }), { name: 'Other', rows: [] }).select('Other', 'A1:B2');
    const data = await createExcelPort().readSource({ sheet: '自评表' });
    expect(data).toEqual({
      name: '自评表',
      grid: [['项目', '预算'], ['甲', 1]],
      origin: { row: 3, col: 3 },
      source: { sheet: '自评表', kind: 'sheet' },
    });
  });

  it('falls back to the used range when the selection has several areas', async () => {
    reinstall(sourceSheet([...TITLE, ...SEED_ROWS])).select('自评表', 'B3:C4,E7:E8');
    const data = await createExcelPort().readSource();
    expect(data.grid).toHaveLength(11);
    expect(data.source?.kind).toBe('sheet');
  });

  it('returns an empty grid for an empty sheet, and not_found for a missing sheet', async () => {
    expect(await createExcelPort().readSource()).toEqual({
      name: '自评表',
      grid: [],
      origin: { row: 1, col: 1 },
      source: { sheet: '自评表', kind: 'sheet' },
    });
    const err = await createExcelPort().readSource({ sheet: 'Nope' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('not_found');
  });

  it('refuses more than 5 million cells before loading any values', async () => {
    const controls = reinstall(sourceSheet([['x']], { blocks: [{ origin: 'Z200001', rows: [['y']] }] }));
    const err = await createExcelPort().readSource({ scope: 'sheet' }).catch((e: unknown) => e);
    expect((err as HostError).code).toBe('too_many_cells');
    expect(largestSync(controls, 'responseBytes')).toBeLessThan(1000);
  });
});

describe('readSource of a source read before', () => {
  const TABLE_HEADER: SeedCell[] = ['项目名称', '全年预算数', '全年执行数'];
  const NOTES: SeedSheet = { name: '说明', rows: [] };
  const host = useFakeExcel(() => ({ sheets: [sourceSheet([]), NOTES] }));
  const reinstall = (sheet: SeedSheet) => host.reinstall({ sheets: [sheet, NOTES] });
  const projectsTable = { origin: 'B2', rows: [TABLE_HEADER, ...SEED_ROWS.map((r) => r.slice(1, 4))] };

  it('re-reads a table by name and picks up a row added to it, whatever is selected now', async () => {
    const controls = reinstall(sourceSheet([['这张表的说明']], { blocks: [projectsTable], tables: [{ name: 'Projects', address: 'B2:D9' }] }));
    controls.select('自评表', 'C4');
    const port = createExcelPort();
    const first = await port.readSource({ scope: 'auto' });
    expect(first.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });

    // Typed right under the table, which takes the row in.
    controls.edit('自评表', 'B10', [['新增项目', 50, 45]]);
    controls.select('说明', 'A1:C3');
    const requestsBefore = controls.state().syncs.length;
    const again = await port.readSource({ source: first.source });
    expect(again.origin).toEqual({ row: 2, col: 2 });
    expect(again.grid).toHaveLength(9);
    expect(again.grid[8]).toEqual(['新增项目', 50, 45]);
    expect(again.grid[0]).toEqual(TABLE_HEADER);
    expect(again.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });
    // table, its range, its values
    expect(controls.state().syncs.length - requestsBefore).toBe(3);
  });

  it('falls back to the sheet’s used range, reported as the sheet, when the table is gone', async () => {
    const controls = reinstall(sourceSheet([], { blocks: [projectsTable, { origin: 'F12', rows: [['备注']] }], tables: [{ name: 'Projects', address: 'B2:D9' }] }));
    controls.convertTableToRange('Projects');
    const data = await createExcelPort().readSource({ source: { sheet: '自评表', kind: 'table', table: 'Projects' } });
    expect(data.source).toEqual({ sheet: '自评表', kind: 'sheet' });
    expect(data.origin).toEqual({ row: 2, col: 2 });
    expect(data.grid).toHaveLength(11);
    expect(data.grid[10][4]).toBe('备注');
  });

  it('re-reads a selection with its columns, grown down to the used range’s last row', async () => {
    const controls = reinstall(sourceSheet([...TITLE, ...SEED_ROWS]));
    controls.select('自评表', 'B3:D9');
    const port = createExcelPort();
    const first = await port.readSource();
    expect(first.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'B3:D9' });
    expect(first.grid).toHaveLength(7);

    controls.edit('自评表', 'A12', [[8, '新增项目', 50, 45, 88]]);
    controls.select('自评表', 'A1');
    const again = await port.readSource({ source: first.source });
    expect(again.origin).toEqual({ row: 3, col: 2 });
    // rows 3–12: the seven read first (3–9), the seed's rows 10–11 under them, the new row 12
    expect(again.grid).toHaveLength(10);
    expect(again.grid[9]).toEqual(['新增项目', 50, 45]);
    expect(again.grid.every((row) => row.length === 3)).toBe(true);
    expect(again.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'B3:D9' });
  });

  it('keeps the selection’s rows when the used range ends above it, and reads the sheet for a sheet source', async () => {
    const controls = reinstall(sourceSheet([['项目', '预算'], ['甲', 1]], { origin: 'C3' }));
    const port = createExcelPort();
    const selection = await port.readSource({ source: { sheet: '自评表', kind: 'selection', address: 'C3:D6' } });
    expect(selection.origin).toEqual({ row: 3, col: 3 });
    expect(selection.grid).toEqual([['项目', '预算'], ['甲', 1], ['', ''], ['', '']]);
    controls.select('自评表', 'C3:C4');
    const sheet = await port.readSource({ source: { sheet: '自评表', kind: 'sheet' } });
    expect(sheet.grid).toEqual([['项目', '预算'], ['甲', 1]]);
    expect(sheet.source).toEqual({ sheet: '自评表', kind: 'sheet' });
  });

  it('reads an empty grid for a selection on a sheet emptied since, and not_found for a sheet gone', async () => {
    const source = { sheet: '自评表', kind: 'selection', address: 'B3:D9' } as const;
    const empty = await createExcelPort().readSource({ source });
    expect(empty.grid).toEqual([]);
    expect(empty.source).toEqual(source);
    const err = await createExcelPort()
      .readSource({ source: { ...source, sheet: 'Nope' } })
      .catch((e: unknown) => e);
    expect((err as HostError).code).toBe('not_found');
  });
});

describe('readSource of 200,000 rows', () => {
  it('reads in chunks sized by bytes, every request and response under 5 MB', async () => {
    const rows: SeedCell[][] = [['项目名称', '全年预算数', '全年执行数', '偏差原因分析及改进措施']];
    for (let i = 0; i < 200_000; i++) rows.push([`项目${i + 1}`, 100 + (i % 7), 90 + (i % 11), i % 10 === 0 ? '受疫情影响，部分采购延后至下一年度执行' : '']);
    await withFakeExcel({ sheets: [{ name: 'Big', rows }] }, async (controls) => {
      const port = createExcelPort();
      const stages: number[] = [];
      const data = await port.readSource({ scope: 'sheet' }, { onProgress: (p) => stages.push(p.done) });
      expect(data.grid).toHaveLength(200_001);
      expect(data.grid[200_000]).toEqual(['项目200000', 100 + (199_999 % 7), 90 + (199_999 % 11), '']);
      expect(data.grid[1][3]).toBe('受疫情影响，部分采购延后至下一年度执行');
      const syncs = controls.state().syncs;
      const responses = syncs.map((r) => r.responseBytes);
      expect(Math.max(...responses)).toBeLessThan(PAYLOAD_LIMIT);
      expect(Math.max(...syncs.map((r) => r.requestBytes))).toBeLessThan(PAYLOAD_LIMIT);
      const total = responses.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(PAYLOAD_LIMIT);
      // meta + sample + chunks: about one chunk per 4 MB.
      expect(syncs.length).toBeLessThanOrEqual(2 + Math.ceil(total / (2 * 1024 * 1024)));
      expect(stages[stages.length - 1]).toBe(200_001);
    });
  });

  it('halves a chunk when the sample underestimated its rows', async () => {
    const rows: SeedCell[][] = [];
    for (let i = 0; i < 30_000; i++) rows.push([`p${i}`, i < 20_000 ? 1 : '长'.repeat(300)]);
    await withFakeExcel({ sheets: [{ name: 'Skewed', rows }] }, async (controls) => {
      const data = await createExcelPort().readSource({ scope: 'sheet' });
      expect(data.grid).toHaveLength(30_000);
      expect(data.grid[29_999][1]).toBe('长'.repeat(300));
      const failed = controls.state().syncs.filter((r) => r.error === 'ResponsePayloadSizeLimitExceeded');
      expect(failed.length).toBeGreaterThan(0);
    });
  });
});
