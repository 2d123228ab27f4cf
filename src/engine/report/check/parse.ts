// Splits a report's lines into numbered sections (一、 / 一. / 一，) and their numbered sub-sections
// (1、项目基本情况 …), remembering each line's 1-based position.

export interface ParsedSub {
  title: string;
  line: number;
  /** Lines of text under it, blank ones left out. */
  body: { text: string; line: number }[];
  /** Nested (1) / （1） parts: heading lines only, for the empty-section test. */
  level: 1 | 2;
}

export interface ParsedSection {
  numeral: string;
  number: number | null;
  separator: string;
  name: string;
  heading: string;
  line: number;
  lines: { text: string; line: number }[];
  subs: ParsedSub[];
}

import { parseChineseNumeral } from '../format';

const SECTION = /^\s*([一二三四五六七八九十百零〇两]+)\s*([、.．，,:：]|\s)\s*(\S.*)$/;
const SUB_TITLES = /^(项目基本情况|项目(?:预算)?绩效目标|经费来源(?:和|及)使用情况|资金来源(?:和|及)使用情况|(?:绩效)?目标完成情况(?:分析)?|得分情况|评价结论|存在(?:的)?问题|改进措施)$/;
const SUB = /^\s*(\d{1,2})\s*[、.．]\s*(\S.*)$/;
const SUB2 = /^\s*[（(]\s*(\d{1,2})\s*[)）]\s*(\S.*)$/;

/** A short title with no sentence punctuation reads as a heading; "1、为保障…，…" does not. */
function headingLike(title: string): boolean {
  const t = title.trim();
  return SUB_TITLES.test(t) || (t.length <= 12 && !/[，。；,;：:]/.test(t));
}

export function parseSections(lines: readonly string[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let current: ParsedSection | null = null;
  let sub: ParsedSub | null = null;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.replace(/\u3000/g, ' ').trim();
    if (text === '') return;
    const m = SECTION.exec(text);
    if (m && m[3].length <= 60) {
      current = { numeral: m[1], number: parseChineseNumeral(m[1]), separator: m[2].trim() === '' ? ' ' : m[2], name: m[3].trim(), heading: text, line, lines: [], subs: [] };
      sections.push(current);
      sub = null;
      return;
    }
    if (!current) return;
    const s = SUB.exec(text) ?? null;
    const s2 = s ? null : SUB2.exec(text);
    const found = s ?? s2;
    if (found && headingLike(found[2])) {
      sub = { title: found[2].trim(), line, body: [], level: s ? 1 : 2 };
      current.subs.push(sub);
      current.lines.push({ text, line });
      return;
    }
    current.lines.push({ text, line });
    if (sub) (sub as ParsedSub).body.push({ text, line });
  });
  return sections;
}
