import { cleanSheetName, uniqueSheetName } from '../../src/xlsx/sheetNames';

describe('sheet names', () => {
  it('keeps a free name and numbers a taken one, ignoring case', () => {
    expect(uniqueSheetName('绩效自评汇总', ['Sheet1'])).toBe('绩效自评汇总');
    expect(uniqueSheetName('绩效自评汇总', ['绩效自评汇总'])).toBe('绩效自评汇总 (2)');
    expect(uniqueSheetName('Summary', ['summary', 'SUMMARY (2)'])).toBe('Summary (3)');
  });

  it('stays within 31 characters and drops characters Excel refuses', () => {
    const long = 'Performance summary of every project 2023';
    const name = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(' (2)')).toBe(true);
    expect(cleanSheetName('a/b:c?[d]*')).not.toMatch(/[/:?[\]*]/);
    expect(cleanSheetName('///')).toBe('Sheet');
  });
});
