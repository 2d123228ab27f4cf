// Cell values → numbers. Officers type amounts as text in many shapes ("305.5万元", "1,234.50",
// "２６．１５", "(12.5)", "—"); this module turns each into a number or says why there is none.
import type { CellValue, ParsedNumber, Unit } from './types';

// Shared, frozen results: parsing runs once per cell on sheets of a million rows, so the
// common "no number" outcomes allocate nothing.
/** The parse of a blank cell or of an absent one (a column the sheet does not have). Frozen and shared. */
export const MISSING_NUMBER: ParsedNumber = Object.freeze({ value: null, status: 'missing' }) as ParsedNumber;
const UNREADABLE: ParsedNumber = Object.freeze({ value: null, status: 'unreadable' }) as ParsedNumber;

/** Plain ASCII decimals, the common case for numbers typed as text: skips normalisation. */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const PLAIN_PERCENT = /^-?\d+(?:\.\d+)?%$/;

/** Digits with optional comma grouping (groups of three), fraction and exponent. */
const NUMBER_CORE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?(?:e[+-]?\d+)?$|^\.\d+(?:e[+-]?\d+)?$/i;

/** Placeholders officers write for "no value" (besides dashes). Compared after NFKC and whitespace removal. */
export const PLACEHOLDER_WORDS: readonly string[] = ['/', '\\', '无', 'n/a', 'na', '空', '不适用'];
const PLACEHOLDERS = new Set(PLACEHOLDER_WORDS);
/** Dashes of every width: "-", "–", "—", "——", "―", "─", "−", "--". */
const DASHES_ONLY = /^[-‐‑‒–—―─−~～_]+$/;

const MINUS_SIGNS = /^[-−‒–]/;
const CURRENCY_PREFIX = /^(?:¥|\$|rmb|cny)/i;
const UNIT_SUFFIXES: readonly (readonly [string, Unit])[] = [
  ['(万元)', '万元'],
  ['(千元)', '千元'],
  ['(元)', '元'],
  ['万元', '万元'],
  ['千元', '千元'],
  ['元', '元'],
];

/** A plain number in a rate column above this (in absolute value) is a percentage: 104 → 1.04. */
export const RATE_FRACTION_LIMIT = 3;

/** Frozen results for the small whole numbers scores are made of (0..100): no allocation per cell. */
const SMALL_INTEGERS: readonly ParsedNumber[] = Array.from({ length: 101 }, (_, i) =>
  Object.freeze({ value: i, status: 'ok' }) as ParsedNumber,
);

function finiteResult(value: number, unit?: Unit): ParsedNumber {
  if (!Number.isFinite(value)) return UNREADABLE;
  if (unit === undefined) {
    if (value >= 0 && value <= 100 && (value | 0) === value) return SMALL_INTEGERS[value | 0];
    return { value, status: 'ok' };
  }
  return { value: value === 0 ? 0 : value, status: 'ok', unit };
}

/** Exact powers of ten: a whole number below 2^53 divided by one of them is the correctly rounded decimal. */
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** At most this many digits: the digits read as a whole number stay below 2^53, so it is exact. */
const PLAIN_DIGITS_LIMIT = 15;

/**
 * An amount typed as plain ASCII text, "-1,234.50", "305.5", "305.5万元", read without normalising the
 * text or allocating: a sign, digits (commas only in groups of three), a fraction, an optional 万元, 千元
 * or 元. NaN for any other text, which the full parse then reads; what it reads is what the full parse
 * would (Number() of the same digits; -0 as 0).
 */
export function plainAmountText(text: string): number {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 0x5143 /* 元 */) {
    end--;
    const c = end > 0 ? text.charCodeAt(end - 1) : 0;
    if (c === 0x4e07 /* 万 */ || c === 0x5343 /* 千 */) end--;
  }
  let i = 0;
  const negative = end > 0 && text.charCodeAt(0) === 0x2d; /* - */
  if (negative) i = 1;
  let mantissa = 0;
  let digits = 0;
  let group = 0; // digits since the start or the last comma
  let grouped = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      group++;
    } else if (c === 0x2c /* , */) {
      if (grouped ? group !== 3 : group < 1 || group > 3) return NaN;
      grouped = true;
      group = 0;
    } else break;
  }
  if (group === 0 || (grouped && group !== 3)) return NaN;
  let fraction = 0;
  if (i < end) {
    if (text.charCodeAt(i) !== 0x2e /* . */) return NaN;
    for (i++; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return NaN;
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      fraction++;
    }
    if (fraction === 0) return NaN;
  }
  if (digits > PLAIN_DIGITS_LIMIT) return NaN;
  const value = fraction === 0 ? mantissa : mantissa / POW10[fraction];
  return negative && value !== 0 ? -value : value;
}

/** The unit an amount text ends with, as plainAmountText reads it. */
function plainAmountUnit(text: string): Unit | undefined {
  const n = text.length;
  if (n === 0 || text.charCodeAt(n - 1) !== 0x5143) return undefined;
  const c = n > 1 ? text.charCodeAt(n - 2) : 0;
  return c === 0x4e07 ? '万元' : c === 0x5343 ? '千元' : '元';
}

/** NFKC (full-width digits, punctuation, ￥), lower case, every whitespace removed: how cell and header texts are compared. */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function isPlaceholder(compact: string): boolean {
  return compact === '' || PLACEHOLDERS.has(compact) || DASHES_ONLY.test(compact);
}

interface Signed {
  body: string;
  negative: boolean;
}

/** Strips "(x)" accounting negatives, a leading sign and a currency sign, in any sensible order. */
function stripSignAndCurrency(text: string, allowCurrency: boolean): Signed | null {
  let body = text;
  let negative = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    body = body.slice(1, -1);
    negative = true;
  }
  let signSeen = false;
  for (let pass = 0; pass < 2; pass++) {
    if (!signSeen && MINUS_SIGNS.test(body)) {
      if (negative) return null; // "(-12.5)": ambiguous, do not guess
      body = body.slice(1);
      negative = true;
      signSeen = true;
    } else if (!signSeen && body.startsWith('+')) {
      if (negative) return null;
      body = body.slice(1);
      signSeen = true;
    }
    const currency = allowCurrency ? CURRENCY_PREFIX.exec(body) : null;
    if (currency) body = body.slice(currency[0].length);
  }
  return { body, negative };
}

function numberFromCore(core: string): number | null {
  if (!NUMBER_CORE.test(core)) return null;
  const value = Number(core.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

type TextKind = 'amount' | 'rate' | 'score';

interface TextParse {
  value: number;
  unit?: Unit;
  percent: boolean;
}

/** Parses normalised text; null when it is not a number of the given kind. */
function parseText(compact: string, kind: TextKind): TextParse | null {
  const signed = stripSignAndCurrency(compact, kind === 'amount');
  if (signed === null) return null;
  let body = signed.body;
  let unit: Unit | undefined;
  let percent = false;
  if (kind === 'amount') {
    for (const [suffix, u] of UNIT_SUFFIXES) {
      if (body.endsWith(suffix)) {
        body = body.slice(0, -suffix.length);
        unit = u;
        break;
      }
    }
  } else if (kind === 'rate') {
    if (body.endsWith('%')) {
      body = body.slice(0, -1);
      percent = true;
    }
  } else if (body.endsWith('分')) {
    body = body.slice(0, -1);
  }
  const magnitude = numberFromCore(body);
  if (magnitude === null) return null;
  return { value: signed.negative ? -magnitude : magnitude, unit, percent };
}

function parseCell(v: CellValue, kind: TextKind): ParsedNumber | TextParse {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, percent: false } : UNREADABLE;
  if (v === null || v === undefined) return MISSING_NUMBER;
  if (typeof v !== 'string') return UNREADABLE; // booleans
  if (v === '') return MISSING_NUMBER;
  if (PLAIN_DECIMAL.test(v)) {
    const value = Number(v);
    return Number.isFinite(value) ? { value, percent: false } : UNREADABLE;
  }
  const compact = compactText(v);
  if (isPlaceholder(compact)) return MISSING_NUMBER;
  return parseText(compact, kind) ?? UNREADABLE;
}

function isParsedNumber(x: ParsedNumber | TextParse): x is ParsedNumber {
  return 'status' in x;
}

/** An amount: a number, or text such as "305.5万元", "1,234.50", "２６．１５", "(12.5)", "¥1,200". */
export function parseAmount(v: CellValue): ParsedNumber {
  if (typeof v === 'number') return finiteResult(v); // the common case, one allocation
  if (typeof v === 'string') {
    const plain = plainAmountText(v);
    if (plain === plain) return finiteResult(plain, plainAmountUnit(v));
  }
  return parseOddAmount(v);
}

/**
 * parseAmount for a cell that is neither a number nor plain amount text ("（12.5）", "¥1,200", full-width
 * digits, placeholders): for a reader that has already tried plainAmountText.
 */
export function parseOddAmount(v: CellValue): ParsedNumber {
  const r = parseCell(v, 'amount');
  return isParsedNumber(r) ? r : finiteResult(r.value, r.unit);
}

/**
 * A usage rate as a fraction. "88.86%" → 0.8886. A plain number (or numeric text without %) is taken
 * as a fraction when |x| ≤ 3 and as a percentage above: 0.95 → 0.95, 104 → 1.04.
 */
export function parseRate(v: CellValue): ParsedNumber {
  if (typeof v === 'number') return finiteResult(Math.abs(v) > RATE_FRACTION_LIMIT ? v / 100 : v);
  if (typeof v === 'string' && PLAIN_PERCENT.test(v)) return finiteResult(Number(v.slice(0, -1)) / 100);
  const r = parseCell(v, 'rate');
  if (isParsedNumber(r)) return r;
  const asFraction = r.percent || Math.abs(r.value) > RATE_FRACTION_LIMIT ? r.value / 100 : r.value;
  return finiteResult(asFraction);
}

/** A score: a number, or numeric text, optionally followed by 分 ("45分"). */
export function parseScore(v: CellValue): ParsedNumber {
  if (typeof v === 'number') return finiteResult(v);
  const r = parseCell(v, 'score');
  return isParsedNumber(r) ? r : finiteResult(r.value);
}

// ---- units in text ---------------------------------------------------------

const TEN_THOUSAND_EN = /10k(?:yuan|rmb|cny)|(?:yuan|rmb|cny)10k|10,?000(?:yuan|rmb|cny)|(?:rmb|cny)(?:'?0000|10,?000)|tenthousand(?:s?of)?(?:yuan|rmb|cny)/;
const THOUSAND_EN = /(?:^|[^0-9])(?:1,?000(?:yuan|rmb|cny)|(?:rmb|cny)'?000(?!0)|(?:rmb|cny)1,?000(?!0)|thousand(?:s?of)?(?:yuan|rmb|cny)|k(?:yuan|rmb|cny))/;
const YUAN_EN = /yuan|rmb|cny/;
/** 元 standing as a unit: the whole text, after 单位/unit, or inside brackets or after a slash. */
const YUAN_ZH = /^(?:人民币)?元$|单位[:]?(?:人民币)?元(?![\u4e00-\u9fff])|[([【〔/](?:人民币)?元(?:[)\]】〕]|$)/;

/**
 * The unit a text states: "单位：万元", "预算数（万元）", "Budget (10k yuan)" → 万元; "千元" → 千元;
 * "元", "单位：元", "金额（元）" → 元. Null when the text names no unit.
 */
export function detectUnit(text: string): Unit | null {
  if (typeof text !== 'string' || text === '') return null;
  const compact = compactText(text);
  if (compact.includes('万元')) return '万元';
  if (compact.includes('千元')) return '千元';
  if (YUAN_ZH.test(compact)) return '元';
  if (TEN_THOUSAND_EN.test(compact)) return '万元';
  if (THOUSAND_EN.test(compact)) return '千元';
  if (YUAN_EN.test(compact)) return '元';
  return null;
}
