// Hand-built extracted tables for the engine tests: only what evaluateTable reads.
import type { ExtractedTable, HeaderDetection, ParsedNumber, RawProject, RawTotalRow, Role } from '../../../src/engine/types';

export const ok = (value: number): ParsedNumber => ({ value, status: 'ok' });
export const blank: ParsedNumber = { value: null, status: 'missing' };
export const unreadable: ParsedNumber = { value: null, status: 'unreadable' };

/** A detection whose mapping holds the given roles (columns numbered in order); header on grid row 1. */
export function detectionWith(roles: Role[], headerRow = 1): HeaderDetection {
  const mapping: HeaderDetection['mapping'] = {};
  roles.forEach((role, column) => {
    mapping[role] = { column, header: role, confidence: 1 };
  });
  return { headerStart: headerRow, headerRow, headers: roles.map(String), mapping, unit: '万元', missing: [] };
}

export interface ProjectInput {
  name?: string;
  budget?: number | ParsedNumber | null;
  actual?: number | ParsedNumber | null;
  statedRate?: number | null;
  output?: number | ParsedNumber | null;
  benefit?: number | ParsedNumber | null;
  satisfaction?: number | ParsedNumber | null;
  statedTotal?: number | null;
  explanation?: string | null;
}

function parsed(v: number | ParsedNumber | null | undefined): ParsedNumber {
  if (v === null || v === undefined) return blank;
  return typeof v === 'number' ? ok(v) : v;
}

export function project(input: ProjectInput, gridRow = 2): RawProject {
  return {
    gridRow,
    name: input.name ?? `项目${gridRow}`,
    budget: parsed(input.budget),
    actual: parsed(input.actual),
    statedRate: parsed(input.statedRate),
    output: parsed(input.output),
    benefit: parsed(input.benefit),
    satisfaction: parsed(input.satisfaction),
    statedTotal: parsed(input.statedTotal),
    explanation: input.explanation === undefined ? null : input.explanation,
  };
}

export function table(inputs: ProjectInput[], totalRows: RawTotalRow[] = []): ExtractedTable {
  return { projects: inputs.map((p, i) => project(p, 2 + i)), totalRows };
}
