import fc from 'fast-check';
import { detectHeader } from '../../src/engine/headers';
import { extractTable, totalKind } from '../../src/engine/rows';
import type { CellValue, ColumnMapping, Grid, HeaderDetection, Role } from '../../src/engine/types';
import { SEED_ROWS } from '../support/seed';

/** A detection built by hand, so these tests do not depend on header detection. */
function detection(headerRow: number, columns: Partial<Record<Role, number>>): HeaderDetection {
  const mapping: ColumnMapping = {};
  for (const [role, column] of Object.entries(columns)) {
    mapping[role as Role] = { column, header: role, confidence: 1 };
  }
  return { headerStart: headerRow, headerRow, headers: [], mapping, unit: null, missing: [] };
}

const SEED = SEED_ROWS;

describe('totalKind', () => {
  test.each<[string, 'grand' | 'sub' | null]>([
    ['合计', 'grand'],
    ['合 计', 'grand'],
    ['合\u3000计', 'grand'],
    ['  总计  ', 'grand'],
    ['共计', 'grand'],
    ['小计', 'sub'],
    ['合计：', 'grand'],
    ['合计:', 'grand'],
    ['合计（万元）', 'grand'],
    ['合计(万元)', 'grand'],
    ['小计【专项】', 'sub'],
    ['总计[2023]', 'grand'],
    ['Total', 'grand'],
    ['TOTAL', 'grand'],
    ['total:', 'grand'],
    ['Grand total', 'grand'],
    ['Grand Total (10k yuan)', 'grand'],
    ['Subtotal', 'sub'],
    ['Sub total', 'sub'],
    ['SUBTOTAL:', 'sub'],
    ['ＴＯＴＡＬ', 'grand'],
    ['Ｓｕｂ－ｔｏｔａｌ：', 'sub'],
    ['总计划编制', null],
    ['Total quality audit', null],
    ['合计划生育补助', null],
    ['小计量器具检定', null],
    ['共计算机采购', null],
    ['安全生产责任经费', null],
    ['一、专项业务费', null],
    ['', null],
    ['totally new', null],
  ])('%p → %p', (name, kind) => {
    expect(totalKind(name)).toBe(kind);
  });
});

describe('extractTable on the seed layout', () => {
  const grid: Grid = [
    ['2018年度项目支出绩效自评表', null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, '单位：万元'],
    ['序号', '项目名称', '预算数', '实际执行数', '经费使用率', '产出绩效(50分)', '效益绩效(50分)', '总绩效'],
    ...SEED.map(([name, b, a, rate, o, e, t], i): CellValue[] => [i + 1, name, b, a, rate, o, e, t]),
    ['合计', null, 918.45, 725.45, null, null, null, null],
  ];
  const table = extractTable(
    grid,
    detection(2, { project: 1, budget: 2, actual: 3, statedRate: 4, output: 5, benefit: 6, total: 7 }),
  );

  test('finds the seven projects with their numbers', () => {
    expect(table.projects.map((p) => p.name)).toEqual(SEED.map((s) => s[0]));
    expect(table.projects.map((p) => p.budget.value)).toEqual(SEED.map((s) => s[1]));
    expect(table.projects.map((p) => p.actual.value)).toEqual(SEED.map((s) => s[2]));
    expect(table.projects.map((p) => p.output.value)).toEqual(SEED.map((s) => s[4]));
    expect(table.projects.map((p) => p.benefit.value)).toEqual(SEED.map((s) => s[5]));
    expect(table.projects.map((p) => p.statedTotal.value)).toEqual(SEED.map((s) => s[6]));
    expect(table.projects.map((p) => p.gridRow)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  test('reads the stated rates as fractions, 88% for project 3', () => {
    expect(table.projects[2].statedRate.value).toBeCloseTo(0.88, 12);
    expect(table.projects[0].statedRate.value).toBeCloseTo(0.8886, 12);
    expect(table.projects[6].statedRate.value).toBeCloseTo(1.04, 12);
  });

  test('columns the sheet lacks are missing, and there is no explanation column', () => {
    for (const p of table.projects) {
      expect(p.satisfaction.status).toBe('missing');
      expect(p.explanation).toBeNull();
    }
  });

  test('the 合计 row written in the 序号 column is a grand total, never a project', () => {
    expect(table.totalRows).toEqual([
      {
        gridRow: 10,
        label: '合计',
        isGrandTotal: true,
        budget: { value: 918.45, status: 'ok' },
        actual: { value: 725.45, status: 'ok' },
      },
    ]);
  });
});

describe('row classification', () => {
  const cols = { project: 0, budget: 1, actual: 2, explanation: 3 };

  test('blank rows, section headings and notes are skipped', () => {
    const grid: Grid = [
      ['项目名称', '预算数', '执行数', '原因'],
      ['一、专项业务费', null, null, null],
      ['a', 10, 9, '—'],
      [],
      [null, null, null, null],
      ['', '  ', '', ''],
      ['注：本表金额单位为万元', null, null, null],
      ['二、基本支出', '', '—', '说明'],
      ['b', 5, 5, null],
    ];
    const t = extractTable(grid, detection(0, cols));
    expect(t.projects.map((p) => [p.gridRow, p.name])).toEqual([
      [2, 'a'],
      [8, 'b'],
    ]);
    expect(t.totalRows).toEqual([]);
  });

  test('subtotals and totals go to totalRows, look-alike names stay projects', () => {
    const grid: Grid = [
      ['项目名称', '预算数', '执行数'],
      ['总计划编制', 10, 8],
      ['小计', 10, 8],
      ['Total quality audit', 4, 4],
      ['Subtotal:', 4, 4],
      ['合 计', 14, 12],
    ];
    const t = extractTable(grid, detection(0, cols));
    expect(t.projects.map((p) => p.name)).toEqual(['总计划编制', 'Total quality audit']);
    expect(t.totalRows.map((r) => [r.gridRow, r.label, r.isGrandTotal])).toEqual([
      [2, '小计', false],
      [4, 'Subtotal:', false],
      [5, '合 计', true],
    ]);
  });

  test('a total row without numbers is still a total row, not a project', () => {
    const t = extractTable([['项目', '预算', '执行数'], ['合计', null, null]], detection(0, cols));
    expect(t.projects).toEqual([]);
    expect(t.totalRows).toHaveLength(1);
    expect(t.totalRows[0].budget.status).toBe('missing');
  });

  test('a row with one readable amount, or an unreadable one, is a project', () => {
    const grid: Grid = [
      ['项目名称', '预算数', '执行数'],
      ['only budget', 10, null],
      ['only actual', '—', 7],
      ['typo', 'abc', null],
    ];
    const t = extractTable(grid, detection(0, cols));
    expect(t.projects.map((p) => [p.name, p.budget.status, p.actual.status])).toEqual([
      ['only budget', 'ok', 'missing'],
      ['only actual', 'missing', 'ok'],
      ['typo', 'unreadable', 'missing'],
    ]);
  });

  test('a row without a name but with a readable amount is a project named ""', () => {
    const grid: Grid = [
      ['项目名称', '预算数', '执行数'],
      [null, 10, 9],
      ['', 'n/a', '审核人：李四'],
    ];
    const t = extractTable(grid, detection(0, cols));
    expect(t.projects.map((p) => [p.gridRow, p.name, p.budget.value])).toEqual([[1, '', 10]]);
  });

  test('names are kept as written, formula-like ones included, trimmed only', () => {
    const names = ['=SUM(A1)', '+86 热线', '-负数项目', '@mention', '  带空格  ', '\u3000全角空格\u3000'];
    const grid: Grid = [['项目名称', '预算数', '执行数'], ...names.map((n): CellValue[] => [n, 1, 1])];
    const t = extractTable(grid, detection(0, cols));
    expect(t.projects.map((p) => p.name)).toEqual(['=SUM(A1)', '+86 热线', '-负数项目', '@mention', '带空格', '全角空格']);
  });

  test('a numeric project name becomes its text', () => {
    const t = extractTable([['项目', '预算数', '执行数'], [51000021, 1, 1]], detection(0, cols));
    expect(t.projects[0].name).toBe('51000021');
  });

  test('explanations are trimmed text, "" when blank', () => {
    const grid: Grid = [
      ['项目名称', '预算数', '执行数', '原因'],
      ['a', 10, 5, '  采购延期  '],
      ['b', 10, 5, null],
      ['c', 10, 5, ''],
    ];
    const t = extractTable(grid, detection(0, cols));
    expect(t.projects.map((p) => p.explanation)).toEqual(['采购延期', '', '']);
  });

  test('text numbers are parsed per column kind', () => {
    const grid: Grid = [
      ['项目', '预算数', '执行数', '执行率', '产出', '效益', '满意度', '总分'],
      ['a', '305.5万元', '(12.5)', '88.86%', '45分', '４０', '—', 'x'],
    ];
    const t = extractTable(
      grid,
      detection(0, { project: 0, budget: 1, actual: 2, statedRate: 3, output: 4, benefit: 5, satisfaction: 6, total: 7 }),
    );
    const p = t.projects[0];
    expect(p.budget).toEqual({ value: 305.5, status: 'ok', unit: '万元' });
    expect(p.actual.value).toBe(-12.5);
    expect(p.statedRate.value).toBeCloseTo(0.8886, 12);
    expect(p.output.value).toBe(45);
    expect(p.benefit.value).toBe(40);
    expect(p.satisfaction.status).toBe('missing');
    expect(p.statedTotal.status).toBe('unreadable');
  });

  test('ragged rows and rows past the mapped columns do not throw', () => {
    const grid: Grid = [['项目名称', '预算数', '执行数'], ['a'], ['b', 3], ['c', 1, 2, 3, 4]];
    const t = extractTable(grid, detection(0, cols));
    expect(t.projects.map((p) => p.name)).toEqual(['b', 'c']);
  });

  test('without a project column it does not throw', () => {
    const grid: Grid = [['预算数', '执行数'], [10, 9], ['合计', 10]];
    const t = extractTable(grid, detection(0, { budget: 0, actual: 1 }));
    expect(t.projects.map((p) => p.name)).toEqual(['']);
    expect(t.totalRows.map((r) => r.label)).toEqual(['合计']);
  });

  test('rows above and at the header are never read', () => {
    const grid: Grid = [['x', 1, 1], ['项目名称', '预算数', '执行数'], ['a', 1, 1]];
    const t = extractTable(grid, detection(1, cols));
    expect(t.projects.map((p) => p.gridRow)).toEqual([2]);
  });
});

describe('scale (speed is measured by `npm run bench -- engine`, not here)', () => {
  test('a million project rows are extracted, the 合计 row apart', () => {
    const grid: Grid = [['项目名称', '预算数', '执行数', '执行率', '产出', '效益', '总分', '原因']];
    for (let i = 0; i < 1_000_000; i++) {
      grid.push([`项目${i}`, 100 + (i % 50) * 0.5, 90 + (i % 30) * 0.25, 0.9, 45, 40, 85, i % 3 ? '' : '原因']);
    }
    grid.push(['合计', 1, 1, null, null, null, null, null]);
    const t = extractTable(
      grid,
      detection(0, { project: 0, budget: 1, actual: 2, statedRate: 3, output: 4, benefit: 5, total: 6, explanation: 7 }),
    );
    expect(t.projects).toHaveLength(1_000_000);
    expect(t.totalRows).toHaveLength(1);
    expect(t.projects[999_999].name).toBe('项目999999');
  });
});

describe('total labels outside the name column', () => {
  test('合计 in the 序号 column with a dash as name is a total row', () => {
    const grid: Grid = [
      ['序号', '项目名称', '预算数', '执行数'],
      [1, 'a', 10, 9],
      ['合计', '—', 10, 9],
      ['总 计', null, 10, 9],
    ];
    const t = extractTable(grid, detection(0, { project: 1, budget: 2, actual: 3 }));
    expect(t.projects.map((p) => p.name)).toEqual(['a']);
    expect(t.totalRows.map((r) => [r.gridRow, r.label, r.isGrandTotal])).toEqual([
      [2, '合计', true],
      [3, '总 计', true],
    ]);
  });
});

describe('any grid', () => {
  const cell = fc.oneof(
    fc.constantFrom<CellValue>(null, undefined, '', '合计', '小计', '—', '项目名称', '预算数', '执行数', '88%', '305.5万元', true),
    fc.string(),
    fc.double(),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 40 });

  test('detection and extraction never throw, keep rows below the header, and never make a total a project', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const d = detectHeader(g);
        const t = extractTable(g, d);
        for (const p of t.projects) {
          if (p.gridRow <= d.headerRow) return false;
          if (totalKind(p.name) !== null) return false;
          if (p.budget.status === 'missing' && p.actual.status === 'missing') return false;
          for (const n of [p.budget, p.actual, p.statedRate, p.output, p.benefit, p.satisfaction, p.statedTotal]) {
            if (n.value !== null && !Number.isFinite(n.value)) return false;
          }
        }
        return t.totalRows.every((r) => r.gridRow > d.headerRow && totalKind(r.label) !== null);
      }),
      { numRuns: 500 },
    );
  });
});
