// What the report check compares against, from either layout's evaluation.
import type { FormsEvaluation } from '../../forms/formTypes';
import type { Evaluation } from '../../types';
import type { CheckProject } from './types';

export function checkProjects(evaluation: Evaluation | FormsEvaluation): CheckProject[] {
  return evaluation.projects.map((p) => ({
    name: p.name,
    row: p.row,
    budget: p.budget,
    actual: p.actual,
    usageRate: p.usageRate,
    scores: p.scores,
  }));
}
