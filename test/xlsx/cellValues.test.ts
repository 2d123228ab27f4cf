import { flattenCellValue } from '../../src/xlsx/cellValues';

describe('flattenCellValue', () => {
  it('passes numbers, text and booleans through', () => {
    expect(flattenCellValue(305.5)).toBe(305.5);
    expect(flattenCellValue('305.5万元')).toBe('305.5万元');
    expect(flattenCellValue(true)).toBe(true);
    expect(flattenCellValue(null)).toBeNull();
    expect(flattenCellValue(undefined)).toBeNull();
  });

  it('never hands over NaN or Infinity', () => {
    expect(flattenCellValue(Number.NaN)).toBeNull();
    expect(flattenCellValue(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('joins rich text runs into plain text', () => {
    expect(flattenCellValue({ richText: [{ text: '安全生产', font: { bold: true } }, { text: '责任经费' }] })).toBe('安全生产责任经费');
  });

  it('takes a formula’s cached result, and null when there is none or it is an error', () => {
    expect(flattenCellValue({ formula: 'D4/C4', result: 0.8886 })).toBe(0.8886);
    expect(flattenCellValue({ sharedFormula: 'E4', result: '88.86%' })).toBe('88.86%');
    expect(flattenCellValue({ formula: 'SUM(C4:C10)' })).toBeNull();
    expect(flattenCellValue({ formula: 'D4/C4', result: { error: '#DIV/0!' } })).toBeNull();
  });

  it('reads a hyperlink as its text, rich or plain', () => {
    expect(flattenCellValue({ text: '项目库', hyperlink: 'https://example.org' })).toBe('项目库');
    expect(flattenCellValue({ text: { richText: [{ text: '项目' }, { text: '库' }] }, hyperlink: 'x' })).toBe('项目库');
  });

  it('turns errors into null and dates into ISO text', () => {
    expect(flattenCellValue({ error: '#N/A' })).toBeNull();
    expect(flattenCellValue(new Date('2018-12-31T00:00:00Z'))).toBe('2018-12-31');
    expect(flattenCellValue(new Date('2018-12-31T08:30:00Z'))).toBe('2018-12-31T08:30:00.000Z');
    expect(flattenCellValue(new Date(Number.NaN))).toBe('');
  });
});
