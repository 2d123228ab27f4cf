// Checks an officer's report against the evaluation: numbering of the project sections, each section
// matched to a workbook project by name, the figures in its sentences against the workbook's (beyond
// what the printed rounding allows), paragraphs naming another project, and empty sub-sections.
import { formatAmount, formatRate, formatScore, chineseNumeral } from '../format';
import { figuresIn, roundingTolerance, toWorkbookUnit, type FigureKind } from './figures';
import { parseSections, type ParsedSection } from './parse';
import type { CheckProject, ReportFinding } from './types';

const CLOSING = /^(总体情况|总体评价|存在(?:的)?问题|改进措施|下一步|意见建议|其他|评价结论|overall|problems|improvement)/i;

function normalize(name: string): string {
  return name.replace(/[\s“”"'‘’（）()【】[\]·\-—_]/g, '').toLowerCase();
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a))) return 0.9;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

const MATCH_THRESHOLD = 0.6;

/** Each project section to the most similar unused workbook project, best pairs first. */
function matchSections(sections: ParsedSection[], projects: readonly CheckProject[]): Map<ParsedSection, number> {
  const pairs: { s: ParsedSection; p: number; score: number }[] = [];
  for (const s of sections) {
    const name = normalize(s.name);
    projects.forEach((p, i) => {
      const score = similarity(name, normalize(p.name));
      if (score >= MATCH_THRESHOLD) pairs.push({ s, p: i, score });
    });
  }
  pairs.sort((a, b) => b.score - a.score);
  const out = new Map<ParsedSection, number>();
  const used = new Set<number>();
  for (const pair of pairs) {
    if (out.has(pair.s) || used.has(pair.p)) continue;
    out.set(pair.s, pair.p);
    used.add(pair.p);
  }
  return out;
}

function numbering(sections: ParsedSection[], ref: (s: ParsedSection) => ReportFinding['project']): ReportFinding[] {
  const out: ReportFinding[] = [];
  const seen = new Set<number>();
  const counts = new Map<string, number>();
  for (const s of sections) counts.set(s.separator, (counts.get(s.separator) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  sections.forEach((s, i) => {
    const expected = i + 1;
    const base = { code: 'numbering' as const, section: s.heading, line: s.line, project: ref(s) };
    if (s.number !== expected) {
      const detail = s.number !== null && seen.has(s.number) ? 'repeated' : s.number !== null && s.number > expected ? 'skipped' : 'order';
      out.push({ ...base, says: s.numeral, workbook: chineseNumeral(expected), detail });
    }
    if (s.number !== null) seen.add(s.number);
    if (usual !== undefined && s.separator !== usual) out.push({ ...base, says: `${s.numeral}${s.separator}`, workbook: `${s.numeral}${usual}`, detail: 'separator' });
  });
  return out;
}

const SCORE_KINDS: FigureKind[] = ['output', 'benefit', 'satisfaction', 'execution', 'total'];

export interface CheckOptions {
  unit: string | null;
}

export function checkReport(lines: readonly string[], projects: readonly CheckProject[], options: CheckOptions): ReportFinding[] {
  const all = parseSections(lines);
  const projectSections = all.filter((s) => !CLOSING.test(s.name));
  const matched = matchSections(projectSections, projects);
  const ref = (s: ParsedSection): ReportFinding['project'] => {
    const i = matched.get(s);
    return i === undefined ? null : { index: i, name: projects[i].name, row: projects[i].row };
  };
  const findings: ReportFinding[] = [...numbering(all, ref)];

  for (const s of projectSections) {
    const index = matched.get(s);
    if (index === undefined) {
      findings.push({ code: 'unknown_project', section: s.heading, line: s.line, project: null, says: s.name, workbook: '' });
      continue;
    }
    const p = projects[index];
    const project = { index, name: p.name, row: p.row };
    const own = normalize(p.name);
    const others = projects
      .map((q, i) => ({ i, key: normalize(q.name) }))
      .filter((q) => q.i !== index && q.key !== '' && !own.includes(q.key))
      .sort((a, b) => b.key.length - a.key.length);

    for (const { text, line } of s.lines) {
      const flat = normalize(text);
      if (!flat.includes(own)) {
        const other = others.find((q) => flat.includes(q.key));
        if (other) findings.push({ code: 'name_mismatch', section: s.heading, line, project, says: projects[other.i].name, workbook: p.name });
      }
      for (const f of figuresIn(text)) {
        const tol = roundingTolerance(f.printed);
        if (f.kind === 'budget' || f.kind === 'actual') {
          const wb = f.kind === 'budget' ? p.budget : p.actual;
          if (wb === null) continue;
          const said = toWorkbookUnit(f.value, f.unit, options.unit);
          const scale = toWorkbookUnit(1, f.unit, options.unit);
          if (Math.abs(said - wb) > tol * scale + 1e-9 * Math.max(1, Math.abs(wb))) {
            findings.push({ code: 'amount_differs', section: s.heading, line, project, says: `${f.printed}${f.unit}`, workbook: `${formatAmount(wb)}${options.unit ?? ''}`, detail: f.kind });
          }
        } else if (f.kind === 'rate') {
          if (p.usageRate === null) continue;
          if (Math.abs(f.value - p.usageRate * 100) > tol) {
            findings.push({ code: 'rate_differs', section: s.heading, line, project, says: `${f.printed}%`, workbook: formatRate(p.usageRate), detail: 'rate' });
          }
        } else if (SCORE_KINDS.includes(f.kind)) {
          const wb = p.scores[f.kind as keyof CheckProject['scores']];
          if (wb === null) continue;
          if (Math.abs(f.value - wb) > tol) {
            findings.push({ code: 'score_differs', section: s.heading, line, project, says: `${f.printed}分`, workbook: `${formatScore(wb)}分`, detail: f.kind });
          }
        }
      }
    }

    s.subs.forEach((sub, k) => {
      const next = s.subs[k + 1];
      const hasNested = sub.level === 1 && next !== undefined && next.level === 2;
      if (sub.body.length === 0 && !hasNested) {
        findings.push({ code: 'empty_section', section: s.heading, line: sub.line, project, says: sub.title, workbook: '', detail: sub.title });
      }
    });
  }

  const found = new Set(matched.values());
  projects.forEach((p, i) => {
    if (!found.has(i)) findings.push({ code: 'missing_project', section: '', line: 0, project: { index: i, name: p.name, row: p.row }, says: '', workbook: p.name });
  });
  return findings.sort((a, b) => (a.line || Infinity) - (b.line || Infinity));
}
