// Forms and a portfolio table of the same workbook (issue 8, rule 8): rows matched by project name,
// code prefixes and spaces ignored; each difference in budget, actual or total is a check.
import { compactText } from '../numbers';
import type { FormCheck, FormProject } from './formTypes';
import type { Evaluation, Unit } from '../types';

const AMOUNT_TOLERANCE = 0.01;
const TOTAL_TOLERANCE = 0.5;
const TO_YUAN: Record<Unit, number> = { 元: 1, 千元: 1e3, 万元: 1e4 };

/** "51092324T000010263357-2023年培训项目" → "2023年培训项目"; spaces and widths ignored. */
export function projectKey(name: string): string {
  const compact = compactText(name);
  const stripped = compact.replace(/^[0-9a-z]*\d[0-9a-z]*[-_—－:：.、]+/, '');
  return stripped === '' ? compact : stripped;
}

export function matchFormsToTable(forms: readonly FormProject[], table: Evaluation): FormCheck[] {
  const rows = new Map<string, Evaluation['projects'][number]>();
  for (const p of table.projects) if (!rows.has(projectKey(p.name))) rows.set(projectKey(p.name), p);
  // Forms state 万元 (项目资金（万元）); a table in 元 is compared on one scale.
  const factor = table.unit ? TO_YUAN[table.unit] / TO_YUAN['万元'] : 1;
  const checks: FormCheck[] = [];
  for (const form of forms) {
    const row = rows.get(projectKey(form.name));
    if (!row) continue;
    const pairs: { field: 'budget' | 'actual' | 'total'; form: number | null; table: number | null; tol: number }[] = [
      { field: 'budget', form: form.budget, table: row.budget === null ? null : row.budget * factor, tol: AMOUNT_TOLERANCE },
      { field: 'actual', form: form.actual, table: row.actual === null ? null : row.actual * factor, tol: AMOUNT_TOLERANCE },
      { field: 'total', form: form.statedTotal ?? form.scores.total, table: row.statedTotal ?? row.scores.total, tol: TOTAL_TOLERANCE },
    ];
    for (const p of pairs) {
      if (p.form === null || p.table === null || Math.abs(p.form - p.table) <= p.tol + 1e-9 * Math.max(1, Math.abs(p.table))) continue;
      const stated = p.field === 'total' ? row.statedTotal ?? row.scores.total : p.field === 'budget' ? row.budget : row.actual;
      checks.push({
        code: 'form_table_mismatch',
        sheet: form.sheet,
        row: form.row,
        project: form.name,
        field: p.field,
        form: p.form,
        table: { sheet: table.sheet, row: row.row, value: stated },
      });
    }
  }
  return checks;
}
