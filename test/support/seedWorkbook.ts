// The seed report's seven projects (district safety bureau, 2018) laid out as an officer lays them out.
// Used by `npm run sample` and by the tests, which build their own copy instead of trusting the committed file.
import ExcelJS from 'exceljs';

const SEED_TITLE = '项目支出绩效自评表（2018年度）';
const SEED_HEADER = ['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '产出指标(50分)', '效益指标(50分)', '总分'];

type Cell = string | number | null;

/** As typed in the hand-made table, messiness included: a budget with its unit, a rate typed as text. */
const SEED_ROWS: Cell[][] = [
  [1, '安全生产责任经费', '305.5万元', 271.46, 0.8886, 45, 45, 90],
  [2, '安全生产综合监管经费', 26.15, 26.33, '100.69%', 48, 48, 96],
  [3, '保障安全生产专项经费', 40, 35.5, 0.88, 45, 45, 90],
  [4, '局机关建设经费', 21.8, 17.41, 0.7986, 40, 45, 85],
  [5, '安全生产监察协管员劳务费', 150, 147.75, 0.985, 49, 46, 95],
  [6, '小微企业生产安全险及责任政府补贴', 200, 45, 0.225, 30, 30, 60],
  [7, '社区安全协管员补助经费', 175, 182, 1.04, 50, 50, 100],
];

/** The hand-made 合计 row: the budget sum is off (918.45 is right), which the evaluation reports. */
const SEED_TOTAL_ROW: Cell[] = [null, '合计', 918.4, 725.45, 0.79, null, null, null];

const SEED_SHEET = 'Sheet1';

export function buildSeedWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'make-sample';
  // Fixed dates keep the committed sample stable across rebuilds.
  workbook.created = new Date('2019-01-15T00:00:00Z');
  workbook.modified = new Date('2019-01-15T00:00:00Z');
  const ws = workbook.addWorksheet(SEED_SHEET);
  const width = SEED_HEADER.length;

  ws.getCell(1, 1).value = SEED_TITLE;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, width).value = '单位：万元';
  ws.getCell(2, width).alignment = { horizontal: 'right' };

  SEED_HEADER.forEach((h, c) => (ws.getCell(3, c + 1).value = h));
  ws.getRow(3).font = { bold: true };
  [...SEED_ROWS, SEED_TOTAL_ROW].forEach((cells, i) => {
    const row = ws.getRow(4 + i);
    cells.forEach((v, c) => (row.getCell(c + 1).value = v));
    for (const c of [3, 4]) row.getCell(c).numFmt = '0.00';
    row.getCell(5).numFmt = '0.00%';
  });
  ws.getRow(4 + SEED_ROWS.length).font = { bold: true };
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 34 : 14));
  return workbook;
}
