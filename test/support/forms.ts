// Self-evaluation forms built in tests: the national 2020 template (财预〔2020〕10号 附件) and the Sichuan
// 2023 form, as 2-D cell arrays with merged areas, stacked on sheets; and as .xlsx workbooks (ExcelJS).
import ExcelJS from 'exceljs';
import type { FormSheet } from '../../src/engine/forms/formTypes';
import { colLetter } from '../../src/engine/address';

export type Cell = string | number | null;

export interface IndicatorSpec {
  level1: string;
  level2: string;
  name: string;
  target: Cell;
  actual: Cell;
  weight: Cell;
  score: Cell;
  explanation?: Cell;
  /** Sichuan: 指标性质 and 度量单位. */
  nature?: Cell;
  unit?: Cell;
}

export interface FormSpec {
  name: string;
  department?: string;
  unitName?: string;
  year?: number;
  /** Total row: 年初, 全年 (调整后), 执行数. */
  funds?: { start: Cell; budget: Cell; actual: Cell; weight?: Cell; rate?: Cell; score?: Cell; reason?: Cell };
  /** Source rows (label without 其中：), same three amounts. */
  sources?: { label: string; start: Cell; budget: Cell; actual: Cell }[];
  goal?: { expected: string; achieved: string };
  indicators?: IndicatorSpec[];
  /** Stated 总分 / 合计 score. */
  total?: Cell;
  /** Leave the block out: a form without funds or without indicators. */
  withoutFunds?: boolean;
  withoutIndicators?: boolean;
}

/** A block of rows with merges in 0-based coordinates relative to its first row. */
export interface FormBlock {
  rows: Cell[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

/** An example national form: 50 + 30 + 10 indicator points plus the execution's 10. */
export const NATIONAL_EXAMPLE: FormSpec = {
  name: '安全生产监察协管员劳务费',
  department: '某区应急管理局',
  unitName: '某区安全生产执法大队',
  year: 2020,
  funds: { start: 150, budget: 150, actual: 147.75, weight: 10, rate: '98.5%', score: 9.85 },
  sources: [
    { label: '当年财政拨款', start: 150, budget: 150, actual: 147.75 },
    { label: '上年结转资金', start: 0, budget: 0, actual: 0 },
    { label: '其他资金', start: 0, budget: 0, actual: 0 },
  ],
  goal: { expected: '聘用协管员开展安全生产巡查', achieved: '全年完成巡查任务' },
  indicators: [
    { level1: '产出指标(50分)', level2: '数量指标', name: '巡查企业数', target: '≥200家次', actual: '236家次', weight: 20, score: 20, explanation: '' },
    { level1: '产出指标(50分)', level2: '质量指标', name: '隐患整改率', target: '≥95%', actual: '97.5%', weight: 15, score: 15, explanation: '' },
    { level1: '产出指标(50分)', level2: '成本指标', name: '人均劳务成本', target: '≤6000元', actual: '5800元', weight: 15, score: 15, explanation: '' },
    { level1: '效益指标(30分)', level2: '社会效益指标', name: '生产安全事故数', target: '=0', actual: '0', weight: 15, score: 15, explanation: '' },
    { level1: '效益指标(30分)', level2: '可持续影响指标', name: '安全生产形势', target: '持续向好', actual: '达成预期指标', weight: 15, score: 14, explanation: '个别企业整改滞后' },
    { level1: '满意度指标(10分)', level2: '服务对象满意度指标', name: '企业满意度', target: '≥90%', actual: '92%', weight: 10, score: 10, explanation: '' },
  ],
  total: 98.85,
};

const NATIONAL_WIDTH = 9; // A..I

/** The national template (A..I), as 财预〔2020〕10号 lays it out. */
export function nationalForm(spec: FormSpec): FormBlock {
  const rows: Cell[][] = [];
  const merges: FormBlock['merges'] = [];
  const row = (cells: Cell[]): number => {
    const line = cells.slice();
    while (line.length < NATIONAL_WIDTH) line.push(null);
    rows.push(line);
    return rows.length - 1;
  };
  const merge = (top: number, left: number, bottom: number, right: number): void => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };
  const t = row(['项目支出绩效自评表']);
  merge(t, 0, t, 8);
  const y = row([`（${spec.year ?? 2020}年度）`]);
  merge(y, 0, y, 8);
  const n = row(['项目名称', null, spec.name]);
  merge(n, 0, n, 1);
  merge(n, 2, n, 8);
  const d = row(['主管部门', null, spec.department ?? null, null, null, '实施单位', spec.unitName ?? null]);
  merge(d, 0, d, 1);
  merge(d, 2, d, 4);
  merge(d, 6, d, 8);
  if (!spec.withoutFunds) {
    const f = spec.funds ?? { start: 0, budget: 0, actual: 0 };
    const h = row(['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    row([null, '年度资金总额', f.start, f.budget, f.actual, f.weight ?? 10, f.rate ?? null, f.score ?? null]);
    (spec.sources ?? []).forEach((s, i) => row([null, i === 0 ? `其中：${s.label}` : s.label, s.start, s.budget, s.actual, '—', null, '—']));
    merge(h, 0, rows.length - 1, 0);
  }
  if (spec.goal) {
    const g = row(['年度总体目标', '预期目标', null, null, null, '实际完成情况']);
    merge(g, 1, g, 4);
    merge(g, 5, g, 8);
    const g2 = row([null, spec.goal.expected, null, null, null, spec.goal.achieved]);
    merge(g2, 1, g2, 4);
    merge(g2, 5, g2, 8);
    merge(g, 0, g2, 0);
  }
  if (!spec.withoutIndicators) {
    const h = row(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    writeIndicators(spec.indicators ?? [], rows, merges, (ind) => [
      null, ind.level1, ind.level2, ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.explanation ?? null,
    ], row, 1, 2);
    merge(h, 0, rows.length - 1, 0);
    const s = row(['总分', null, null, null, null, null, 100, spec.total ?? null, null]);
    merge(s, 0, s, 5);
  }
  return { rows, merges };
}

/** Group labels (一级 / 二级) written once and merged down their rows, as real forms do. */
function writeIndicators(
  list: IndicatorSpec[],
  rows: Cell[][],
  merges: FormBlock['merges'],
  cells: (ind: IndicatorSpec) => Cell[],
  row: (cells: Cell[]) => number,
  level1Col: number,
  level2Col: number,
): void {
  let start1 = -1;
  let start2 = -1;
  list.forEach((ind, i) => {
    const line = cells(ind);
    const prev = list[i - 1];
    const same1 = prev !== undefined && prev.level1 === ind.level1;
    const same2 = same1 && prev.level2 === ind.level2;
    if (same1) line[level1Col] = null;
    if (same2) line[level2Col] = null;
    const r = row(line);
    if (!same1) start1 = r;
    if (!same2) start2 = r;
    const next = list[i + 1];
    if (!next || next.level1 !== ind.level1) merges.push({ top: start1, left: level1Col, bottom: r, right: level1Col });
    if (!next || next.level1 !== ind.level1 || next.level2 !== ind.level2) merges.push({ top: start2, left: level2Col, bottom: r, right: level2Col });
  });
  for (let k = merges.length - 1; k >= 0; k--) if (merges[k].top === merges[k].bottom && merges[k].left === merges[k].right) merges.splice(k, 1);
}

/** An example Sichuan 2023 form: code-prefixed name, 指标性质 and 度量单位, 60 + 30 + execution 10. */
export const SICHUAN_EXAMPLE: FormSpec = {
  name: '51092324T000010263357-2023年安全生产宣传培训项目',
  department: '某县应急管理局',
  unitName: '某县应急管理局',
  year: 2023,
  funds: { start: 90, budget: 92.3, actual: 89.974, weight: 10, rate: '97.48%', score: 9.75, reason: '' },
  sources: [
    { label: '财政资金', start: 90, budget: 92.3, actual: 89.974 },
    { label: '财政专户管理资金', start: 0, budget: 0, actual: 0 },
    { label: '单位资金', start: 0, budget: 0, actual: 0 },
    { label: '其他资金', start: 0, budget: 0, actual: 0 },
  ],
  goal: { expected: '开展安全生产宣传培训', achieved: '完成全年培训计划' },
  indicators: [
    { level1: '产出指标', level2: '数量指标', name: '培训人次', nature: '≥', target: 200, unit: '人次', actual: 236, weight: 30, score: 30, explanation: '' },
    { level1: '产出指标', level2: '时效指标', name: '培训完成时间', nature: '≤', target: 12, unit: '月', actual: 12, weight: 15, score: 15, explanation: '' },
    { level1: '产出指标', level2: '成本指标', name: '人均培训成本', nature: '≤', target: 600, unit: '元', actual: 780, weight: 15, score: 10.5, explanation: '' },
    { level1: '效益指标', level2: '社会效益指标', name: '安全意识提升', nature: '定性', target: '明显提升', unit: null, actual: '达成预期', weight: 30, score: 28, explanation: '部分乡镇覆盖不足' },
  ],
  total: 93.25,
};

const SICHUAN_WIDTH = 11; // A..K

export function sichuanForm(spec: FormSpec): FormBlock {
  const rows: Cell[][] = [];
  const merges: FormBlock['merges'] = [];
  const row = (cells: Cell[]): number => {
    const line = cells.slice();
    while (line.length < SICHUAN_WIDTH) line.push(null);
    rows.push(line);
    return rows.length - 1;
  };
  const merge = (top: number, left: number, bottom: number, right: number): void => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };
  const t = row([`部门预算项目支出绩效自评表（${spec.year ?? 2023}年度）`]);
  merge(t, 0, t, 10);
  const n = row(['项目名称', null, spec.name]);
  merge(n, 0, n, 1);
  merge(n, 2, n, 10);
  const d = row(['主管部门', null, spec.department ?? null, null, null, null, '实施单位', spec.unitName ?? null]);
  merge(d, 0, d, 1);
  merge(d, 2, d, 5);
  merge(d, 7, d, 10);
  if (!spec.withoutFunds) {
    const f = spec.funds ?? { start: 0, budget: 0, actual: 0 };
    const h = row(['预算执行情况(10分)', null, '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因']);
    merge(h, 8, h, 10);
    const tr = row([null, '总额', f.start, f.budget, f.actual, f.rate ?? null, f.weight ?? 10, f.score ?? null, f.reason ?? null]);
    merge(tr, 8, tr, 10);
    (spec.sources ?? []).forEach((s, i) => row([null, i === 0 ? `其中：${s.label}` : s.label, s.start, s.budget, s.actual]));
    merge(h, 0, rows.length - 1, 0);
  }
  if (spec.goal) {
    const g = row(['年度目标完成情况', '预期目标', null, null, null, '实际完成目标']);
    merge(g, 1, g, 4);
    merge(g, 5, g, 10);
    const g2 = row([null, spec.goal.expected, null, null, null, spec.goal.achieved]);
    merge(g2, 1, g2, 4);
    merge(g2, 5, g2, 10);
    merge(g, 0, g2, 0);
  }
  if (!spec.withoutIndicators) {
    const h = row(['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析']);
    writeIndicators(spec.indicators ?? [], rows, merges, (ind) => [
      null, ind.level1, ind.level2, ind.name, ind.nature ?? null, ind.target, ind.unit ?? null, ind.actual, ind.weight, ind.score, ind.explanation ?? null,
    ], row, 1, 2);
    merge(h, 0, rows.length - 1, 0);
    const s = row(['合计', null, null, null, null, null, null, null, 100, spec.total ?? null, null]);
    merge(s, 0, s, 7);
  }
  for (const label of ['评价结论', '存在问题', '改进措施', '项目负责人']) {
    const r = row([label, null, label === '项目负责人' ? '张三' : '——']);
    merge(r, 0, r, 1);
    merge(r, 2, r, 10);
  }
  return { rows, merges };
}

/** Blocks stacked top to bottom with `gap` blank rows between: one sheet's cells and merges (A1 ranges). */
export function stackForms(name: string, blocks: FormBlock[], gap = 2): FormSheet & { cells: Cell[][]; merges: string[] } {
  const cells: Cell[][] = [];
  const merges: string[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) for (let k = 0; k < gap; k++) cells.push([]);
    const offset = cells.length;
    cells.push(...b.rows.map((r) => r.slice()));
    for (const m of b.merges) {
      merges.push(`${colLetter(m.left + 1)}${offset + m.top + 1}:${colLetter(m.right + 1)}${offset + m.bottom + 1}`);
    }
  });
  return { name, cells, merges };
}

/** The sheets as an .xlsx workbook (values from A1, merged areas merged), for the batch command's tests. */
export function formsWorkbook(sheets: { name: string; cells: Cell[][]; merges?: readonly string[] }[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.cells.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return wb;
}

/** A spec with some fields replaced (indicators by index). */
export function withChanges(spec: FormSpec, changes: Partial<FormSpec>, indicatorChanges: Record<number, Partial<IndicatorSpec>> = {}): FormSpec {
  const indicators = (changes.indicators ?? spec.indicators ?? []).map((ind, i) => ({ ...ind, ...(indicatorChanges[i] ?? {}) }));
  return { ...spec, ...changes, indicators };
}
