// The draft report regenerated from the seed's seven projects (domain.md), through the whole pipeline:
// the sentences the hand-made report got wrong come out right.
import { evaluateSheet } from '../../../src/engine/evaluateSheet';
import { buildReport } from '../../../src/engine/report/build';
import { reportInputFromTable } from '../../../src/engine/report/fromTable';
import { reportLines } from '../../../src/engine/report/lines';
import type { ReportModel, ReportSection } from '../../../src/engine/report/types';
import { BUILTIN_SCHEMES } from '../../../src/engine/schemes';
import type { Grid, Lang, Scheme, SheetData } from '../../../src/engine/types';
import { SEED } from '../../support/seed';

function seedSheet(title = '（武汉市洪山区安全生产监督管理局）2018年度项目支出绩效自评表'): SheetData {
  const grid: Grid = [
    [title, null, null, null, null, null, null, null],
    ['单位：万元', null, null, null, null, null, null, null],
    ['序号', '项目名称', '预算数', '实际执行数', '经费使用率', '产出绩效', '效益绩效', '总绩效'],
    ...SEED.names.map((name, i) => [i + 1, name, SEED.budgets[i], SEED.actuals[i], SEED.printedRates[i], SEED.output[i], SEED.benefit[i], SEED.totals[i]]),
    [null, '合计', 918.45, 725.45, null, null, null, null],
  ];
  return { name: '自评表', grid, origin: { row: 1, col: 1 } };
}

function seedReport(lang: Lang = 'zh', scheme: Scheme = BUILTIN_SCHEMES.wuhan2018, sheet = seedSheet()): ReportModel {
  const result = evaluateSheet(sheet, { scheme });
  if (!result.ok) throw new Error(result.error.code);
  return buildReport(reportInputFromTable({ evaluation: result.evaluation, scheme, sheet, detection: result.detection }, lang), lang);
}

function textOf(section: ReportSection, key: string): string[] {
  const sub = section.subsections.find((s) => s.key === key);
  if (!sub) throw new Error(`no subsection ${key}`);
  return sub.paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
}

describe('the seed draft report (zh, wuhan2018)', () => {
  const model = seedReport();
  const projects = model.sections.filter((s) => s.key === 'project');

  it('takes the department and year from the title row', () => {
    expect(model.title).toBe('武汉市洪山区安全生产监督管理局2018年度项目支出绩效自评报告');
    const opening = model.opening[0].runs.map((r) => r.text).join('');
    expect(opening).toContain('武汉市洪山区安全生产监督管理局对2018年度7个项目开展了绩效自评');
    expect(opening).toContain('“2018年做法（产出50 效益50）”评分方案，经费使用率合理区间为90.00%至100.00%，金额单位为万元');
  });

  it('numbers the seven projects 一 to 七 in table order, then the three closing sections, without gaps or repeats', () => {
    expect(model.sections.map((s) => s.heading)).toEqual([
      ...SEED.names.map((name, i) => `${'一二三四五六七'[i]}、${name}`),
      '八、总体情况',
      '九、存在的问题',
      '十、改进措施',
    ]);
    expect(projects.map((s) => s.project?.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(projects[0].subsections.map((s) => s.heading)).toEqual(['1、项目基本情况', '2、项目预算绩效目标', '3、经费来源和使用情况', '4、绩效目标完成情况分析', '5、得分情况']);
  });

  it('project 3 reads 88.75%, not the hand-made 88%', () => {
    expect(textOf(projects[2], 'funds')).toEqual(['项目资金预算40.00万元，项目实际支出35.50万元。']);
    expect(textOf(projects[2], 'analysis')[0]).toBe('经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。');
  });

  it('project 7 score paragraph names project 7, with exactly the scheme components, total and grade', () => {
    expect(textOf(projects[6], 'scores')).toEqual(['根据本次评价指标体系测算，社区安全协管员补助经费绩效评价结果是：产出绩效为50分，效益绩效为50分，总绩效为100分，等级为优。']);
    expect(textOf(projects[4], 'scores')[0]).toContain('安全生产监察协管员劳务费绩效评价结果是：产出绩效为49分，效益绩效为46分，总绩效为95分，等级为优。');
  });

  it('every project sentence carries its own figures', () => {
    projects.forEach((section, i) => {
      const funds = textOf(section, 'funds')[0];
      expect(funds).toBe(`项目资金预算${SEED.budgets[i].toFixed(2)}万元，项目实际支出${SEED.actuals[i].toFixed(2)}万元。`);
      expect(textOf(section, 'scores')[0]).toContain(`${SEED.names[i]}绩效评价结果是：产出绩效为${SEED.output[i]}分，效益绩效为${SEED.benefit[i]}分，总绩效为${SEED.totals[i]}分`);
    });
    expect(textOf(projects[0], 'analysis')[0]).toBe('经费使用率为88.86%，低于合理区间下限90.00%，须说明原因。');
    expect(textOf(projects[1], 'analysis')[0]).toBe('经费使用率为100.69%，高于100.00%，实际支出超出预算0.18万元。');
    expect(textOf(projects[4], 'analysis')).toEqual(['经费使用率为98.50%，在合理区间（90.00%至100.00%）内。']);
    expect(textOf(projects[5], 'analysis')[0]).toBe('经费使用率为22.50%，低于合理区间下限90.00%，须说明原因。');
    expect(textOf(projects[6], 'analysis')[0]).toBe('经费使用率为104.00%，高于100.00%，实际支出超出预算7.00万元。');
  });

  it('marks what the table cannot say as placeholders, visibly', () => {
    const basics = projects[0].subsections[0].paragraphs[0].runs;
    expect(basics).toEqual([{ text: '【待补充：项目基本情况】', emphasis: 'placeholder' }]);
    expect(textOf(projects[0], 'targets')[0]).toMatch(/^【待补充：项目预算绩效目标/);
    // Deviations without an explanation column ask for one.
    expect(textOf(projects[2], 'analysis')[1]).toBe('偏差原因：【待补充：偏差原因分析】');
  });

  it('sets the figures in bold', () => {
    const runs = projects[2].subsections[3].paragraphs[0].runs;
    expect(runs.find((r) => r.text === '88.75%')?.emphasis).toBe('bold');
  });

  it('sums up the portfolio fund-weighted, with the grade distribution', () => {
    const overall = model.sections[7].paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
    expect(overall[0]).toBe('本次共自评7个项目，项目资金预算合计918.45万元，实际支出合计725.45万元，整体经费使用率为78.99%（按资金加权）。');
    expect(overall[1]).toBe('评价等级：优5个，良1个，中1个，差0个。');
  });

  it('lists every flag in words, grouped', () => {
    const problems = model.sections[8].paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
    expect(problems).toEqual([
      '（1）经费使用率低于合理区间下限90.00%的项目：安全生产责任经费（88.86%）、保障安全生产专项经费（88.75%）、局机关建设经费（79.86%）、小微企业生产安全险及责任政府补贴（22.50%）。',
      '（2）实际支出超出预算的项目：安全生产综合监管经费（超支0.18万元，使用率100.69%）、社区安全协管员补助经费（超支7.00万元，使用率104.00%）。',
      '（3）表中填报数与测算结果不一致：保障安全生产专项经费填报执行率88.00%，测算为88.75%。',
    ]);
    const measures = model.sections[9].paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
    expect(measures).toEqual(['【待补充：改进措施】']);
  });

  it('reports a 合计 row off the project sum in the overall section', () => {
    const sheet = seedSheet();
    sheet.grid[sheet.grid.length - 1][2] = 918.4;
    const overall = seedReport('zh', BUILTIN_SCHEMES.wuhan2018, sheet).sections[7].paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
    expect(overall).toContain('表内核对：第11行合计的预算数为918.40，项目之和为918.45，相差0.05');
  });

  it('flattens to one line per paragraph, each project line knowing its project row', () => {
    const lines = reportLines(model);
    expect(lines[0]).toMatchObject({ kind: 'title', text: model.title });
    const heading7 = lines.find((l) => l.kind === 'heading' && l.text.startsWith('七、'));
    expect(heading7?.project).toEqual({ index: 6, sheet: '自评表', row: 10 });
    expect(lines.filter((l) => l.kind === 'subheading')).toHaveLength(35);
  });
});

describe('the seed draft report under other schemes and languages', () => {
  it('mof2020 adds the execution score and says the missing satisfaction score is not given', () => {
    const model = seedReport('zh', BUILTIN_SCHEMES.mof2020);
    const p1 = textOf(model.sections[0], 'scores')[0];
    expect(p1).toMatch(/^根据本次评价指标体系测算，安全生产责任经费绩效评价结果是：产出绩效为45分，效益绩效为45分，满意度未填报，预算执行为8\.89分，总绩效为/);
  });

  it('English on request, the project named in its own score sentence', () => {
    const model = seedReport('en');
    expect(model.sections[6].heading).toBe('7. 社区安全协管员补助经费');
    expect(textOf(model.sections[6], 'scores')[0]).toBe(
      "Under this evaluation's indicator system, the result for 社区安全协管员补助经费 is: output 50, benefit 50, total 100, grade Excellent.",
    );
    expect(textOf(model.sections[2], 'analysis')[0]).toBe("The usage rate is 88.75%, below the band's lower edge 90.00%; the reason must be explained.");
    expect(textOf(model.sections[2], 'funds')[0]).toBe('The project budget is 40.00 10,000 yuan; actual spending is 35.50 10,000 yuan.');
  });

  it('without a title row the department and year are placeholders', () => {
    const model = seedReport('zh', BUILTIN_SCHEMES.wuhan2018, seedSheet('项目支出绩效自评表'));
    expect(model.title).toBe('项目支出绩效自评报告');
    const runs = model.opening[0].runs.filter((r) => r.emphasis === 'placeholder').map((r) => r.text);
    expect(runs).toEqual(['【待补充：单位名称】', '【待补充：年度】']);
  });
});
