// The figures a report's sentence states: budget, actual spend, usage rate, component and total scores.
// Patterns are tight on purpose: "预算安排专用设备购置6.8万元" is not the project's budget.

export type FigureKind = 'budget' | 'actual' | 'rate' | 'output' | 'benefit' | 'satisfaction' | 'execution' | 'total';

export interface Figure {
  kind: FigureKind;
  /** As printed: "88", "305.5". */
  printed: string;
  value: number;
  /** 万元 / 元 / 千元 for amounts; '%' for rates; '分' for scores. */
  unit: string;
}

const NUM = '(\\d[\\d,]*(?:\\.\\d+)?)';
const VERB = '\\s*(?:为|是|达|达到|共|计|:|：)?\\s*';
const PATTERNS: { kind: FigureKind; re: RegExp }[] = [
  { kind: 'budget', re: new RegExp(`(?<!年初|超出|超过|超)(?:项目资金预算|资金预算|预算资金|全年预算数?|调整后预算数?|预算数|预算金额|预算)${VERB}${NUM}\\s*(万元|千元|元)`, 'g') },
  { kind: 'actual', re: new RegExp(`(?:实际支出|实际执行数?|全年执行数?|执行数|实际使用|支出金额)${VERB}${NUM}\\s*(万元|千元|元)`, 'g') },
  { kind: 'rate', re: new RegExp(`(?:经费使用率|资金使用率|预算执行率|执行率|使用率)${VERB}${NUM}\\s*(%|％)`, 'g') },
  { kind: 'output', re: new RegExp(`产出(?:绩效|指标)?(?:得分)?${VERB}${NUM}\\s*(分)`, 'g') },
  { kind: 'benefit', re: new RegExp(`效益(?:绩效|指标)?(?:得分)?${VERB}${NUM}\\s*(分)`, 'g') },
  { kind: 'satisfaction', re: new RegExp(`满意度(?:绩效|指标)?(?:得分)?${VERB}${NUM}\\s*(分)`, 'g') },
  { kind: 'execution', re: new RegExp(`预算执行(?:得分)?${VERB}${NUM}\\s*(分)`, 'g') },
  { kind: 'total', re: new RegExp(`(?:总绩效|总得分|总分|综合得分|自评得分)${VERB}${NUM}\\s*(分)`, 'g') },
];

export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const printed = m[1].replace(/,/g, '');
      const value = Number(printed);
      if (Number.isFinite(value)) out.push({ kind, printed, value, unit: m[2] === '％' ? '%' : m[2] });
    }
  }
  return out;
}

const UNIT_YUAN: Record<string, number> = { 万元: 10000, 千元: 1000, 元: 1 };

/** An amount in the report's unit converted to the workbook's (万元 when the sheet does not say). */
export function toWorkbookUnit(value: number, unit: string, workbookUnit: string | null): number {
  const from = UNIT_YUAN[unit] ?? 1;
  const to = UNIT_YUAN[workbookUnit ?? '万元'] ?? 10000;
  return (value * from) / to;
}

/** Half a unit of the last printed decimal: 88 stands for [87.5, 88.5), 88.86 for [88.855, 88.865). */
export function roundingTolerance(printed: string): number {
  const dot = printed.indexOf('.');
  const decimals = dot < 0 ? 0 : printed.length - dot - 1;
  return 0.5 * 10 ** -decimals + 1e-9;
}
