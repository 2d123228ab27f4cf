// The draft self-evaluation report (项目支出绩效自评报告), described without any host: what it says,
// section by section, paragraph by paragraph, run by run. Rendered as a Word document (src/docx) and
// as a worksheet (src/excel, src/xlsx). Built by build.ts from a ReportInput (fromTable / fromForms).
import type { FundSource, IndicatorResult } from '../forms/formTypes';
import type { Grade, Lang, ProjectResult, RateBand, Scheme, Unit } from '../types';

/** bold: headings and figures; placeholder: 【待补充：…】, shown so an officer cannot miss it. */
export type RunEmphasis = 'bold' | 'placeholder';

export interface ReportRun {
  text: string;
  emphasis?: RunEmphasis;
}

/** body: a plain paragraph; label: a short lead-in such as （1）产出指标, set bold. */
export interface ReportParagraph {
  style: 'body' | 'label';
  runs: ReportRun[];
}

/** A numbered part of a project: 1、项目基本情况 … 5、得分情况. */
export interface ReportSubsection {
  key: 'basics' | 'targets' | 'funds' | 'analysis' | 'scores';
  heading: string;
  paragraphs: ReportParagraph[];
}

export interface ReportSection {
  key: 'project' | 'overall' | 'problems' | 'measures';
  /** The heading as printed: 一、安全生产责任经费. */
  heading: string;
  /** key 'project': which project (0-based in table or form order), its sheet and 1-based row. */
  project?: { index: number; name: string; sheet: string; row: number };
  paragraphs: ReportParagraph[];
  subsections: ReportSubsection[];
}

export interface ReportModel {
  lang: Lang;
  title: string;
  /** Before the first section: why and how the evaluation was made. */
  opening: ReportParagraph[];
  sections: ReportSection[];
}

/** The figures a table row and a form share, as the report takes them. */
export type ProjectFigures = Pick<ProjectResult, 'name' | 'row' | 'budget' | 'actual' | 'usageRate' | 'statedRate' | 'scores' | 'statedTotal' | 'grade'>;

/** One project as the report needs it, whichever layout it came from. */
export interface ReportProject extends ProjectFigures {
  sheet: string;
  /** 年初预算数, where the form or table gives it. */
  budgetStart: number | null;
  /** Flags of the table or form, as codes. */
  flags: readonly string[];
  /** 项目基本情况 text (a table column such as 项目概况, or the form's 年度总体目标). */
  basics: string | null;
  /** The form's 年度总体目标 split in expected / achieved, when it has one. */
  goal: { expected: string | null; achieved: string | null } | null;
  /** The form's scored indicators; null for a table row (the report then asks for them). */
  indicators: readonly IndicatorResult[] | null;
  /** The form's funds rows (其中：当年财政拨款 …); null when the layout has none. */
  sources: readonly FundSource[] | null;
  /** 偏差原因 / 原因 written in the sheet; null when there is no such column. */
  explanation: string | null;
}

export interface ReportInput {
  layout: 'table' | 'forms';
  unit: Unit | null;
  scheme: Scheme;
  band: RateBand;
  /** The department (主管部门 / 单位) and budget year, where the workbook says; null otherwise. */
  department: string | null;
  year: string | null;
  projects: ReportProject[];
  totals: { budget: number; actual: number; usageRate: number | null; projects: number };
  grades: Record<Grade, number>;
  /** Sheet-level findings already in words (a 合计 row off the project sum, …). */
  sheetChecks: string[];
}
