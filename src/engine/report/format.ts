// Every number the report prints is formatted here, and nowhere else: amounts with two decimals,
// rates as percentages with two decimals, scores with up to two decimals, section numerals.

/** Rounds half away from zero at `digits` decimals without binary surprises (1.005 → 1.01). */
function roundTo(x: number, digits: number): number {
  const factor = 10 ** digits;
  const shifted = Number((Math.abs(x) * factor).toPrecision(15));
  const r = (Math.sign(x) * Math.round(shifted)) / factor;
  return Object.is(r, -0) ? 0 : r;
}

/** 305.5 → "305.50", 1234.5 → "1234.50" (no grouping: figures are read back by the check). */
export function formatAmount(x: number): string {
  return roundTo(x, 2).toFixed(2);
}

/** 0.8875 → "88.75%", 1.0069 → "100.69%". */
export function formatRate(fraction: number): string {
  return `${roundTo(fraction * 100, 2).toFixed(2)}%`;
}

/** 45 → "45", 8.886 → "8.89", 45.5 → "45.5". */
export function formatScore(x: number): string {
  return String(roundTo(x, 2));
}

/** A count of projects or indicators. */
export function formatCount(n: number): string {
  return String(Math.round(n));
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 → 一百, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0) return String(n);
  if (n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds > 0) out += `${DIGITS[hundreds]}百`;
  if (tens > 0) out += `${tens === 1 && hundreds === 0 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGITS[ones];
  return out;
}

/** The inverse of chineseNumeral for 一 … 九百九十九; null for anything else. */
export function parseChineseNumeral(text: string): number | null {
  if (!/^[一二三四五六七八九十百零〇两]+$/.test(text)) return null;
  const digit = (c: string): number => (c === '两' ? 2 : c === '〇' ? 0 : DIGITS.indexOf(c));
  let total = 0;
  let current = 0;
  for (const c of text) {
    if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = digit(c);
    }
  }
  const n = total + current;
  return n > 0 ? n : null;
}

/** How many decimals a number is printed with: "88" → 0, "88.86" → 2. */
export function decimalsOf(printed: string): number {
  const dot = printed.indexOf('.');
  return dot < 0 ? 0 : printed.length - dot - 1;
}
