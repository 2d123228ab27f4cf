// "汇总各部门 / Consolidate sheets" over any WorkbookPort (host-free): a workbook with one sheet per
// department (tables), or forms from several 主管部门, consolidated as the batch command does, and the
// departments view written as a summary sheet of its own (部门汇总 / Departments). The department of a
// table: a 单位/部门 line above its header, else the sheet's name; of a form: its 主管部门, else the
// sheet's name. Sheets that hold neither are listed as not evaluated; empty sheets are passed over.
import { consolidate, departmentFromTitle, type ConsolidatedEntry, type Consolidation } from './consolidate';
import { formEntries } from './consolidateForms';
import { buildDepartmentsSummary, DEPARTMENTS_SHEET } from './departmentsSummary';
import { isOwnSheetName } from '../summary/summaryOwnership';
import { EngineError } from '../errors';
import { evaluateForms, sheetsHaveForms } from '../forms/evaluateForms';
import { toFormSheet } from '../forms/formsWorkflow';
import { detectHeader } from '../headers';
import { errorMessage } from '../messages';
import { isEmptyGrid } from '../evaluateSheet';
import type { Settings, WorkbookPort } from '../workbookPort';
import { layoutSummary } from '../summary/summaryLayout';
import type { Lang, SheetData } from '../types';
import { resolveScheme, runEngineHere, type EngineRunner } from '../workflow';

export interface ConsolidateSheetsOptions {
  lang: Lang;
  now?: () => Date;
  signal?: AbortSignal;
  /** Where each department's table is evaluated (the pane passes its worker runner); this thread by default. */
  engine?: EngineRunner;
}

export interface ConsolidateSheetsOutcome {
  summarySheet: string;
  consolidation: Consolidation;
}

async function readAll(port: WorkbookPort, exclude: string[], signal: AbortSignal | undefined): Promise<SheetData[]> {
  if (port.readSheets) return port.readSheets({ exclude }, { signal });
  const lower = new Set(exclude.map((n) => n.toLowerCase()));
  const out: SheetData[] = [];
  for (const name of await port.listSheets()) {
    if (lower.has(name.toLowerCase())) continue;
    out.push(await port.readSource({ sheet: name, scope: 'sheet' }, { signal }));
  }
  return out;
}

/** The workbook's sheets consolidated by department; the summary sheets the add-in writes are left out. */
export async function consolidateSheetsOf(port: WorkbookPort, settings: Settings, options: ConsolidateSheetsOptions): Promise<Consolidation> {
  const { lang, signal } = options;
  const engine = options.engine ?? runEngineHere;
  const scheme = resolveScheme(settings);
  const band = settings.band;
  const month = settings.monitoringMonth ?? undefined;
  const exclude = [settings.summarySheet, DEPARTMENTS_SHEET.zh, DEPARTMENTS_SHEET.en].filter((n): n is string => typeof n === 'string' && n !== '');
  // The exact names are not even read; copies ("部门汇总 (2)") and the report draft are read but not counted.
  const sheets = (await readAll(port, exclude, signal)).filter((s) => !isOwnSheetName(s.name, settings.summarySheet));
  const entries: ConsolidatedEntry[] = [];
  const failures: { file: string; message: string }[] = [];
  for (const sheet of sheets) {
    if (isEmptyGrid(sheet.grid)) continue;
    const form = toFormSheet(sheet);
    if (sheetsHaveForms([form])) {
      const forms = evaluateForms([form], { scheme, band });
      entries.push(...formEntries(sheet.name, sheet.name, forms, [form], scheme, month));
      continue;
    }
    const result = await engine({ sheet, scheme, band, ...(month !== undefined ? { month } : {}) }, signal);
    if (!result.ok) {
      failures.push({ file: sheet.name, message: errorMessage(result.error, lang) });
      continue;
    }
    const department = departmentFromTitle(sheet.grid, result.detection.headerStart) ?? sheet.name;
    entries.push({ file: sheet.name, department, evaluation: result.evaluation });
  }
  if (entries.length === 0) {
    const first = sheets.find((s) => !isEmptyGrid(s.grid));
    throw new EngineError('missing_columns', { missing: first ? detectHeader(first.grid).missing : ['project', 'budget', 'actual'] });
  }
  return consolidate(entries, failures);
}

/** Consolidates the sheets and writes the departments view; the settings are not changed. */
export async function consolidateSheets(port: WorkbookPort, settings: Settings, options: ConsolidateSheetsOptions): Promise<ConsolidateSheetsOutcome> {
  const consolidation = await consolidateSheetsOf(port, settings, options);
  const month = settings.monitoringMonth ?? undefined;
  const time = (options.now ?? (() => new Date()))();
  const model = buildDepartmentsSummary(consolidation, resolveScheme(settings), settings.band, options.lang, { time, ...(month !== undefined ? { month } : {}) });
  const { sheetName } = await port.writeSummary(layoutSummary(model), DEPARTMENTS_SHEET[options.lang], { signal: options.signal });
  return { summarySheet: sheetName, consolidation };
}
