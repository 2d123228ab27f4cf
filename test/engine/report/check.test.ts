// The check of an officer's report: the seed report as written against the seed workbook, a clean
// report (our own draft), and one mistake of each kind made in a generated report.
import { evaluateSheet } from '../../../src/engine/evaluateSheet';
import { buildReport } from '../../../src/engine/report/build';
import { checkReport } from '../../../src/engine/report/check/check';
import { checkProjects } from '../../../src/engine/report/check/fromEvaluation';
import { findingSentence } from '../../../src/engine/report/check/text';
import { reportInputFromTable } from '../../../src/engine/report/fromTable';
import { reportLines } from '../../../src/engine/report/lines';
import { BUILTIN_SCHEMES } from '../../../src/engine/schemes';
import type { Grid } from '../../../src/engine/types';
import { SEED } from '../../support/seed';
import { SEED_REPORT_LINES } from '../../support/seedReport';

function seedEvaluation() {
  const grid: Grid = [
    ['序号', '项目名称', '预算数', '实际执行数', '产出绩效', '效益绩效', '总绩效'],
    ...SEED.names.map((name, i) => [i + 1, name, SEED.budgets[i], SEED.actuals[i], SEED.output[i], SEED.benefit[i], SEED.totals[i]]),
  ];
  grid.unshift(['单位：万元']);
  const result = evaluateSheet({ name: 'Sheet1', grid, origin: { row: 1, col: 1 } }, { scheme: BUILTIN_SCHEMES.wuhan2018 });
  if (!result.ok) throw new Error(result.error.code);
  return result;
}

const { evaluation, detection } = seedEvaluation();
const projects = checkProjects(evaluation);
const check = (lines: readonly string[]) => checkReport(lines, projects, { unit: evaluation.unit });

describe('the seed report against the seed workbook', () => {
  const findings = check(SEED_REPORT_LINES);
  const about = (i: number) => findings.filter((f) => f.project?.index === i);

  it('finds 五 repeated where 七 belongs, and 六 with another separator', () => {
    const numbering = findings.filter((f) => f.code === 'numbering');
    expect(numbering).toEqual([
      expect.objectContaining({ section: '六、小微企业生产安全险及责任政府补贴', says: '六、', workbook: '六.', detail: 'separator' }),
      expect.objectContaining({ section: '五. 社区安全协管员补助经费', says: '五', workbook: '七', detail: 'repeated', project: { index: 6, name: SEED.names[6], row: 9 } }),
    ]);
    expect(findingSentence(numbering[1], 'zh')).toBe(`第${numbering[1].line}段（五. 社区安全协管员补助经费）：编号“五”重复，此处应为“七”`);
  });

  it('finds 88% for project 3 where the workbook gives 88.75%, and accepts 88.86% for 88.8576…%', () => {
    const rates = findings.filter((f) => f.code === 'rate_differs');
    expect(rates).toEqual([expect.objectContaining({ says: '88%', workbook: '88.75%', project: { index: 2, name: SEED.names[2], row: 5 } })]);
    expect(SEED_REPORT_LINES[rates[0].line - 1]).toBe('经费使用率达88%');
  });

  it("finds project 7's score paragraph naming project 5", () => {
    expect(findings.filter((f) => f.code === 'name_mismatch')).toEqual([
      expect.objectContaining({ section: '五. 社区安全协管员补助经费', says: SEED.names[4], workbook: SEED.names[6] }),
    ]);
  });

  it("finds project 6's empty 项目基本情况", () => {
    expect(findings.filter((f) => f.code === 'empty_section')).toEqual([
      expect.objectContaining({ section: '六、小微企业生产安全险及责任政府补贴', says: '项目基本情况', project: { index: 5, name: SEED.names[5], row: 8 } }),
    ]);
  });

  it('says nothing about projects 1, 2, 4 and 5, and finds every project', () => {
    for (const i of [0, 1, 3, 4]) expect(about(i)).toEqual([]);
    expect(findings.filter((f) => f.code === 'missing_project' || f.code === 'unknown_project')).toEqual([]);
    expect(findings).toHaveLength(5);
  });
});

describe('a generated report', () => {
  const model = buildReport(reportInputFromTable({ evaluation, scheme: BUILTIN_SCHEMES.wuhan2018, sheet: undefined, detection }, 'zh'), 'zh');
  const lines = reportLines(model).map((l) => l.text);

  it('checks clean against its own workbook', () => {
    expect(check(lines)).toEqual([]);
  });

  it('reports each kind of mistake made in it, with the line and both figures', () => {
    const edited = [...lines];
    const at = (needle: string) => edited.findIndex((l) => l.includes(needle));
    const budget = at('项目资金预算305.50万元');
    edited[budget] = edited[budget].replace('305.50万元', '3050000元').replace('271.46万元', '2714600元');
    const score = at('局机关建设经费绩效评价结果是');
    edited[score] = edited[score].replace('总绩效为85分', '总绩效为58分');
    const heading = at('三、保障安全生产专项经费');
    edited[heading] = '三、不存在的项目';
    const found = check(edited);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'amount_differs', line: budget + 1, says: '3050000元', workbook: '305.50万元', detail: 'budget' }),
        expect.objectContaining({ code: 'score_differs', line: score + 1, says: '58分', workbook: '85分', detail: 'total' }),
        expect.objectContaining({ code: 'unknown_project', line: heading + 1, says: '不存在的项目' }),
        expect.objectContaining({ code: 'missing_project', project: { index: 2, name: SEED.names[2], row: 5 } }),
      ]),
    );
    // 2714600元 is 271.46万元: a unit change is not a difference.
    expect(found.filter((f) => f.detail === 'actual')).toEqual([]);
    expect(found).toHaveLength(4);
    expect(findingSentence(found.find((f) => f.code === 'score_differs')!, 'en')).toBe(`Paragraph ${score + 1} (四、局机关建设经费): the report states a total score of 58分, the workbook 85分`);
  });

  it('reports skipped numbers and empty sub-sections', () => {
    const edited = lines.map((l) => (l.startsWith('二、') ? l.replace('二、', '三、') : l));
    const i = edited.findIndex((l) => l === '1、项目基本情况');
    edited.splice(i + 1, 1);
    const found = check(edited);
    expect(found.filter((f) => f.code === 'numbering').map((f) => [f.says, f.workbook, f.detail])).toEqual([
      ['三', '二', 'skipped'],
      
    ]);
    expect(found.filter((f) => f.code === 'empty_section')).toEqual([expect.objectContaining({ line: i + 1, says: '项目基本情况' })]);
  });
});
