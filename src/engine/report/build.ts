// Builds the draft report from an evaluation (table or forms, through ReportInput): an opening, one
// numbered section per project in sheet / form order (basics, targets, funds, analysis, scores), then
// 总体情况, 存在的问题 and 改进措施. Every figure goes through format.ts; what the workbook does not say is a
// visible placeholder, never an invented sentence.
import { flagLabel, gradeLabel } from '../messages';
import type { Flag, Lang } from '../types';
import { FLAGS, GRADES } from '../types';
import { chineseNumeral, formatAmount, formatCount, formatRate, formatScore } from './format';
import { formFlagLabel, indicatorFlagLabel, reportRuns, reportText, type ReportTextKey, type RunValue } from './text';
import type { ReportInput, ReportModel, ReportParagraph, ReportProject, ReportRun, ReportSection, ReportSubsection } from './types';

class Writer {
  constructor(
    readonly lang: Lang,
    readonly input: ReportInput,
  ) {}

  t(key: ReportTextKey, values: Record<string, string> = {}): string {
    return reportText(key, this.lang, values);
  }

  runs(key: ReportTextKey, values: Record<string, RunValue> = {}): ReportRun[] {
    return reportRuns(key, this.lang, values);
  }

  ph(what: ReportTextKey): RunValue {
    return { text: this.t('placeholder', { what: this.t(what) }), emphasis: 'placeholder' };
  }

  fig(text: string): RunValue {
    return { text, emphasis: 'bold' };
  }

  amount(x: number | null): RunValue {
    return x === null ? this.ph('phAmount') : this.fig(formatAmount(x));
  }

  rate(x: number): RunValue {
    return this.fig(formatRate(x));
  }

  score(x: number): RunValue {
    return this.fig(formatScore(x));
  }

  get unit(): string {
    const unit = this.input.unit;
    if (unit === null) return '';
    return this.t(`unit_${unit}`);
  }

  numeral(n: number): string {
    return this.lang === 'zh' ? chineseNumeral(n) : String(n);
  }

  body(...runs: ReportRun[][]): ReportParagraph {
    return { style: 'body', runs: merge(runs.flat()) };
  }

  label(text: string): ReportParagraph {
    return { style: 'label', runs: [{ text, emphasis: 'bold' }] };
  }

  plain(text: string): ReportRun[] {
    return [{ text }];
  }

  placeholderParagraph(what: ReportTextKey): ReportParagraph {
    const v = this.ph(what) as { text: string; emphasis: 'placeholder' };
    return { style: 'body', runs: [v] };
  }
}

function merge(runs: ReportRun[]): ReportRun[] {
  const out: ReportRun[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.emphasis === r.emphasis) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** Multi-line cell text becomes one paragraph per line. */
function textParagraphs(w: Writer, text: string): ReportParagraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => w.body(w.plain(line)));
}

function oneLineName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

function basics(w: Writer, p: ReportProject): ReportParagraph[] {
  const out: ReportParagraph[] = [];
  if (p.basics && p.basics.trim() !== '') out.push(...textParagraphs(w, p.basics));
  if (p.goal) {
    if (p.goal.expected && p.goal.expected.trim() !== '') out.push(w.body(w.plain(w.t('goalExpected') + p.goal.expected.trim())));
    if (p.goal.achieved && p.goal.achieved.trim() !== '') out.push(w.body(w.plain(w.t('goalAchieved') + p.goal.achieved.trim())));
  }
  return out.length > 0 ? out : [w.placeholderParagraph('phBasics')];
}

function targets(w: Writer, p: ReportProject): ReportParagraph[] {
  if (!p.indicators || p.indicators.length === 0) return [w.placeholderParagraph('phTargets')];
  const groups = new Map<string, ReportProject['indicators'] & object>();
  for (const ind of p.indicators) {
    const key = ind.level1.trim() || '—';
    const list = groups.get(key) ?? [];
    groups.set(key, [...list, ind]);
  }
  const out: ReportParagraph[] = [];
  let n = 0;
  for (const [group, list] of groups) {
    n++;
    out.push(w.label(w.t('groupLabel', { n: String(n), group })));
    for (const ind of list) {
      const level2 = ind.level2.trim() === '' ? '' : `${ind.level2.trim()}·`;
      out.push(
        w.body(
          w.runs('indicatorLine', {
            level2,
            name: ind.name,
            target: ind.target.trim() === '' ? w.ph('phAmount') : ind.target.trim(),
            actual: ind.actual.trim() === '' ? w.ph('phAmount') : ind.actual.trim(),
          }),
        ),
      );
    }
  }
  return out;
}

function funds(w: Writer, p: ReportProject): ReportParagraph[] {
  const unit = w.unit;
  const runs: ReportRun[] = [...w.runs('fundsBudget', { budget: w.amount(p.budget), unit })];
  if (p.budgetStart !== null && (p.budget === null || Math.abs(p.budgetStart - p.budget) > 1e-9)) {
    runs.push(...w.runs('fundsBudgetStart', { amount: w.amount(p.budgetStart), unit }));
  }
  if (p.sources !== null) {
    runs.push(...w.plain(w.t('fundsSource')));
    const named = p.sources.filter((s) => (s.budget ?? 0) !== 0 || (s.actual ?? 0) !== 0);
    if (named.length === 0) runs.push(w.ph('phSource') as ReportRun);
    named.forEach((s, i) => {
      if (i > 0) runs.push(...w.plain(w.t('itemSep')));
      const label = s.label.replace(/^其中[:：]?/, '').trim();
      runs.push(...w.runs('fundsSourceItem', { label, amount: w.amount(s.budget), unit }));
    });
  }
  runs.push(...w.runs('fundsActual', { actual: w.amount(p.actual), unit }));
  return [w.body(runs)];
}

function analysis(w: Writer, p: ReportProject): ReportParagraph[] {
  const band = w.input.band;
  const out: ReportParagraph[] = [];
  const under = p.flags.includes('under_execution');
  const over = p.flags.includes('over_budget');
  if (p.usageRate === null) {
    out.push(w.body(w.plain(w.t('rateNone'))));
  } else {
    const lead = w.runs('rateSentence', { rate: w.rate(p.usageRate) });
    const low = formatRate(band.low);
    const high = formatRate(band.high);
    const tail = under
      ? w.runs('rateUnder', { low })
      : over
        ? w.runs('rateOver', { high, excess: w.amount((p.actual ?? 0) - (p.budget ?? 0)), unit: w.unit })
        : w.runs('rateInside', { low, high });
    out.push(w.body(lead, tail));
  }
  if (p.explanation !== null && p.explanation.trim() !== '') {
    out.push(w.body(w.plain(w.t('explanationLead') + p.explanation.trim())));
  } else if (under || over) {
    out.push(w.body(w.plain(w.t('explanationLead')), [w.ph('phExplanation') as ReportRun]));
  }
  if (p.indicators && p.indicators.length > 0) {
    let allMet = true;
    for (const ind of p.indicators) {
      const notMet = ind.score !== null && ind.weight !== null && ind.score < ind.weight - 1e-9;
      if (notMet) {
        allMet = false;
        const lead = w.runs('indicatorNotMet', {
          name: ind.name,
          target: ind.target.trim(),
          actual: ind.actual.trim(),
          score: w.score(ind.score as number),
          weight: formatScore(ind.weight as number),
        });
        const why: ReportRun[] = ind.explanation && ind.explanation.trim() !== '' ? w.plain(ind.explanation.trim()) : [w.ph('phExplanation') as ReportRun];
        out.push(w.body(lead, why));
      }
      if (ind.flags.includes('over_achievement')) {
        out.push(w.body(w.runs('indicatorOver', { name: ind.name, target: ind.target.trim(), actual: ind.actual.trim() })));
      }
    }
    if (allMet) out.push(w.body(w.plain(w.t('indicatorsMetAll'))));
  }
  return out;
}

/** Exactly the scheme's components, then the execution score where the scheme has one, total and grade. */
function scores(w: Writer, p: ReportProject, name: string): ReportParagraph[] {
  const scheme = w.input.scheme;
  const parts: { key: ReportTextKey; value: number | null }[] = [];
  if (scheme.weights.output !== undefined) parts.push({ key: 'scoreOutput', value: p.scores.output });
  if (scheme.weights.benefit !== undefined) parts.push({ key: 'scoreBenefit', value: p.scores.benefit });
  if (scheme.weights.satisfaction !== undefined) parts.push({ key: 'scoreSatisfaction', value: p.scores.satisfaction });
  if (scheme.execution !== null) parts.push({ key: 'scoreExecution', value: p.scores.execution });
  parts.push({ key: 'scoreTotal', value: p.scores.total });
  if (parts.every((x) => x.value === null)) return [w.placeholderParagraph('phScores')];
  const runs: ReportRun[] = [...w.runs('scoreLead', { name })];
  parts.forEach((part, i) => {
    if (i > 0) runs.push(...w.plain(w.t('listSep')));
    if (part.value === null) {
      const what = w.t(part.key, { score: '' }).replace(/为?分$/, '').replace(/\s+$/, '');
      runs.push(...w.runs('scoreMissing', { what }));
    } else {
      runs.push(...w.runs(part.key, { score: w.score(part.value) }));
    }
  });
  if (p.grade !== null) {
    runs.push(...w.plain(w.t('listSep')));
    runs.push(...w.runs('scoreGrade', { grade: w.fig(gradeLabel(p.grade, w.lang)) }));
  }
  runs.push(...w.plain(w.t('end')));
  return [w.body(runs)];
}

function projectSection(w: Writer, p: ReportProject, index: number): ReportSection {
  const name = oneLineName(p.name);
  const sub = (key: ReportSubsection['key'], n: number, title: ReportTextKey, paragraphs: ReportParagraph[]): ReportSubsection => ({
    key,
    heading: w.t('subHeading', { n: String(n), title: w.t(title) }),
    paragraphs,
  });
  return {
    key: 'project',
    heading: w.t('sectionHeading', { numeral: w.numeral(index + 1), name }),
    project: { index, name: p.name, sheet: p.sheet, row: p.row },
    paragraphs: [],
    subsections: [
      sub('basics', 1, 'subBasics', basics(w, p)),
      sub('targets', 2, 'subTargets', targets(w, p)),
      sub('funds', 3, 'subFunds', funds(w, p)),
      sub('analysis', 4, 'subAnalysis', analysis(w, p)),
      sub('scores', 5, 'subScores', scores(w, p, name)),
    ],
  };
}

function overall(w: Writer, numeral: string): ReportSection {
  const { totals, grades, projects } = w.input;
  const unit = w.unit;
  const values = {
    count: w.fig(formatCount(totals.projects)),
    budget: w.fig(formatAmount(totals.budget)),
    actual: w.fig(formatAmount(totals.actual)),
    unit,
  };
  const paragraphs: ReportParagraph[] = [
    w.body(
      totals.usageRate === null
        ? w.runs('overallNoRate', values)
        : w.runs('overallSentence', { ...values, rate: w.rate(totals.usageRate) }),
    ),
  ];
  if (projects.some((p) => p.grade !== null)) {
    const counts: Record<string, RunValue> = {};
    for (const g of GRADES) counts[g] = w.fig(formatCount(grades[g]));
    paragraphs.push(w.body(w.runs('gradeSentence', counts)));
  }
  for (const check of w.input.sheetChecks) paragraphs.push(w.body(w.plain(w.t('problemSheet') + check)));
  return { key: 'overall', heading: w.t('sectionHeading', { numeral, name: w.t('overallHeading') }), paragraphs, subsections: [] };
}

const OTHER_FLAGS: readonly string[] = ['zero_budget', 'missing_value', 'negative_value', 'score_over_weight', 'low_score', 'weights_mismatch', 'fund_total_mismatch'];

function labelOf(flag: string, lang: Lang): string {
  return (FLAGS as readonly string[]).includes(flag) ? flagLabel(flag as Flag, lang) : (formFlagLabel(flag, lang) ?? flag);
}

function problems(w: Writer, numeral: string): ReportSection {
  const { projects, band } = w.input;
  const sep = w.t('itemSep');
  const groups: { lead: ReportRun[]; items: ReportRun[][] }[] = [];
  const group = (lead: ReportRun[], items: ReportRun[][]): void => {
    if (items.length > 0) groups.push({ lead, items });
  };
  const named = projects.map((p) => oneLineName(p.name));

  group(
    w.runs('problemUnder', { low: formatRate(band.low) }),
    projects.flatMap((p, i) => (p.flags.includes('under_execution') && p.usageRate !== null ? [w.runs('itemRate', { name: named[i], rate: w.rate(p.usageRate) })] : [])),
  );
  group(
    w.runs('problemOver'),
    projects.flatMap((p, i) =>
      p.flags.includes('over_budget') && p.usageRate !== null
        ? [w.runs('itemOver', { name: named[i], excess: w.amount((p.actual ?? 0) - (p.budget ?? 0)), unit: w.unit, rate: w.rate(p.usageRate) })]
        : [],
    ),
  );
  group(
    w.runs('problemStated'),
    projects.flatMap((p, i) => {
      const items: ReportRun[][] = [];
      if (p.flags.includes('rate_mismatch') && p.statedRate !== null && p.usageRate !== null) {
        items.push(w.runs('itemStatedRate', { name: named[i], stated: w.fig(formatRate(p.statedRate)), computed: w.rate(p.usageRate) }));
      }
      if (p.flags.includes('total_mismatch') && p.statedTotal !== null && p.scores.total !== null) {
        items.push(w.runs('itemStatedTotal', { name: named[i], stated: w.fig(formatScore(p.statedTotal)), computed: w.score(p.scores.total) }));
      }
      return items;
    }),
  );
  group(
    w.runs('problemExplain'),
    projects.flatMap((p, i) => (p.flags.includes('missing_explanation') ? [w.plain(named[i])] : [])),
  );
  group(
    w.runs('problemIndicators'),
    projects.flatMap((p, i) =>
      (p.indicators ?? [])
        .filter((ind) => ind.flags.length > 0)
        .map((ind) => w.runs('itemIndicator', { name: named[i], indicator: ind.name, labels: ind.flags.map((f) => indicatorFlagLabel(f, w.lang)).join(sep) })),
    ),
  );
  group(
    w.runs('problemOther'),
    projects.flatMap((p, i) => {
      const flags = p.flags.filter((f) => OTHER_FLAGS.includes(f));
      return flags.length === 0 ? [] : [w.runs('itemFlags', { name: named[i], labels: flags.map((f) => labelOf(f, w.lang)).join(sep) })];
    }),
  );

  const paragraphs: ReportParagraph[] =
    groups.length === 0
      ? [w.body(w.plain(w.t('problemsNone')))]
      : groups.map((g, n) => {
          const runs: ReportRun[] = [{ text: w.t('groupLabel', { n: String(n + 1), group: '' }), emphasis: 'bold' }, ...g.lead.map((r) => ({ ...r, emphasis: r.emphasis ?? 'bold' }))];
          g.items.forEach((item, k) => {
            if (k > 0) runs.push({ text: sep });
            runs.push(...item);
          });
          runs.push({ text: w.t('end') });
          return w.body(runs);
        });
  return { key: 'problems', heading: w.t('sectionHeading', { numeral, name: w.t('problemsHeading') }), paragraphs, subsections: [] };
}

function measures(w: Writer, numeral: string): ReportSection {
  const paragraphs: ReportParagraph[] = [];
  w.input.projects.forEach((p) => {
    const name = oneLineName(p.name);
    if (p.explanation !== null && p.explanation.trim() !== '') paragraphs.push(w.body(w.runs('measureItem', { name, text: p.explanation.trim() })));
    for (const ind of p.indicators ?? []) {
      if (ind.explanation && ind.explanation.trim() !== '') {
        paragraphs.push(w.body(w.runs('measureItem', { name: `${name}·${ind.name}`, text: ind.explanation.trim() })));
      }
    }
  });
  paragraphs.push(w.placeholderParagraph('phMeasures'));
  return { key: 'measures', heading: w.t('sectionHeading', { numeral, name: w.t('measuresHeading') }), paragraphs, subsections: [] };
}

function title(w: Writer): string {
  const { department, year } = w.input;
  return w.t('title', {
    department: department ? w.t('titleDepartment', { department }) : '',
    year: year ? w.t('titleYear', { year: String(year) }) : '',
  });
}

function opening(w: Writer): ReportParagraph[] {
  const { department, year, scheme, band, totals, unit } = w.input;
  return [
    w.body(
      w.runs('opening', {
        department: department ?? w.ph('phDepartment'),
        year: year ?? w.ph('phYear'),
        count: w.fig(formatCount(totals.projects)),
        scheme: scheme.name[w.lang],
        low: formatRate(band.low),
        high: formatRate(band.high),
        unit: unit === null ? w.t('unitNotStated') : w.unit,
      }),
    ),
  ];
}

export function buildReport(input: ReportInput, lang: Lang): ReportModel {
  const w = new Writer(lang, input);
  const sections = input.projects.map((p, i) => projectSection(w, p, i));
  const n = sections.length;
  sections.push(overall(w, w.numeral(n + 1)), problems(w, w.numeral(n + 2)), measures(w, w.numeral(n + 3)));
  return { lang, title: title(w), opening: opening(w), sections };
}
