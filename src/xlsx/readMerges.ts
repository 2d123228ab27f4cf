// A worksheet's merged areas as A1 ranges ("A3:B3"), for the forms engine.
import type { Worksheet } from 'exceljs';

export function readMerges(worksheet: Worksheet): string[] {
  // ExcelJS keeps merges by master cell; `model` would serialise every row to list them.
  const merges = (worksheet as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  return Object.values(merges)
    .map((m) => m?.range)
    .filter((r): r is string => typeof r === 'string');
}
