// Findings of the check of an officer's own report against the workbook's evaluation.
export type ReportCheckCode =
  | 'numbering'
  | 'rate_differs'
  | 'amount_differs'
  | 'score_differs'
  | 'name_mismatch'
  | 'missing_project'
  | 'unknown_project'
  | 'empty_section';

export interface ReportFinding {
  code: ReportCheckCode;
  /** The section's heading as the report prints it ('' for missing_project). */
  section: string;
  /** 1-based paragraph (line) of the report; 0 for missing_project. */
  line: number;
  /** The workbook project the finding is about, when known (0-based index, 1-based sheet row). */
  project: { index: number; name: string; row: number } | null;
  /** What the report says and what the workbook says, as printed / formatted. */
  says: string;
  workbook: string;
  /** numbering: repeated / skipped / order / separator; *_differs: budget, actual, output, total …; empty_section: its title. */
  detail?: string;
}

/** What the check compares against: one entry per workbook project, in order. */
export interface CheckProject {
  name: string;
  row: number;
  budget: number | null;
  actual: number | null;
  usageRate: number | null;
  scores: { output: number | null; benefit: number | null; satisfaction: number | null; execution: number | null; total: number | null };
}
