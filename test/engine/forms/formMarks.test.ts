import { formMarks, FORM_MARK_COLOURS } from '../../../src/engine/forms/formMarks';
import type { FormProject, IndicatorResult } from '../../../src/engine/forms/formTypes';

function indicator(row: number, patch: Partial<IndicatorResult>): IndicatorResult {
  return {
    row,
    level1: '产出指标',
    level2: '数量指标',
    name: `指标${row}`,
    direction: '≥',
    target: '≥200人次',
    actual: '150人次',
    targetValue: 200,
    actualValue: 150,
    unit: '人次',
    weight: 10,
    statedScore: 10,
    score: 7.5,
    explanation: '',
    flags: [],
    cells: { statedScore: 7, explanation: 8 },
    ...patch,
  };
}

function project(patch: Partial<FormProject>): FormProject {
  return {
    sheet: '表1',
    row: 3,
    name: '项目',
    department: null,
    unitName: null,
    budgetStart: 40,
    budget: 40,
    actual: 35.5,
    usageRate: 35.5 / 40,
    statedRate: 0.88,
    executionWeight: 10,
    statedExecutionScore: 8.8,
    scores: { output: null, benefit: null, satisfaction: null, execution: 8.875, total: null },
    statedTotal: null,
    grade: null,
    flags: [],
    sources: [],
    goal: null,
    indicators: [],
    ...patch,
  } as FormProject;
}

describe('formMarks', () => {
  it('marks a disagreeing stated score so that the mark holds until the cell is within 0.5 of the computed score', () => {
    const marks = formMarks({ projects: [project({ indicators: [indicator(12, { flags: ['score_mismatch'] })] })] });
    expect(marks).toEqual([
      {
        sheet: '表1',
        row: 12,
        col: 7,
        kind: 'score',
        formula: '=NOT(AND(ISNUMBER(G12),ABS(G12-7.5)<=0.500000001,G12<=10.000000001))',
        ...FORM_MARK_COLOURS.score,
      },
    ]);
  });

  it('marks a stated score above its weight against the weight alone (定性: no computed figure to agree with)', () => {
    const [m] = formMarks({
      projects: [project({ indicators: [indicator(14, { direction: '定性', statedScore: 12, score: 10, flags: ['score_over_weight'] })] })],
    });
    expect(m.formula).toBe('=NOT(AND(ISNUMBER(G14),G14<=10.000000001))');
  });

  it('marks a blank required explanation with a formula that clears once text is typed', () => {
    const [m] = formMarks({ projects: [project({ indicators: [indicator(15, { flags: ['missing_explanation'] })] })] });
    expect(m).toMatchObject({ row: 15, col: 8, kind: 'explanation', formula: '=LEN(TRIM(H15&""))=0', fill: FORM_MARK_COLOURS.explanation.fill });
  });

  it('marks the stated 执行率 when it disagrees (seed project 3: 88% printed, 88.75% computed)', () => {
    const [m] = formMarks({ projects: [project({ flags: ['rate_mismatch'], cells: { statedRate: { row: 6, col: 7 } } })] });
    expect(m).toMatchObject({ row: 6, col: 7, kind: 'rate', formula: '=NOT(AND(ISNUMBER(G6),ABS(G6-0.8875)<=0.005000001))' });
  });

  it('leaves unflagged cells, flags without a known cell and a rate without a budget unmarked', () => {
    const marks = formMarks({
      projects: [
        project({ flags: ['rate_mismatch'], usageRate: null, cells: { statedRate: { row: 6, col: 7 } } }),
        project({ flags: ['rate_mismatch'] }),
        project({
          indicators: [
            indicator(12, {}),
            indicator(13, { flags: ['over_achievement', 'unreadable_value'] }),
            indicator(14, { flags: ['score_mismatch', 'missing_explanation'], cells: undefined }),
          ],
        }),
      ],
    });
    expect(marks).toEqual([]);
  });

  it('gives each cell one mark and keeps forms on several sheets apart', () => {
    const flagged = indicator(12, { flags: ['score_mismatch', 'score_over_weight', 'missing_explanation'], statedScore: 11 });
    const marks = formMarks({
      projects: [project({ indicators: [flagged, flagged] }), project({ sheet: '表2', indicators: [flagged] })],
    });
    expect(marks.map((m) => `${m.sheet}!${m.row}:${m.col}:${m.kind}`)).toEqual([
      '表1!12:7:score',
      '表1!12:8:explanation',
      '表2!12:7:score',
      '表2!12:8:explanation',
    ]);
  });
});
