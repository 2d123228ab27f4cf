import { chineseNumeral, decimalsOf, formatAmount, formatRate, formatScore, parseChineseNumeral } from '../../../src/engine/report/format';

describe('report number formats', () => {
  it('prints amounts with two decimals, rounding half away from zero without binary surprises', () => {
    expect(formatAmount(305.5)).toBe('305.50');
    expect(formatAmount(1.005)).toBe('1.01');
    expect(formatAmount(-0.001)).toBe('0.00');
    expect(formatAmount(918.4499999999999)).toBe('918.45');
  });

  it('prints rates as percentages with two decimals', () => {
    expect(formatRate(35.5 / 40)).toBe('88.75%');
    expect(formatRate(271.46 / 305.5)).toBe('88.86%');
    expect(formatRate(1.04)).toBe('104.00%');
  });

  it('prints scores with up to two decimals', () => {
    expect(formatScore(45)).toBe('45');
    expect(formatScore(8.8857)).toBe('8.89');
    expect(formatScore(45.5)).toBe('45.5');
  });

  it('writes and reads Chinese section numerals', () => {
    expect([1, 7, 10, 11, 20, 21, 99, 100, 105, 110].map(chineseNumeral)).toEqual(['一', '七', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
    for (let n = 1; n < 1000; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
    expect(parseChineseNumeral('五')).toBe(5);
    expect(parseChineseNumeral('项目')).toBeNull();
  });

  it('counts printed decimals', () => {
    expect(decimalsOf('88')).toBe(0);
    expect(decimalsOf('88.86')).toBe(2);
  });
});
