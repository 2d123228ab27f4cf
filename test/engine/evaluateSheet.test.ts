import { EngineError } from '../../src/engine/errors';
import { errorMessage } from '../../src/engine/messages';
import { detectsRequiredColumns, findEvaluableSheet, evaluateSheet } from '../../src/engine/evaluateSheet';
import { BUILTIN_SCHEMES } from '../../src/engine/schemes';
import { extractTable } from '../../src/engine/rows';
import { evaluateTable } from '../../src/engine/score';
import type { Grid, Scheme, SheetData } from '../../src/engine/types';

const GOOD: Grid = [
  ['项目名称', '全年预算数', '全年执行数'],
  ['甲', 100, 95],
  ['乙', 50, 20],
];
const NO_ACTUAL: Grid = [
  ['项目名称', '全年预算数', '备注'],
  ['甲', 100, '无'],
];

function sheet(grid: Grid, name = 'S', origin = { row: 1, col: 1 }): SheetData {
  return { name, grid, origin };
}

function errorOf(result: ReturnType<typeof evaluateSheet>): EngineError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('evaluateSheet', () => {
  it('evaluates a plain sheet', () => {
    const result = evaluateSheet(sheet(GOOD), { scheme: BUILTIN_SCHEMES.mof2020 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.evaluation.projects.map((p) => [p.name, p.row, p.usageRate])).toEqual([
      ['甲', 2, 0.95],
      ['乙', 3, 0.4],
    ]);
    expect(result.evaluation.headerRow).toBe(1);
    expect(result.detection.mapping.actual?.column).toBe(2);
  });

  it('reads every kind of amount cell as extractTable and evaluateTable do (one pass, same evaluation)', () => {
    const odd = ['（12.5）', '¥1,200', '２６．１５', '—', '无', 'abc', '', '  ', '12.5%', '305.5万元', '1,234.50', ' 12 ', true, null, NaN, '1e400'];
    const grid: Grid = [['项目名称', '全年预算数', '全年执行数', '执行率', '产出指标(50分)']];
    odd.forEach((cell, i) => grid.push([`项目${i}`, cell, odd[(i + 3) % odd.length], odd[(i + 5) % odd.length], 40]));
    grid.push(['合计', '（1,000）', '¥900', null, null]);
    const data = sheet(grid);
    const scheme = BUILTIN_SCHEMES.mof2020;
    const result = evaluateSheet(data, { scheme });
    if (!result.ok) throw result.error;
    const twoPass = evaluateTable(extractTable(grid, result.detection), { sheet: data.name, origin: data.origin, detection: result.detection, scheme });
    expect(result.evaluation.projects.length).toBeGreaterThan(8);
    expect(result.evaluation).toEqual(twoPass);
  });

  it('reports rows relative to the origin of the block read', () => {
    const result = evaluateSheet(sheet(GOOD, 'S', { row: 2, col: 2 }), { scheme: BUILTIN_SCHEMES.wuhan2018 });
    expect(result.ok && result.evaluation.projects.map((p) => p.row)).toEqual([3, 4]);
    expect(result.ok && result.evaluation.headerRow).toBe(2);
  });

  it('refuses an empty sheet', () => {
    for (const grid of [[], [[]], [[null, '', '  '], [undefined]]] as Grid[]) {
      expect(errorOf(evaluateSheet(sheet(grid), { scheme: BUILTIN_SCHEMES.mof2020 })).code).toBe('empty_sheet');
    }
  });

  it('names the missing actual-spend column', () => {
    const error = errorOf(evaluateSheet(sheet(NO_ACTUAL, '封面'), { scheme: BUILTIN_SCHEMES.mof2020 }));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('missing_columns');
    expect(error.details.missing).toEqual(['actual']);
    expect(errorMessage(error, 'zh')).toMatch(/未找到“实际执行数”列/);
    expect(errorMessage(error, 'en')).toMatch(/No actual-spend column found \(looked for 全年执行数/);
  });

  it('refuses a sheet whose header has no project rows under it', () => {
    const error = errorOf(evaluateSheet(sheet([GOOD[0]]), { scheme: BUILTIN_SCHEMES.mof2020 }));
    expect(error.code).toBe('no_projects');
  });

  it('refuses an invalid band before reading anything, in both languages', () => {
    const error = errorOf(evaluateSheet(sheet(GOOD), { scheme: BUILTIN_SCHEMES.mof2020, band: { low: 1.1, high: 0.9 } }));
    expect(error.code).toBe('invalid_band');
    expect(errorMessage(error, 'zh')).toMatch(/执行率区间有误：执行率区间下限 1.1 大于上限 0.9/);
    expect(errorMessage(error, 'en')).toMatch(/Invalid usage-rate band: The band's low edge 1.1 is above its high edge 0.9/);
  });

  it('refuses a scheme object that does not add up', () => {
    const bad: Scheme = { ...BUILTIN_SCHEMES.wuhan2018, weights: { output: 50, benefit: 40 } };
    const error = errorOf(evaluateSheet(sheet(GOOD), { scheme: bad }));
    expect(error.code).toBe('invalid_scheme');
    expect(errorMessage(error, 'en')).toMatch(/add up to 90/);
    expect(errorMessage(error, 'zh')).toMatch(/实际为 90/);
  });

  it('uses the band passed over the scheme band', () => {
    const result = evaluateSheet(sheet(GOOD), { scheme: BUILTIN_SCHEMES.mof2020, band: { low: 0.3, high: 1 } });
    expect(result.ok && result.evaluation.projects.map((p) => p.flags)).toEqual([[], []]);
  });
});

describe('choosing a sheet', () => {
  it('detects the required columns only when all three are there', () => {
    expect(detectsRequiredColumns(GOOD)).toBe(true);
    expect(detectsRequiredColumns(NO_ACTUAL)).toBe(false);
    expect(detectsRequiredColumns([])).toBe(false);
  });

  it('picks the first sheet in order that has them', () => {
    const cover = sheet([['2018年度绩效自评报告'], ['编制单位：某区安全生产监督管理局']], '封面');
    const sheets = [cover, sheet(NO_ACTUAL, '草稿'), sheet(GOOD, '自评表'), sheet(GOOD, '副本')];
    expect(findEvaluableSheet(sheets)?.name).toBe('自评表');
    expect(findEvaluableSheet([cover])).toBeUndefined();
  });
});
