// An indicator's target or actual as written: "≥200人次", "97.5%", "≤600元", "89.974万元", "/", "—", 236.
import { compactText, PLACEHOLDER_WORDS } from '../numbers';
import type { CellValue } from '../types';

export type Comparator = '≥' | '≤' | '=';

export interface IndicatorValue {
  /** The comparator written before the number ("≥200" → ≥); null when none. */
  comparator: Comparator | null;
  value: number | null;
  /** The unit written after the number ("人次", "%", "万元"); null when none. */
  unit: string | null;
  /** 'missing': blank or a placeholder ("/", "—"); 'text': words without a number ("效果明显"). */
  status: 'ok' | 'missing' | 'text';
  /** True when the cell held a number rather than text. */
  numeric: boolean;
}

const COMPARATORS: readonly [RegExp, Comparator][] = [
  [/^(?:≥|>=|=>|＞=|>|不低于|不少于|大于等于|大于|至少|达到)/, '≥'],
  [/^(?:≤|<=|=<|<|不高于|不超过|不多于|小于等于|小于|低于|控制在)/, '≤'],
  [/^(?:=|等于)/, '='],
];
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|^[-+]?\.\d+/;
const DASHES = /^[-‐‑‒–—―─−~～_]+$/;
const PLACEHOLDERS = new Set(PLACEHOLDER_WORDS);

/** Reads a value cell; never throws. */
export function parseIndicatorValue(cell: CellValue): IndicatorValue {
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { comparator: null, value: cell, unit: null, status: 'ok', numeric: true }
      : { comparator: null, value: null, unit: null, status: 'text', numeric: true };
  }
  if (cell === null || cell === undefined || typeof cell === 'boolean') return missing();
  let text = compactText(cell);
  if (text === '' || PLACEHOLDERS.has(text) || DASHES.test(text)) return missing();
  let comparator: Comparator | null = null;
  for (const [pattern, c] of COMPARATORS) {
    const m = pattern.exec(text);
    if (m) {
      comparator = c;
      text = text.slice(m[0].length);
      break;
    }
  }
  const m = NUMBER.exec(text);
  if (!m) return { comparator, value: null, unit: null, status: 'text', numeric: false };
  const value = Number(m[0].replace(/,/g, ''));
  const rest = text.slice(m[0].length);
  // "200人次以上" and "100%以内" keep the unit; a second number ("1-3天") makes the text a range, not a value.
  const unit = rest.replace(/(?:以上|以下|以内|左右|及以上|及以下)$/, '');
  if (/\d/.test(unit) || !Number.isFinite(value)) return { comparator, value: null, unit: null, status: 'text', numeric: false };
  return { comparator, value, unit: unit === '' ? null : unit, status: 'ok', numeric: false };
}

function missing(): IndicatorValue {
  return { comparator: null, value: null, unit: null, status: 'missing', numeric: false };
}

const MONEY: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/**
 * Target and actual on one scale: money units converted ("0.5万元" against "≤6000元"); a percentage
 * typed as a number (0.975 formatted as 97.5%) against a target written "≥95%" is read as 97.5.
 */
export function commonScale(
  target: { value: number; unit: string | null; numeric: boolean },
  actual: { value: number; unit: string | null; numeric: boolean },
): { target: number; actual: number } {
  let t = target.value;
  let a = actual.value;
  const mt = target.unit ? MONEY[target.unit] : undefined;
  const ma = actual.unit ? MONEY[actual.unit] : undefined;
  if (mt !== undefined && ma !== undefined && mt !== ma) a = (a * ma) / mt;
  if (target.unit === '%' && actual.numeric && actual.unit === null && Math.abs(a) <= 1.5 && Math.abs(t) > 1.5) a *= 100;
  if (actual.unit === '%' && target.numeric && target.unit === null && Math.abs(t) <= 1.5 && Math.abs(a) > 1.5) t *= 100;
  return { target: t, actual: a };
}
