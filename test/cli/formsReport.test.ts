// --report and --check-report on a workbook of self-evaluation forms: the draft is built from the forms'
// evaluation (indicators grouped 产出 / 效益 / 满意度, unmet indicators with their explanations, the source
// of funds), and an officer's report is checked against the forms' figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocxLines } from '../../src/docx/readDocx';
import { listFiles, makeTempDir, removeDir, runInProcess, save } from './cliHarness';
import { NATIONAL_EXAMPLE, formsWorkbook, nationalForm, stackForms, withChanges } from '../support/forms';

let dir: string;
beforeEach(async () => {
  dir = makeTempDir();
  const over = withChanges(NATIONAL_EXAMPLE, { name: '社区安全协管员补助经费', funds: { start: 175, budget: 175, actual: 182, weight: 10, rate: '104%', score: 10 } }, { 1: { actual: '90%', explanation: '' } });
  const sheets = [stackForms('表1', [nationalForm(NATIONAL_EXAMPLE)]), stackForms('表2', [nationalForm(over)])];
  await save(formsWorkbook(sheets), join(dir, 'forms.xlsx'));
});
afterEach(() => removeDir(dir));

const draftLines = (): string[] => readDocxLines(new Uint8Array(readFileSync(join(dir, 'draft.docx'))));

describe('--report on forms', () => {
  it('drafts one section per form in form order, from the forms’ indicators, funds and explanations', async () => {
    const run = await runInProcess(['forms.xlsx', '--report', 'draft.docx', '--lang', 'zh'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`已写出报告草稿：${join(dir, 'draft.docx')}`);
    const lines = draftLines();
    // The department from the forms' 主管部门, the year from their title rows (（2020年度）).
    expect(lines[0]).toBe('某区应急管理局2020年度项目支出绩效自评报告');
    expect(lines).toContain('一、安全生产监察协管员劳务费');
    expect(lines).toContain('二、社区安全协管员补助经费');
    const first = lines.slice(lines.indexOf('一、安全生产监察协管员劳务费'), lines.indexOf('二、社区安全协管员补助经费'));
    // Indicators grouped under their 一级指标, each "三级指标：年度目标 X，实际完成 Y".
    const output = first.findIndex((l) => l.startsWith('（1）产出指标'));
    const benefit = first.findIndex((l) => l.startsWith('（2）效益指标'));
    const satisfaction = first.findIndex((l) => l.startsWith('（3）满意度指标'));
    expect(output).toBeGreaterThan(0);
    expect(benefit).toBeGreaterThan(output);
    expect(satisfaction).toBeGreaterThan(benefit);
    expect(first.slice(output, benefit)).toContain('数量指标·巡查企业数：年度目标≥200家次，实际完成236家次');
    expect(first).toContain('项目资金预算150.00万元，项目资金来源于当年财政拨款150.00万元，项目实际支出147.75万元。');
    expect(first).toContain('未完成指标：安全生产形势（年度目标持续向好，实际完成达成预期指标，得分14/15）。偏差原因：个别企业整改滞后');
    expect(first).toContain('根据本次评价指标体系测算，安全生产监察协管员劳务费绩效评价结果是：产出绩效为50分，效益绩效为29分，满意度为10分，预算执行为9.85分，总绩效为98.85分，等级为优。');
    const second = lines.slice(lines.indexOf('二、社区安全协管员补助经费'));
    // The unmet indicator without an explanation asks for one; the overspend is stated.
    expect(second).toContain('未完成指标：隐患整改率（年度目标≥95%，实际完成90%，得分14.21/15）。偏差原因：【待补充：偏差原因分析】');
    expect(second).toContain('经费使用率为104.00%，高于100.00%，实际支出超出预算7.00万元。');
    expect(lines).toContain('本次共自评2个项目，项目资金预算合计325.00万元，实际支出合计329.75万元，整体经费使用率为101.46%（按资金加权）。');
    expect(listFiles(dir)).toEqual(['draft.docx', 'forms.evaluated.xlsx', 'forms.xlsx']);
  });

  it('writes neither file when the report path is refused', async () => {
    const run = await runInProcess(['forms.xlsx', '--report', 'forms.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(listFiles(dir)).toEqual(['forms.xlsx']);
  });
});

describe('--check-report on forms', () => {
  it('finds the draft clean, and an officer’s wrong rate and score under reportChecks', async () => {
    await runInProcess(['forms.xlsx', '--report', 'draft.docx', '--lang', 'zh'], dir);
    const clean = await runInProcess(['forms.xlsx', '--check-report', 'draft.docx', '--json'], dir);
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as { layout: string; reportChecks: unknown[] })).toMatchObject({ layout: 'forms', reportChecks: [] });
    expect(clean.stderr).toContain('nothing differs from the workbook');

    const theirs = draftLines().map((l) => l.replace('经费使用率为98.50%', '经费使用率为97%').replace('总绩效为98.21分', '总绩效为98.85分'));
    writeFileSync(join(dir, 'theirs.txt'), theirs.join('\r\n'));
    const run = await runInProcess(['forms.xlsx', '--check-report', 'theirs.txt', '--json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { reportChecks: { code: string; project: { index: number } | null; says: string; workbook: string }[] };
    expect(json.reportChecks.map((f) => [f.code, f.project?.index, f.says, f.workbook])).toEqual([
      ['rate_differs', 0, '97%', '98.50%'],
      ['score_differs', 1, '98.85分', '98.21分'],
    ]);
    const words = await runInProcess(['forms.xlsx', '--check-report', 'theirs.txt'], dir);
    expect(words.stdout).toContain('the report states a usage rate of 97%, the workbook 98.50%');
  });
});
