import { detectUnit, MISSING_NUMBER, parseAmount, parseOddAmount, parseRate, parseScore } from '../../src/engine/numbers';
import type { CellValue } from '../../src/engine/types';

describe('parseAmount', () => {
  test.each<[CellValue, number]>([
    [305.5, 305.5],
    [0, 0],
    [-12.5, -12.5],
    ['305.5', 305.5],
    ['1,234.50', 1234.5],
    ['1,234,567.8', 1234567.8],
    ['２６．１５', 26.15],
    ['１，２３４．５０', 1234.5],
    ['(12.5)', -12.5],
    ['（12.5）', -12.5],
    ['-12.5', -12.5],
    ['－12.5', -12.5],
    ['−12.5', -12.5],
    ['+7', 7],
    ['  42.1  ', 42.1],
    ['\u300042\u3000', 42],
    ['¥1,200.00', 1200],
    ['￥35.5', 35.5],
    ['-¥3', -3],
    ['¥-3', -3],
    ['.5', 0.5],
    ['1e5', 100000],
  ])('%p reads as %p', (input, expected) => {
    const r = parseAmount(input);
    expect(r.status).toBe('ok');
    expect(r.value).toBeCloseTo(expected, 10);
  });

  test.each<[CellValue, string, number]>([
    ['305.5万元', '万元', 305.5],
    ['305.5 万元', '万元', 305.5],
    ['1,200元', '元', 1200],
    ['12千元', '千元', 12],
    ['(3万元)', '万元', -3],
    ['２６．１５万元', '万元', 26.15],
    ['300（万元）', '万元', 300],
    ['1,200(元)', '元', 1200],
  ])('%p carries its unit %p', (input, unit, value) => {
    const r = parseAmount(input);
    expect(r).toEqual({ value, status: 'ok', unit });
  });

  test('a plain number has no unit', () => {
    expect(parseAmount(305.5).unit).toBeUndefined();
    expect(parseAmount('305.5').unit).toBeUndefined();
  });

  test.each<CellValue>([null, undefined, '', '   ', '\u3000', '—', '–', '-', '/', '——', '无', 'N/A', 'n/a', 'Ｎ／Ａ', '－', '--'])(
    '%p is missing',
    (input) => {
      expect(parseAmount(input)).toEqual({ value: null, status: 'missing' });
    },
  );

  test.each<CellValue>([true, false, 'abc', '12.5%', '1e400', '1'.padEnd(400, '0'), '1,23', '12.5万', '(-3)', '1.2.3', '#DIV/0!', NaN, Infinity, -Infinity, '5 apples'])(
    '%p is unreadable',
    (input) => {
      expect(parseAmount(input)).toEqual({ value: null, status: 'unreadable' });
    },
  );

  test('negative zero comes out as 0', () => {
    expect(Object.is(parseAmount(-0).value, 0)).toBe(true);
    expect(Object.is(parseAmount('(0)').value, 0)).toBe(true);
    expect(Object.is(parseAmount('-0万元').value, 0)).toBe(true);
  });

  test('the shared missing value is the parse of an absent cell', () => {
    expect(MISSING_NUMBER).toEqual(parseAmount(undefined));
  });

  // parseAmount takes plain amount text on a fast path; parseOddAmount, the full parse the row reader
  // falls back to, must read that text the same way (the odd kinds are checked through the row reader in
  // evaluateSheet.test.ts).
  test.each<CellValue>(['305.5万元', '1,234.50', '12', '-3.5', '0', '-0万元', '89.974万元', '600元', '1e3', '.5'])(
    'the full parse reads plain amount text %p as the fast path does',
    (input) => {
      expect(parseOddAmount(input)).toEqual(parseAmount(input));
    },
  );
});

describe('parseRate', () => {
  test.each<[CellValue, number]>([
    ['88.86%', 0.8886],
    ['100.69%', 1.0069],
    ['88%', 0.88],
    ['８８．８６％', 0.8886],
    ['88.86 %', 0.8886],
    ['-5%', -0.05],
    [0.95, 0.95],
    ['0.95', 0.95],
    [1.04, 1.04],
    [3, 3],
    [104, 1.04],
    ['104', 1.04],
    [88.86, 0.8886],
    [-50, -0.5],
    [0, 0],
  ])('%p → %p', (input, expected) => {
    const r = parseRate(input);
    expect(r.status).toBe('ok');
    expect(r.value).toBeCloseTo(expected, 12);
  });

  test.each<CellValue>(['—', '', null, '/'])('%p is missing', (input) => {
    expect(parseRate(input).status).toBe('missing');
  });

  test.each<CellValue>(['high', '¥5', '5万元', true, '1e400%'])('%p is unreadable', (input) => {
    expect(parseRate(input)).toEqual({ value: null, status: 'unreadable' });
  });
});

describe('parseScore', () => {
  test.each<[CellValue, number]>([
    [45, 45],
    ['45', 45],
    ['45分', 45],
    ['４５', 45],
    [47.5, 47.5],
    ['-2', -2],
  ])('%p → %p', (input, expected) => {
    expect(parseScore(input)).toEqual({ value: expected, status: 'ok' });
  });

  test.each<CellValue>(['good', '45%', '¥45', false])('%p is unreadable', (input) => {
    expect(parseScore(input).status).toBe('unreadable');
  });

  test('a dash is missing', () => {
    expect(parseScore('—').status).toBe('missing');
  });
});

describe('detectUnit', () => {
  test.each<[string, string | null]>([
    ['单位：万元', '万元'],
    ['单位:万元', '万元'],
    ['单位：人民币万元', '万元'],
    ['预算数（万元）', '万元'],
    ['全年预算数(万元)', '万元'],
    ['项目资金（万元）', '万元'],
    ['万元', '万元'],
    ['单位：千元', '千元'],
    ['金额（千元）', '千元'],
    ['元', '元'],
    ['单位：元', '元'],
    ['单位：人民币元', '元'],
    ['预算数（元）', '元'],
    ['金额/元', '元'],
    ['Budget (10k yuan)', '万元'],
    ['Unit: 10,000 yuan', '万元'],
    ['Unit: RMB 10,000', '万元'],
    ['Amount (thousand yuan)', '千元'],
    ["Unit: RMB'000", '千元'],
    ['Amount (yuan)', '元'],
    ['Unit: RMB', '元'],
    ['项目名称', null],
    ['公元2020年', null],
    ['元旦慰问项目', null],
    ['填报单位：元宝区财政局', null],
    ['Budget', null],
    ['', null],
  ])('%p → %p', (text, unit) => {
    expect(detectUnit(text)).toBe(unit);
  });

  test('万元 is never read as 元, whatever surrounds it', () => {
    for (const text of ['万元', '（万元）', '单位：万元', '单位:  万 元', 'Budget（万元）', '金额/万元']) {
      expect(detectUnit(text)).toBe('万元');
    }
  });
});
