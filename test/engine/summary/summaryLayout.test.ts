import { buildSummary } from '../../../src/engine/summary/summary';
import { displayWidth, layoutSummary } from '../../../src/engine/summary/summaryLayout';
import { BUILTIN_SCHEMES } from '../../../src/engine/schemes';
import type { LayoutBlock, SummaryLayout } from '../../../src/engine/summary/summaryTypes';
import type { Evaluation } from '../../../src/engine/types';
import { wuhanEvaluation } from '../support/evaluations';

const TIME = new Date(2026, 0, 5, 9, 7);

function layoutOf(evaluation: Evaluation = wuhanEvaluation(), lang: 'zh' | 'en' = 'zh'): SummaryLayout {
  return layoutSummary(buildSummary(evaluation, BUILTIN_SCHEMES.wuhan2018, lang, { time: TIME }));
}

function blockOf(layout: SummaryLayout, id: LayoutBlock['id']): LayoutBlock {
  const b = layout.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no ${id} block`);
  return b;
}

function cellsOf(b: LayoutBlock): string[] {
  const cells: string[] = [];
  b.values.forEach((row, r) => row.forEach((_v, c) => cells.push(`${b.row + r},${b.col + c}`)));
  return cells;
}

describe('layoutSummary', () => {
  const layout = layoutOf();

  it('puts the title at A1 and the run information under it after one blank row', () => {
    const title = blockOf(layout, 'title');
    expect([title.row, title.col]).toEqual([0, 0]);
    expect(title.values).toEqual([['项目支出绩效自评汇总']]);
    expect(layout.sheetTitle).toBe('项目支出绩效自评汇总');
    const info = blockOf(layout, 'info');
    expect([info.row, info.col]).toEqual([2, 1]);
    expect(info.values[0]).toEqual(['来源工作表', '自评表']);
    expect(info.values).toHaveLength(6);
    expect(info.numberFormats).toEqual(['@', '@']);
  });

  it('places the project table after the information, the totals row right under the projects', () => {
    const table = blockOf(layout, 'table');
    // info: rows 2..7, blank row 8, header on row 9
    expect(layout.table.headerRow).toBe(9);
    expect(table.row).toBe(9);
    expect(layout.table.col).toBe(0);
    expect(layout.table.rowCount).toBe(3);
    expect(layout.table.totalsRow).toBe(13);
    expect(table.values).toHaveLength(5);
    expect(table.values[0]).toEqual(layout.table.columns);
    expect(table.values[1][1]).toBe('安全生产责任经费');
    expect(table.values[2][1]).toBe('=HYPERLINK("http://x","安全生产综合监管经费")');
    expect(table.values[4][1]).toBe('合计');
    expect(table.values[4][2]).toBe(371.65);
  });

  it('formats each table column by its kind: names and status as text, amounts 0.00, rates 0.00%, scores 0.0', () => {
    expect(blockOf(layout, 'table').numberFormats).toEqual(['General', '@', '0.00', '0.00', '0.00%', '0.0', '0.0', '0.0', '@', '@']);
  });

  it('freezes the rows down to the table header', () => {
    expect(layout.freezeRows).toBe(10);
  });

  it('follows with grades, flagged projects and checks, one blank row apart', () => {
    const grades = blockOf(layout, 'grades');
    expect(grades.row).toBe(15);
    expect(grades.values).toEqual([
      ['等级分布', null],
      ['优', 3],
      ['良', 0],
      ['中', 0],
      ['差', 0],
    ]);
    const flagged = blockOf(layout, 'flagged');
    expect(flagged.row).toBe(21);
    expect(flagged.col).toBe(0);
    expect(flagged.values).toEqual([
      ['需关注的项目', null, null, null],
      ['序号', '项目名称', '行号', '原因'],
      [1, '安全生产责任经费', 4, '执行率低于下限'],
      [3, '保障安全生产专项经费', 6, '执行率低于下限；执行率与填报不符'],
    ]);
    expect(flagged.numberFormats).toEqual(['General', '@', 'General', '@']);
    const checks = blockOf(layout, 'checks');
    expect(checks.row).toBe(26);
    expect(checks.values).toEqual([['表内核对'], ['第8行合计的预算数为371.6，项目之和为371.65，相差0.05']]);
  });

  it('places the chart data to the right of the table, one blank column between, and the chart after it', () => {
    const data = blockOf(layout, 'chart');
    expect(layout.chart.dataRow).toBe(layout.table.headerRow);
    expect(layout.chart.dataCol).toBe(layout.table.columns.length + 1);
    expect([data.row, data.col]).toEqual([layout.chart.dataRow, layout.chart.dataCol]);
    expect(data.values[0]).toEqual(['项目名称', '使用率', '下限', '上限']);
    expect(data.values[1]).toEqual(['安全生产责任经费', 271.46 / 305.5, 0.9, 1]);
    expect(data.values).toHaveLength(4);
    expect(data.numberFormats).toEqual(['@', '0.00%', '0.00%', '0.00%']);
    expect(layout.chart.anchorRow).toBe(layout.chart.dataRow);
    expect(layout.chart.anchorCol).toBe(layout.chart.dataCol + 5);
    expect(layout.chart.categories).toHaveLength(3);
  });

  it('gives every block rectangular values matching its formats, and no two blocks share a cell', () => {
    const seen = new Map<string, string>();
    for (const b of layout.blocks) {
      for (const row of b.values) expect(row).toHaveLength(b.numberFormats.length);
      for (const cell of cellsOf(b)) {
        expect(seen.get(cell)).toBeUndefined();
        seen.set(cell, b.id);
      }
    }
  });

  it('sizes name and status columns by their content within bounds', () => {
    const w = layout.table.widths;
    expect(w).toHaveLength(layout.table.columns.length);
    expect(w[1]).toBe(Math.min(50, displayWidth('=HYPERLINK("http://x","安全生产综合监管经费")') + 2));
    expect(w[0]).toBeGreaterThanOrEqual(6);
    expect(w.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
  });

  it('counts CJK characters as two columns', () => {
    expect(displayWidth('合计')).toBe(4);
    expect(displayWidth('Total')).toBe(5);
  });

  it('says "无" / "None" under empty flagged and check lists', () => {
    const clean: Evaluation = {
      ...wuhanEvaluation(),
      projects: wuhanEvaluation().projects.map((p) => ({ ...p, flags: [] })),
      checks: [],
    };
    const zh = layoutOf(clean, 'zh');
    expect(blockOf(zh, 'flagged').values[2]).toEqual([null, '无', null, null]);
    expect(blockOf(zh, 'checks').values).toEqual([['表内核对'], ['无']]);
    const en = layoutOf(clean, 'en');
    expect(blockOf(en, 'checks').values).toEqual([['Sheet checks'], ['None']]);
  });

  it('lays out a sheet without projects with an empty table and an empty chart', () => {
    const empty: Evaluation = { ...wuhanEvaluation(), projects: [], checks: [], totals: { budget: 0, actual: 0, usageRate: null, projects: 0, flagged: 0 } };
    const l = layoutOf(empty);
    expect(l.table.rowCount).toBe(0);
    expect(l.table.totalsRow).toBe(l.table.headerRow + 1);
    expect(blockOf(l, 'chart').values).toHaveLength(1);
  });
});
