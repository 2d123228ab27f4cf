import fc from 'fast-check';
import { detectHeader } from '../../src/engine/headers';
import type { CellValue, Grid, Role } from '../../src/engine/types';
import { SEED_ROWS } from '../support/seed';

const SEED = SEED_ROWS;

/** The seed as officers lay it out: title, unit row, header, projects, 合计. */
function seedSheet(): Grid {
  const width = 8;
  const pad = (cells: CellValue[]): CellValue[] => [...cells, ...new Array<CellValue>(width - cells.length).fill(null)];
  return [
    pad(['2018年度项目支出绩效自评表']),
    pad([null, null, null, null, null, null, null, '单位：万元']),
    ['序号', '项目名称', '预算数', '实际执行数', '经费使用率', '产出绩效(50分)', '效益绩效(50分)', '总绩效'],
    ...SEED.map(([name, b, a, rate, o, e, t], i) => [i + 1, name, b, a, rate, o, e, t]),
    pad(['合计', null, 918.45, 725.45]),
  ];
}

function columnsOf(d: ReturnType<typeof detectHeader>): Partial<Record<Role, number>> {
  const out: Partial<Record<Role, number>> = {};
  for (const [role, choice] of Object.entries(d.mapping)) out[role as Role] = choice.column;
  return out;
}

describe('detectHeader on the seed layout', () => {
  const d = detectHeader(seedSheet());

  test('finds the header below the title and the unit row', () => {
    expect(d.headerStart).toBe(2);
    expect(d.headerRow).toBe(2);
  });

  test('maps every column the sheet has', () => {
    expect(columnsOf(d)).toEqual({
      project: 1,
      budget: 2,
      actual: 3,
      statedRate: 4,
      output: 5,
      benefit: 6,
      total: 7,
    });
    expect(d.missing).toEqual([]);
  });

  test('reads the unit from the unit row and the weights from the headers', () => {
    expect(d.unit).toBe('万元');
    expect(d.mapping.output?.statedWeight).toBe(50);
    expect(d.mapping.benefit?.statedWeight).toBe(50);
    expect(d.mapping.budget?.statedWeight).toBeUndefined();
  });

  test('exact header words are certain', () => {
    for (const choice of Object.values(d.mapping)) expect(choice.confidence).toBe(1);
    expect(d.headers[1]).toBe('项目名称');
  });
});

describe('detectHeader on a two-row merged header', () => {
  // "项目资金（万元）" merged over three columns; 项目名称 and 执行率 merged down two rows.
  const grid: Grid = [
    ['部门预算项目支出绩效自评表（2023年度）', null, null, null, null, null, null],
    ['项目名称', '项目资金（万元）', null, null, '执行率', '产出指标(50分)', '偏差原因分析及改进措施'],
    [null, '年初预算数', '全年预算数', '全年执行数', null, null, null],
    ['项目一', 100, 120, 110, '91.67%', 45, ''],
    ['项目二', 80, 80, 60, '75%', 40, '采购延期'],
  ];
  const d = detectHeader(grid);

  test('spans both header rows', () => {
    expect(d.headerStart).toBe(1);
    expect(d.headerRow).toBe(2);
  });

  test('takes the full-year budget, not the start-of-year one', () => {
    expect(d.mapping.budget?.column).toBe(2);
    expect(d.mapping.budget?.confidence).toBe(1);
    expect(d.mapping.actual?.column).toBe(3);
  });

  test('joins group and leaf texts, carrying the group across the cells it spans', () => {
    expect(d.headers.slice(0, 4)).toEqual([
      '项目名称',
      '项目资金（万元） / 年初预算数',
      '项目资金（万元） / 全年预算数',
      '项目资金（万元） / 全年执行数',
    ]);
    expect(d.mapping.budget?.header).toBe('项目资金（万元） / 全年预算数');
  });

  test('finds the roles whose cells are merged down, and the unit in the group text', () => {
    expect(columnsOf(d)).toMatchObject({ project: 0, statedRate: 4, output: 5, explanation: 6 });
    expect(d.mapping.output?.statedWeight).toBe(50);
    expect(d.unit).toBe('万元');
  });

  test('with only 年初预算数 it falls back to it, marked uncertain', () => {
    const only = detectHeader([
      ['项目名称', '年初预算数', '全年执行数'],
      ['a', 1, 1],
    ]);
    expect(only.mapping.budget?.column).toBe(1);
    expect(only.mapping.budget?.confidence).toBeLessThan(0.6);
  });

  test('调整后预算数 beats 年初预算数 in either order', () => {
    const d2 = detectHeader([['调整后预算数', '项目', '实际支出', '年初预算数']]);
    expect(d2.mapping.budget?.column).toBe(0);
    expect(d2.mapping.actual?.column).toBe(2);
  });
});

describe('detectHeader on a table that does not start at A1', () => {
  const grid: Grid = [
    [],
    [null, null, null, null],
    [null, '项目', '预算数（元）', '执行数（元）'],
    [null, '会议费', '12,000', '11,500'],
  ];
  const d = detectHeader(grid);

  test('finds the header after leading empty rows and columns', () => {
    expect(d.headerRow).toBe(2);
    expect(columnsOf(d)).toEqual({ project: 1, budget: 2, actual: 3 });
    expect(d.headers[0]).toBe('');
  });

  test('reads 元 from the header without mistaking it', () => {
    expect(d.unit).toBe('元');
  });
});

describe('detectHeader on English headers', () => {
  const grid: Grid = [
    ['Project performance self-evaluation, 2023'],
    ['Project name', 'Budget (10k yuan)', 'Spent', 'Usage rate', 'Output (50 pts)', 'Benefit', 'Satisfaction', 'Total score', 'Reason'],
    ['Road repair', 100, 90, 0.9, 45, 25, 9, 79, ''],
  ];
  const d = detectHeader(grid);

  test('maps every role', () => {
    expect(d.headerRow).toBe(1);
    expect(columnsOf(d)).toEqual({
      project: 0,
      budget: 1,
      actual: 2,
      statedRate: 3,
      output: 4,
      benefit: 5,
      satisfaction: 6,
      total: 7,
      explanation: 8,
    });
  });

  test('reads the unit and the stated weight', () => {
    expect(d.unit).toBe('万元');
    expect(d.mapping.output?.statedWeight).toBe(50);
  });
});

describe('English headers that contain the other amount word', () => {
  test.each([
    [['Project', 'Expenditure budget', 'Budget spent'], { project: 0, budget: 1, actual: 2 }],
    [['Project', 'Budget amount', 'Actual spending'], { project: 0, budget: 1, actual: 2 }],
    [['Project', 'Amount spent', 'Adjusted budget'], { project: 0, actual: 1, budget: 2 }],
  ])('%j', (header, expected) => {
    expect(columnsOf(detectHeader([header, ['Road repair', 100, 90]]))).toEqual(expected);
  });
});

describe('words that contain other words', () => {
  test('预算执行率 is a rate, 预算执行数 an actual, 得分合计 a total', () => {
    const d = detectHeader([['项目名称', '预算数', '预算执行数', '预算执行率', '得分合计']]);
    expect(columnsOf(d)).toEqual({ project: 0, budget: 1, actual: 2, statedRate: 3, total: 4 });
  });

  test('执行率 is never taken as the actual column', () => {
    const d = detectHeader([['项目名称', '预算数', '执行率']]);
    expect(d.mapping.actual).toBeUndefined();
    expect(d.mapping.statedRate?.column).toBe(2);
    expect(d.missing).toEqual(['actual']);
  });

  test('项目资金预算 is a budget, not a project', () => {
    const d = detectHeader([['项目名称', '项目资金预算', '实际支出']]);
    expect(columnsOf(d)).toEqual({ project: 0, budget: 1, actual: 2 });
  });

  test('English: execution rate is a rate, actual spend an actual', () => {
    const d = detectHeader([['Project', 'Adjusted budget', 'Actual spend', 'Budget execution rate', 'Score']]);
    expect(columnsOf(d)).toEqual({ project: 0, budget: 1, actual: 2, statedRate: 3, total: 4 });
  });

  test('项目编码 is not the project column, 项目名称 is', () => {
    const d = detectHeader([['项目编码', '项目名称', '全年预算数', '全年执行数']]);
    expect(d.mapping.project?.column).toBe(1);
  });

  test('a header merely containing a word is less certain than the exact word', () => {
    const d = detectHeader([['项目名称', '本年预算数', '实际执行数']]);
    expect(d.mapping.budget?.column).toBe(1);
    expect(d.mapping.budget?.confidence).toBeLessThan(1);
    expect(d.mapping.actual?.confidence).toBe(1);
  });
});

describe('choosing the header row', () => {
  test('a title mentioning 预算 and 项目 does not win over the real header', () => {
    const d = detectHeader([
      ['部门预算项目支出执行情况表'],
      ['项目', '预算数', '执行数', '执行率'],
      ['a', 1, 1, 1],
    ]);
    expect(d.headerRow).toBe(1);
    expect(d.headerStart).toBe(1);
  });

  test('a form number and a unit row above the header are skipped', () => {
    const d = detectHeader([
      ['附表3'],
      ['项目支出绩效自评表'],
      ['填报单位：区应急管理局', null, null, '单位：千元'],
      ['项目名称', '全年预算数', '全年执行数', '执行率'],
      ['a', 1, 1, 1],
    ]);
    expect(d.headerRow).toBe(3);
    expect(d.unit).toBe('千元');
  });

  test('without a unit in the header or above it, the values say it', () => {
    const d = detectHeader([
      ['项目名称', '预算数', '执行数'],
      ['a', '305.5万元', '271.46万元'],
    ]);
    expect(d.unit).toBe('万元');
  });

  test('a sheet that says nothing has no unit', () => {
    const d = detectHeader([
      ['项目名称', '预算数', '执行数'],
      ['a', 305.5, 271.46],
    ]);
    expect(d.unit).toBeNull();
  });

  test('a header below row 30 is not looked for', () => {
    const grid: Grid = Array.from({ length: 35 }, () => [null, null]);
    grid.push(['项目名称', '预算数', '执行数']);
    const d = detectHeader(grid);
    expect(d.missing).toEqual(['project', 'budget', 'actual']);
  });
});

describe('missing columns', () => {
  test('no actual column → missing lists actual', () => {
    const d = detectHeader([
      ['项目名称', '全年预算数', '产出'],
      ['a', 1, 40],
    ]);
    expect(d.missing).toEqual(['actual']);
  });

  test('an empty grid finds nothing and does not throw', () => {
    expect(detectHeader([]).missing).toEqual(['project', 'budget', 'actual']);
    expect(detectHeader([[], [null]]).missing).toEqual(['project', 'budget', 'actual']);
  });

  test('a grid of numbers only finds nothing', () => {
    const d = detectHeader([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(d.mapping).toEqual({});
  });
});

describe('overrides', () => {
  const grid = seedSheet();

  test('a column override replaces a role and marks it certain', () => {
    const d = detectHeader(grid, { columns: { budget: 3, actual: 2 } });
    expect(d.mapping.budget).toMatchObject({ column: 3, header: '实际执行数', confidence: 1 });
    expect(d.mapping.actual?.column).toBe(2);
  });

  test('null removes a role, and removing a required one lists it as missing', () => {
    const d = detectHeader(grid, { columns: { total: null, actual: null } });
    expect(d.mapping.total).toBeUndefined();
    expect(d.missing).toEqual(['actual']);
  });

  test('a column out of range is ignored', () => {
    const d = detectHeader(grid, { columns: { budget: 99, actual: -1 } });
    expect(d.mapping.budget?.column).toBe(2);
    expect(d.mapping.actual?.column).toBe(3);
  });

  test('headers cover the width of the table, even past the last header text', () => {
    const d = detectHeader([
      ['项目名称', '预算数', '执行数'],
      ['a', 1, 1, '备注在表头之外'],
    ]);
    expect(d.headers).toEqual(['项目名称', '预算数', '执行数', '']);
    expect(detectHeader([['项目名称', '预算数', '执行数'], ['a', 1, 1, 'x']], { columns: { explanation: 3 } }).mapping.explanation?.column).toBe(3);
  });

  test('a column the header did not name can be given a role', () => {
    const d = detectHeader(grid, { columns: { satisfaction: 0 } });
    expect(d.mapping.satisfaction).toMatchObject({ column: 0, header: '序号' });
  });

  test('the unit override wins, null included', () => {
    expect(detectHeader(grid, { unit: '元' }).unit).toBe('元');
    expect(detectHeader(grid, { unit: null }).unit).toBeNull();
  });

  test('overriding the header row re-detects the columns on that row', () => {
    const twoTables: Grid = [
      ['项目名称', '预算数', '执行数'],
      ['a', 1, 1],
      [null, null, null],
      ['执行数', '项目', '预算数', '满意度'],
      ['b', 2, 2, 9],
    ];
    const auto = detectHeader(twoTables);
    expect(auto.headerRow).toBe(3); // more roles on the second header
    const d = detectHeader(twoTables, { headerRow: 0 });
    expect(d.headerRow).toBe(0);
    expect(columnsOf(d)).toEqual({ project: 0, budget: 1, actual: 2 });
  });

  test('a header row out of range is ignored', () => {
    expect(detectHeader(grid, { headerRow: 500 }).headerRow).toBe(2);
    expect(detectHeader(grid, { headerRow: -1 }).headerRow).toBe(2);
  });
});

describe('cost', () => {
  test('a million-row sheet is detected from its first rows only', () => {
    const rows: Grid = [['项目名称', '预算数', '执行数']];
    for (let i = 0; i < 1_000_000; i++) rows.push([`p${i}`, i, i]);
    let deepest = -1;
    const watched = new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) deepest = Math.max(deepest, Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const d = detectHeader(watched);
    expect(d.missing).toEqual([]);
    expect(deepest).toBeGreaterThan(0);
    expect(deepest).toBeLessThan(60);
  });
});

describe('weaker header words', () => {
  test('bare 得分 is taken as the total but marked uncertain', () => {
    const d = detectHeader([['项目名称', '全年预算数', '全年执行数', '分值', '执行率', '得分']]);
    expect(d.mapping.total?.column).toBe(5);
    expect(d.mapping.total?.confidence).toBeLessThan(0.6);
  });

  test('批复金额 / 支出金额 are found as budget and actual, less certain than the standard words', () => {
    const d = detectHeader([['项目', '资金来源', '批复金额', '支出金额']]);
    expect(columnsOf(d)).toEqual({ project: 0, budget: 2, actual: 3 });
    expect(d.mapping.budget?.confidence).toBeLessThan(1);
    expect(d.mapping.budget?.confidence).toBeGreaterThanOrEqual(0.6);
  });

  test('weights in brackets: "(50)" after a score heading, never a year', () => {
    const d = detectHeader([['Project', 'Budget', 'Spent', 'Output score (50)', 'Benefit score (30)', '满意度指标(2023)']]);
    expect(d.mapping.output?.statedWeight).toBe(50);
    expect(d.mapping.benefit?.statedWeight).toBe(30);
    expect(d.mapping.satisfaction).toBeDefined();
    expect(d.mapping.satisfaction?.statedWeight).toBeUndefined();
  });
});

describe('official form details', () => {
  test('a row of column numbers under the header belongs to the header', () => {
    const d = detectHeader([
      ['项目名称', '全年预算数', '全年执行数', '执行率'],
      ['甲', 1, 2, '3=2/1'],
      ['a', 10, 9, 0.9],
    ]);
    expect(d.headerStart).toBe(0);
    expect(d.headerRow).toBe(1);
    expect(d.mapping.budget?.header).toBe('全年预算数');
  });

  test('a first data row of numbers is not taken for column numbers', () => {
    const d = detectHeader([
      ['序号', '项目名称', '预算数', '执行数'],
      [1, null, 100, 120],
    ]);
    expect(d.headerRow).toBe(0);
  });

  test('a group budget over 合计 / 财政拨款 / 其他 maps to its first column', () => {
    const d = detectHeader([
      ['项目名称', '全年预算数', null, null, '全年执行数', null, null],
      [null, '合计', '财政拨款', '其他资金', '合计', '财政拨款', '其他资金'],
      ['a', 10, 8, 2, 9, 7, 2],
    ]);
    expect(d.headerRow).toBe(1);
    expect(d.mapping.budget?.column).toBe(1);
    expect(d.mapping.actual?.column).toBe(4);
    expect(d.mapping.budget?.header).toBe('全年预算数 / 合计');
  });

  test('a section heading right under the header is not a second header row', () => {
    const d = detectHeader([
      ['项目名称', '预算数', '执行数', '执行率'],
      ['一、专项业务费', null, null, null],
      ['a', 10, 9, 0.9],
    ]);
    expect(d.headerStart).toBe(0);
    expect(d.headerRow).toBe(0);
    expect(d.headers[0]).toBe('项目名称');
  });

  test('a first data row of text only is not a second header row', () => {
    const d = detectHeader([
      ['项目名称', '预算数', '执行数'],
      ['项目甲', '待定', '未执行'],
    ]);
    expect(d.headerRow).toBe(0);
  });

  test('预算单位 and 预算科目 are not budget columns', () => {
    const d = detectHeader([['预算单位', '预算科目', '项目名称', '执行数']]);
    expect(d.mapping.budget).toBeUndefined();
    expect(d.mapping.project?.column).toBe(2);
  });
});

describe('any grid', () => {
  const words = ['项目名称', '预算数', '年初预算数', '执行数', '执行率', '产出(50分)', '合计', '单位：万元', 'Budget', null, '', 3];
  const cell = fc.oneof(fc.constantFrom<CellValue>(...words), fc.string(), fc.double(), fc.boolean(), fc.constant(undefined));
  const grid = fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 35 });

  test('detection never throws and returns a consistent result', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const d = detectHeader(g);
        if (d.headerStart > d.headerRow || d.headerRow - d.headerStart > 2) return false; // two header rows and a column-number row at most
        for (const [role, choice] of Object.entries(d.mapping)) {
          if (choice.column < 0 || choice.column >= d.headers.length) return false;
          if (!(choice.confidence > 0 && choice.confidence <= 1)) return false;
          if (d.missing.includes(role as Role)) return false;
        }
        return d.missing.every((role) => d.mapping[role] === undefined);
      }),
      { numRuns: 500 },
    );
  });
});
