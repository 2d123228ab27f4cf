// The report as a list of lines, one per paragraph, in reading order: what the report sheet writes one
// per row, what a plain-text copy holds, and what the check reads back.
import type { ReportModel, ReportRun } from './types';

export type LineKind = 'title' | 'heading' | 'subheading' | 'label' | 'body';

export interface ReportLine {
  kind: LineKind;
  text: string;
  runs: ReportRun[];
  /** The project the line belongs to (0-based index, sheet, 1-based row), for a jump to it. */
  project?: { index: number; sheet: string; row: number };
}

export function reportLines(model: ReportModel): ReportLine[] {
  const lines: ReportLine[] = [];
  const push = (kind: LineKind, runs: ReportRun[], project?: ReportLine['project']): void => {
    lines.push({ kind, text: runs.map((r) => r.text).join(''), runs, ...(project ? { project } : {}) });
  };
  push('title', [{ text: model.title, emphasis: 'bold' }]);
  for (const p of model.opening) push(p.style, p.runs);
  for (const section of model.sections) {
    const project = section.project ? { index: section.project.index, sheet: section.project.sheet, row: section.project.row } : undefined;
    push('heading', [{ text: section.heading, emphasis: 'bold' }], project);
    for (const p of section.paragraphs) push(p.style, p.runs, project);
    for (const sub of section.subsections) {
      push('subheading', [{ text: sub.heading, emphasis: 'bold' }], project);
      for (const p of sub.paragraphs) push(p.style, p.runs, project);
    }
  }
  return lines;
}

/** The report as plain text, one paragraph per line. */
export function reportPlainText(model: ReportModel): string {
  return `${reportLines(model)
    .map((l) => l.text)
    .join('\n')}\n`;
}
