import { freeSheetName, freeTableName } from '../../src/engine/sheetNames';
import { isVariantOf, PAUSE_ROWS, planRequests, planSummary, rowsToWrite, safeCell, widthPoints } from '../../src/excel/summaryPlan';
import { PAYLOAD_LIMIT_BYTES } from '../../src/excel/chunks';
import type { SummaryLayout } from '../../src/engine/summary/summaryTypes';
import type { PlannedWrite } from '../../src/excel/summaryPlan';
import { SEED_PROJECTS, generatedProjects, summaryLayoutFor } from './summaryFixture';

function requestsOf(layout: SummaryLayout, budget?: number): PlannedWrite[][] {
  return [...planRequests(layout, budget)].filter((r): r is PlannedWrite[] => r !== null);
}

describe('summary plan', () => {
  it('puts a small summary in one request with the table over header + projects and the chart', () => {
    const layout = summaryLayoutFor(SEED_PROJECTS);
    const plan = planSummary(layout);
    const requests = requestsOf(layout);
    expect(requests).toHaveLength(1);
    expect(plan.table).toEqual({ row: layout.table.headerRow, col: 0, rowCount: 8, columnCount: 6 });
    expect(plan.chart).toMatchObject({ dataRow: layout.chart.dataRow, dataCol: layout.chart.dataCol, rowCount: 8 });
    expect(plan.freezeRows).toBe(layout.freezeRows);
    // Every block written, formats of the same shape as values.
    for (const w of requests[0]) {
      expect(w.formats).toHaveLength(w.values.length);
      expect(w.formats[0]).toHaveLength(w.values[0].length);
    }
    expect(requests[0].map((w) => w.blockId)).toEqual(layout.blocks.map((b) => b.id));
    expect(requests[0].reduce((s, w) => s + w.values.length, 0)).toBe(rowsToWrite(layout));
  });

  it('cuts a large summary into requests under the budget that cover every row once', () => {
    const layout = summaryLayoutFor(generatedProjects(60_000));
    const requests = requestsOf(layout);
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) {
      const bytes = request.reduce((s, w) => s + Buffer.byteLength(JSON.stringify(w.values)) + Buffer.byteLength(JSON.stringify(w.formats)), 0);
      expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES * 0.8);
      expect(request.reduce((s, w) => s + w.bytes, 0)).toBeGreaterThanOrEqual(bytes);
    }
    const pieces = requests.flat();
    const table = pieces.filter((w) => w.blockId === 'table');
    expect(table.reduce((s, w) => s + w.values.length, 0)).toBe(60_000 + 2);
    // Pieces of a block follow each other without a gap.
    for (let i = 1; i < table.length; i++) expect(table[i].row).toBe(table[i - 1].row + table[i - 1].values.length);
    expect(pieces.reduce((s, w) => s + w.values.length, 0)).toBe(rowsToWrite(layout));
    expect(planSummary(layout).chart).toBeNull();
    // The planner pauses for the UI thread every PAUSE_ROWS rows.
    const pauses = [...planRequests(layout)].filter((r) => r === null).length;
    expect(pauses).toBe(Math.floor(rowsToWrite(layout) / PAUSE_ROWS));
  });

  it('quotes strings that Excel would take for formulas, outside text columns only', () => {
    expect(safeCell('=SUM(A1)', 'General')).toBe("'=SUM(A1)");
    expect(safeCell('-12', '0.00')).toBe("'-12");
    expect(safeCell('=SUM(A1)', '@')).toBe('=SUM(A1)');
    expect(safeCell('无预算', '0.00%')).toBe('无预算');
    expect(safeCell(Number.NaN, '0.00')).toBeNull();
    expect(safeCell(Infinity, '0.00')).toBeNull();
  });

  it('plans a request of its own for a row larger than the budget', () => {
    const layout = summaryLayoutFor(SEED_PROJECTS);
    const requests = requestsOf(layout, 300);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.flat().reduce((s, w) => s + w.values.length, 0)).toBe(rowsToWrite(layout));
  });

  it('finds a free sheet name, case-insensitively, valid and within 31 characters', () => {
    expect(freeSheetName('绩效自评汇总', ['Sheet1'])).toBe('绩效自评汇总');
    expect(freeSheetName('绩效自评汇总', ['绩效自评汇总', '绩效自评汇总 (2)'])).toBe('绩效自评汇总 (3)');
    expect(freeSheetName('Performance summary', ['PERFORMANCE SUMMARY'])).toBe('Performance summary (2)');
    expect(freeSheetName('a/b:c?', [])).toBe('a_b_c_');
    const long = 'x'.repeat(40);
    const name = freeSheetName(long, ['x'.repeat(31)]);
    expect(name).toHaveLength(31);
    expect(name.endsWith(' (2)')).toBe(true);
  });

  it('recognises numbered variants of the preferred name', () => {
    expect(isVariantOf('绩效自评汇总 (2)', '绩效自评汇总')).toBe(true);
    expect(isVariantOf('绩效自评汇总', '绩效自评汇总 (2)')).toBe(true);
    expect(isVariantOf('绩效自评汇总备份', '绩效自评汇总')).toBe(false);
    expect(isVariantOf('Sheet1', '绩效自评汇总')).toBe(false);
  });

  it('names tables uniquely and converts widths to points', () => {
    expect(freeTableName(['PerfSummary', 'perfsummary2'])).toBe('PerfSummary3');
    expect(widthPoints(10)).toBeGreaterThan(widthPoints(5));
    expect(widthPoints(Number.NaN)).toBe(48);
    expect(widthPoints(1000)).toBe(360);
  });
});
