// Word documents written with the docx package and read back with zip + XML: the draft report checks
// clean against its workbook; the seed report as a .docx gives the seed's mistakes.
import { documentBytes, linesDocument, reportDocument } from '../../src/docx/renderReport';
import { DocxReadError, readDocxLines, readTextLines } from '../../src/docx/readDocx';
import { evaluateSheet } from '../../src/engine/evaluateSheet';
import { buildReport } from '../../src/engine/report/build';
import { checkReport } from '../../src/engine/report/check/check';
import { checkProjects } from '../../src/engine/report/check/fromEvaluation';
import { reportInputFromTable } from '../../src/engine/report/fromTable';
import { reportLines } from '../../src/engine/report/lines';
import { BUILTIN_SCHEMES } from '../../src/engine/schemes';
import type { Grid } from '../../src/engine/types';
import { SEED } from '../support/seed';
import { SEED_REPORT_LINES } from '../support/seedReport';
import { strFromU8, unzipSync } from 'fflate';

function seed() {
  const grid: Grid = [
    ['单位：万元'],
    ['项目名称', '预算数', '实际执行数', '产出绩效', '效益绩效', '总绩效'],
    ...SEED.names.map((name, i) => [name, SEED.budgets[i], SEED.actuals[i], SEED.output[i], SEED.benefit[i], SEED.totals[i]]),
  ];
  const result = evaluateSheet({ name: 'Sheet1', grid, origin: { row: 1, col: 1 } }, { scheme: BUILTIN_SCHEMES.wuhan2018 });
  if (!result.ok) throw new Error(result.error.code);
  return result.evaluation;
}

describe('report documents', () => {
  const evaluation = seed();
  const model = buildReport(reportInputFromTable({ evaluation, scheme: BUILTIN_SCHEMES.wuhan2018 }, 'zh'), 'zh');

  it('writes the draft as A4 portrait with page numbers, one paragraph per line, and reads it back clean', async () => {
    const bytes = await documentBytes(reportDocument(model));
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:highlight w:val="yellow"/>');
    const lines = readDocxLines(bytes);
    expect(lines).toEqual(reportLines(model).map((l) => l.text));
    expect(checkReport(lines, checkProjects(evaluation), { unit: '万元' })).toEqual([]);
  });

  it('reads the seed report as a .docx and finds its mistakes', async () => {
    const bytes = await documentBytes(linesDocument(SEED_REPORT_LINES));
    const lines = readDocxLines(bytes);
    expect(lines).toEqual(SEED_REPORT_LINES);
    const codes = checkReport(lines, checkProjects(evaluation), { unit: '万元' }).map((f) => `${f.code}:${f.project?.index ?? ''}`);
    expect([...codes].sort()).toEqual(['empty_section:5', 'name_mismatch:6', 'numbering:5', 'numbering:6', 'rate_differs:2']);
  });

  it('refuses a file that is not a Word document', () => {
    expect(() => readDocxLines(new TextEncoder().encode('plain text'))).toThrow(DocxReadError);
  });

  it('reads .txt reports in UTF-8 and in GB18030', () => {
    expect(readTextLines(new TextEncoder().encode('\uFEFF一、项目\r\n经费使用率达88%'))).toEqual(['一、项目', '经费使用率达88%']);
    // "五、项目" in GB18030: 五 = CE E5, 、 = A1 A2, 项 = CF EE, 目 = C4 BF.
    expect(readTextLines(new Uint8Array([0xce, 0xe5, 0xa1, 0xa2, 0xcf, 0xee, 0xc4, 0xbf]))).toEqual(['五、项目']);
  });
});
