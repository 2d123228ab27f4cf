// The summary sheet, described without any host: built by summary.ts, laid out by summaryLayout.ts,
// rendered by src/excel (Office JavaScript API) and src/xlsx (ExcelJS).
import type { Lang, RateBand } from '../types';

export type SummaryValue = string | number | null;

/** How a column is formatted: amounts 0.00, rates 0.00%, scores 0.0, names/status as text. */
export type ColumnKind = 'index' | 'text' | 'amount' | 'rate' | 'score' | 'grade' | 'status';

export interface SummaryColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface SummaryModel {
  lang: Lang;
  title: string;
  /** Run information: source sheet, scheme, rate band, unit, time. */
  info: { label: string; value: string }[];
  columns: SummaryColumn[];
  /** One row per project, in sheet order; cells line up with `columns`. */
  rows: SummaryValue[][];
  totalsRow: SummaryValue[];
  gradeDistribution: { title: string; rows: { label: string; count: number }[] };
  flagged: { title: string; header: string[]; rows: { index: number; name: string; row: number; reasons: string }[] };
  checks: { title: string; rows: string[] };
  /** Forms layout: every flagged indicator (the officer's to-do list), below the checks. */
  todo?: { title: string; header: string[]; rows: SummaryValue[][]; numberFormats: string[] };
  chart: {
    title: string;
    categories: string[];
    rates: (number | null)[];
    band: RateBand;
    seriesName: string;
    /** Names of the band lines; "下限" / "上限" when absent (monitoring: red and green lines). */
    lowLabel?: string;
    highLabel?: string;
  };
}

/** A rectangle of values at a 0-based position of the summary sheet. */
export interface LayoutBlock {
  /** 'chart': the chart's data (header row, then name, rate, low, high per project) at chart.dataRow/dataCol. */
  id: 'title' | 'info' | 'table' | 'grades' | 'flagged' | 'checks' | 'chart' | 'todo';
  /** 0-based row / column on the summary sheet. */
  row: number;
  col: number;
  values: SummaryValue[][];
  /** Number format per column of the block ('@' for text, '0.00', '0.00%', 'General'). */
  numberFormats: string[];
}

export interface SummaryLayout {
  sheetTitle: string;
  blocks: LayoutBlock[];
  /** The project table (header + project rows + totals row) as an Excel table. */
  table: {
    /** 0-based row of the table's header row on the summary sheet; col is 0-based. */
    headerRow: number;
    col: number;
    columns: string[];
    /** Number of project rows (excluding header and totals row). */
    rowCount: number;
    /** 0-based row of the totals row, written just under the table's last data row. */
    totalsRow: number;
    /** Column widths in characters, per table column. */
    widths: number[];
  };
  /** Rows to freeze at the top (the table header included). */
  freezeRows: number;
  chart: SummaryModel['chart'] & {
    /** Where the chart's data (name, rate, low, high) sits: 0-based, header row first. */
    dataRow: number;
    dataCol: number;
    /** Anchor of the chart's top-left cell, 0-based. */
    anchorRow: number;
    anchorCol: number;
  };
}
