import { cleanSheetName, freeSheetName, freeTableName } from '../../src/engine/sheetNames';

// Both hosts (Office.js and the batch command's ExcelJS) name the summary sheet and table through these.
describe('sheet names', () => {
  it('keeps a free name and numbers a taken one, ignoring case', () => {
    expect(freeSheetName('绩效自评汇总', ['Sheet1'])).toBe('绩效自评汇总');
    expect(freeSheetName('绩效自评汇总', ['绩效自评汇总'])).toBe('绩效自评汇总 (2)');
    expect(freeSheetName('Summary', ['summary', 'SUMMARY (2)'])).toBe('Summary (3)');
  });

  it('stays within 31 characters and replaces characters Excel refuses', () => {
    const long = 'Performance summary of every project 2023';
    const name = freeSheetName(long, [long.slice(0, 31)]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(' (2)')).toBe(true);
    expect(cleanSheetName("'a/b:c?[d]*'")).toBe('a_b_c__d__');
    expect(freeSheetName("''", [])).toBe('Summary');
  });

  it('names tables uniquely across the workbook, ignoring case', () => {
    expect(freeTableName(['EvaluationSummary'], 'EvaluationSummary')).toBe('EvaluationSummary2');
    expect(freeTableName([], 'EvaluationSummary')).toBe('EvaluationSummary');
  });
});
