// The evaluated copy of an .xlsx/.xlsm: the original package with the summary sheet's parts added and
// the highlight rules spliced into the source sheet. Every other part (other sheets, charts, pivot
// tables, comments, form controls, external links, VBA, custom XML…) is copied as it is. Changed:
// the workbook part (one <sheet> more), its relationships, [Content_Types].xml, the style sheet (looks
// appended) and the highlighted sheet (rules inserted).
import { SUMMARY_MARKER_NAME, SUMMARY_MARKER_VALUE } from '../../engine/summary/summaryOwnership';
import { posix } from 'node:path';
import type { Document, Element } from '@xmldom/xmldom';
import type { HighlightSpec } from '../../engine/workbookPort';
import { summaryPrintSetup } from '../../engine/summary/printSetup';
import { freeTableName } from '../../engine/sheetNames';
import type { SummaryLayout } from '../../engine/summary/summaryTypes';
import { readZipBytes, rebuildZip, zipEntryNames } from '../zipPatch';
import { CONTENT_TYPES, ContentTypes, RelsPart, childElements, relativeTarget, relsPartOf, resolveTarget } from './opcParts';
import { ruleLooks, spliceHighlights, SpliceError } from './sheetHighlights';
import { MAIN_NS, StyleSheet } from './styleSheet';
import { printTitlesFormula } from './printSetupXml';
import { renderSummarySheet, tableXml } from './summarySheetXml';
import { parseXml, serializeXml } from './xmlText';

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const WORKSHEET_TYPE = `${CT}.worksheet+xml`;
const TABLE_TYPE = `${CT}.table+xml`;
const STYLES_TYPE = `${CT}.styles+xml`;
const TRANSITIONAL_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Deflate level of the parts written (native zlib): the fastest; parts kept keep their own bytes. */
const ZIP_LEVEL = 1;

export interface SummaryEdit {
  name: string;
  layout: SummaryLayout;
}

export interface CopyEdits {
  summaries: SummaryEdit[];
  highlights: HighlightSpec[];
}

/** Something the copy could not do as asked; the batch command says so on stderr. */
export interface CopyNote {
  /**
   * highlights_not_added: a sheet's part could not take the rules; values_only: the input was not an
   * .xlsx/.xlsm package; sheet_renamed: its name is not one Excel accepts, the copy's is `reason`;
   * sheet_not_kept: the copy lacks that sheet of the input.
   */
  code: 'highlights_not_added' | 'values_only' | 'sheet_renamed' | 'sheet_not_kept';
  sheet?: string;
  reason: string;
}

export class NotAPackageError extends Error {}

interface SheetEntry {
  name: string;
  sheetId: number;
  part: string | null;
}

/** The workbook's structure, read from the package's small parts. */
class PackageView {
  readonly workbookPart: string;
  readonly workbookDoc: Document;
  readonly workbookRels: RelsPart;
  readonly contentTypes: ContentTypes;
  /** Relationship type namespace of this package (transitional or strict). */
  readonly relBase: string;
  readonly mainNs: string;
  readonly sheets: SheetEntry[];

  private constructor(
    readonly entries: Map<string, string>,
    texts: { contentTypes: string; rootRels: string },
    private readonly readPart: (name: string) => Promise<Buffer | null>,
    workbook: { part: string; text: string; rels: string | null; relBase: string },
  ) {
    this.contentTypes = new ContentTypes(texts.contentTypes);
    this.workbookPart = workbook.part;
    this.relBase = workbook.relBase;
    this.workbookDoc = parseXml(workbook.text, workbook.part);
    this.workbookRels = new RelsPart(relsPartOf(workbook.part), workbook.rels);
    const root = this.workbookDoc.documentElement;
    if (!root || root.localName !== 'workbook') throw new NotAPackageError(`${workbook.part}: not a workbook`);
    this.mainNs = root.namespaceURI ?? MAIN_NS;
    const rels = new Map(this.workbookRels.list().map((r) => [r.id, r]));
    this.sheets = this.sheetElements().map((el) => {
      const rel = rels.get(relIdOf(el)?.value ?? '');
      return {
        name: el.getAttribute('name') ?? '',
        sheetId: Number(el.getAttribute('sheetId')) || 0,
        part: rel && !rel.external ? this.actualName(resolveTarget(workbook.part, rel.target)) : null,
      };
    });
  }

  static async open(zip: Buffer): Promise<PackageView> {
    const names = await zipEntryNames(zip);
    const entries = new Map(names.map((n) => [n.toLowerCase(), n]));
    const read = async (name: string): Promise<Buffer | null> => {
      const actual = entries.get(name.toLowerCase());
      if (actual === undefined) return null;
      return (await readZipBytes(zip, (n) => n === actual)).get(actual) ?? null;
    };
    const contentTypes = await read(CONTENT_TYPES);
    const rootRels = await read('_rels/.rels');
    if (!contentTypes || !rootRels) throw new NotAPackageError('not an Open XML package');
    const office = new RelsPart('_rels/.rels', rootRels.toString('utf8')).list().find((r) => /\/officeDocument$/.test(r.type) && !r.external);
    if (!office) throw new NotAPackageError('no workbook part');
    const part = resolveTarget('', office.target);
    // An .xlsb's parts are binary records, not XML: no package the copy can graft into (its copy is of values).
    if (/\.bin$/i.test(part)) throw new NotAPackageError('binary workbook (.xlsb)');
    const workbookText = await read(part);
    if (!workbookText) throw new NotAPackageError(`${part} missing`);
    const rels = await read(relsPartOf(part));
    return new PackageView(entries, { contentTypes: contentTypes.toString('utf8'), rootRels: rootRels.toString('utf8') }, read, {
      part: entries.get(part.toLowerCase()) ?? part,
      text: workbookText.toString('utf8'),
      rels: rels ? rels.toString('utf8') : null,
      relBase: office.type.replace(/\/officeDocument$/, ''),
    });
  }

  /** The entry's name as the archive spells it (part names are case-insensitive). */
  actualName(part: string): string {
    return this.entries.get(part.toLowerCase()) ?? part;
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  read(part: string): Promise<Buffer | null> {
    return this.readPart(part);
  }

  sheetsElement(): Element {
    const root = this.workbookDoc.documentElement as Element;
    const sheets = childElements(root, 'sheets')[0];
    if (!sheets) throw new NotAPackageError(`${this.workbookPart}: no <sheets>`);
    return sheets;
  }

  sheetElements(): Element[] {
    return childElements(this.sheetsElement(), 'sheet');
  }

  /** Names used by tables and defined names: a new table's name must differ from all of them. */
  async takenTableNames(): Promise<{ names: string[]; maxId: number }> {
    const names: string[] = [];
    const root = this.workbookDoc.documentElement as Element;
    for (const dn of childElements(root, 'definedNames').flatMap((d) => childElements(d, 'definedName'))) names.push(dn.getAttribute('name') ?? '');
    let maxId = 0;
    const tableParts = new Set(this.contentTypes.partsOfType((t) => t === TABLE_TYPE).map((p) => this.actualName(p)));
    for (const lower of this.entries.keys()) if (/(^|\/)tables\/[^/]+\.xml$/.test(lower)) tableParts.add(this.actualName(lower));
    for (const part of tableParts) {
      const bytes = await this.read(part);
      if (!bytes) continue;
      const table = parseXml(bytes.toString('utf8'), part).documentElement;
      if (!table || table.localName !== 'table') continue;
      names.push(table.getAttribute('name') ?? '', table.getAttribute('displayName') ?? '');
      maxId = Math.max(maxId, Number(table.getAttribute('id')) || 0);
    }
    return { names: names.filter((n) => n !== ''), maxId };
  }

  /** A part name in the folder, numbered from `stem`, not used by any entry. */
  freePart(folder: string, stem: string): string {
    for (let n = 1; ; n++) {
      const name = `${folder}${stem}${n}.xml`;
      if (!this.has(name)) {
        this.entries.set(name.toLowerCase(), name);
        return name;
      }
    }
  }
}

function relIdOf(el: Element): { prefix: string | null; ns: string; value: string } | null {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && a.localName === 'id' && a.namespaceURI) return { prefix: a.prefix, ns: a.namespaceURI, value: a.value };
  }
  return null;
}

/** The sheet names of the package's workbook, in order (worksheets, chart sheets, dialog sheets). */
export async function packageSheetNames(zip: Buffer): Promise<string[]> {
  return (await PackageView.open(zip)).sheets.map((s) => s.name);
}

/** The content type of the package's workbook part, or null when the bytes are not an Open XML package. */
export async function workbookContentType(zip: Buffer): Promise<string | null> {
  try {
    const view = await PackageView.open(zip);
    return view.contentTypes.typeOf(view.workbookPart);
  } catch (err) {
    if (err instanceof NotAPackageError || (err instanceof Error && /not a zip file/.test(err.message))) return null;
    throw err;
  }
}

function addSheetElement(view: PackageView, name: string, sheetId: number, relId: string): void {
  const sheets = view.sheetsElement();
  const model = view.sheetElements()[0];
  const rel = model ? relIdOf(model) : null;
  const ns = rel?.ns ?? `${view.relBase}`;
  const prefix = rel?.prefix ?? 'r';
  const el = view.workbookDoc.createElementNS(view.mainNs, sheets.prefix ? `${sheets.prefix}:sheet` : 'sheet');
  el.setAttribute('name', name);
  el.setAttribute('sheetId', String(sheetId));
  el.setAttributeNS(ns, `${prefix}:id`, relId);
  sheets.appendChild(el);
}

/** _xlnm.Print_Titles for the sheet just added (the last <sheet>): its header row repeats on every printed page. */
function addPrintTitles(view: PackageView, formula: string | null): void {
  if (formula !== null) addSheetName(view, '_xlnm.Print_Titles', formula, false);
}

/**
 * The add-in's marker on the summary sheet just added, as the pane writes it (engine/summary/summaryOwnership.ts):
 * a hidden sheet-scoped name holding a text constant. A later run proves the sheet is its own by it.
 */
function addSummaryMarker(view: PackageView): void {
  addSheetName(view, SUMMARY_MARKER_NAME, `"${SUMMARY_MARKER_VALUE}"`, true);
}

/** A defined name scoped to the sheet just added (the last <sheet>). */
function addSheetName(view: PackageView, name: string, formula: string, hidden: boolean): void {
  const root = view.workbookDoc.documentElement;
  if (!root) return;
  const localSheetId = view.sheetElements().length - 1;
  const qualified = (local: string): string => (root.prefix ? `${root.prefix}:${local}` : local);
  let names = childElements(root, 'definedNames')[0];
  if (!names) {
    names = view.workbookDoc.createElementNS(view.mainNs, qualified('definedNames'));
    // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook's sequence).
    const after = [...childElements(root, 'externalReferences'), ...childElements(root, 'functionGroups'), view.sheetsElement()][0];
    root.insertBefore(names, after.nextSibling);
  }
  const el = view.workbookDoc.createElementNS(view.mainNs, qualified('definedName'));
  el.setAttribute('name', name);
  el.setAttribute('localSheetId', String(localSheetId));
  if (hidden) el.setAttribute('hidden', '1');
  el.appendChild(view.workbookDoc.createTextNode(formula));
  names.appendChild(el);
}

/** The summaries' parts, added to the package's maps; returns the new parts by name. */
async function addSummaries(view: PackageView, summaries: SummaryEdit[], styles: StyleSheet, added: Map<string, Buffer | string>): Promise<void> {
  if (summaries.length === 0) return;
  const firstSheet = view.sheets.find((s) => s.part !== null)?.part;
  const folder = firstSheet ? `${posix.dirname(firstSheet)}/` : `${posix.dirname(view.workbookPart)}/worksheets/`.replace(/^\.\//, '');
  const tableFolder = `${posix.dirname(posix.dirname(`${folder}x`))}/tables/`.replace(/^\.\//, '');
  const taken = await view.takenTableNames();
  const relNs = (() => {
    const model = view.sheetElements()[0];
    return (model && relIdOf(model)?.ns) || TRANSITIONAL_RELS;
  })();
  let sheetId = view.sheets.reduce((max, s) => Math.max(max, s.sheetId), 0);
  let tableId = taken.maxId;
  const sheetNames = new Set(view.sheets.map((s) => s.name.toLowerCase()));
  for (const summary of summaries) {
    if (sheetNames.has(summary.name.toLowerCase())) throw new Error(`sheet name already in the workbook: ${summary.name}`);
    sheetNames.add(summary.name.toLowerCase());
    const sheetPart = view.freePart(folder, 'sheet');
    const tableName = freeTableName(taken.names, 'EvaluationSummary');
    const sheetRels = new RelsPart(relsPartOf(sheetPart), null);
    const tablePart = summary.layout.table.rowCount > 0 ? view.freePart(tableFolder, 'table') : null;
    const tableRel = tablePart ? sheetRels.add(`${view.relBase}/table`, relativeTarget(sheetPart, tablePart)) : '';
    const rendered = renderSummarySheet({ layout: summary.layout, tableName, styleOf: (look) => styles.cellStyle(look), relNs, mainNs: view.mainNs, print: summaryPrintSetup(summary.layout) }, tableRel);
    added.set(sheetPart, Buffer.concat(rendered.sheet));
    view.contentTypes.override(sheetPart, WORKSHEET_TYPE);
    if (tablePart && rendered.table) {
      taken.names.push(tableName);
      added.set(tablePart, tableXml(rendered.table, ++tableId, view.mainNs));
      added.set(sheetRels.name, serializeXml(sheetRels.doc));
      view.contentTypes.override(tablePart, TABLE_TYPE);
      view.contentTypes.ensureRelsDefault();
    }
    const relId = view.workbookRels.add(`${view.relBase}/worksheet`, relativeTarget(view.workbookPart, sheetPart));
    addSheetElement(view, summary.name, ++sheetId, relId);
    addPrintTitles(view, printTitlesFormula(summaryPrintSetup(summary.layout), summary.name));
    addSummaryMarker(view);
  }
}

/** The highlighted sheets' parts with the rules spliced in; a sheet that cannot take them gets a note. */
async function addHighlights(view: PackageView, highlights: HighlightSpec[], styles: StyleSheet, replaced: Map<string, Buffer | string>, notes: CopyNote[]): Promise<void> {
  for (const spec of highlights) {
    const part = view.sheets.find((s) => s.name === spec.sheet)?.part;
    const bytes = part ? ((replaced.get(part) as Buffer | undefined) ?? (await view.read(part))) : null;
    if (!part || !bytes) {
      notes.push({ code: 'highlights_not_added', sheet: spec.sheet, reason: 'sheet part not found' });
      continue;
    }
    try {
      const dxfIds = ruleLooks(spec).map((look) => styles.differential(look));
      replaced.set(part, spliceHighlights(bytes, { spec, dxfIds }));
    } catch (err) {
      if (!(err instanceof SpliceError)) throw err;
      notes.push({ code: 'highlights_not_added', sheet: spec.sheet, reason: err.message });
    }
  }
}

/** The style sheet part, added to the workbook when it has none. */
async function openStyles(view: PackageView): Promise<{ styles: StyleSheet; part: string; isNew: boolean }> {
  const rel = view.workbookRels.list().find((r) => /\/styles$/.test(r.type) && !r.external);
  if (rel) {
    const part = view.actualName(resolveTarget(view.workbookPart, rel.target));
    const bytes = await view.read(part);
    if (bytes) return { styles: new StyleSheet(bytes.toString('utf8'), view.mainNs), part, isNew: false };
  }
  const part = view.freePart(`${posix.dirname(view.workbookPart)}/`.replace(/^\.\//, ''), 'styles');
  return { styles: new StyleSheet(null, view.mainNs), part, isNew: true };
}

export interface GraftResult {
  bytes: Buffer;
  notes: CopyNote[];
}

/** A template's workbook content type → the workbook's: the copy is a workbook (.xlsx/.xlsm), which Excel opens only so typed. */
const TEMPLATE_TO_WORKBOOK: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
};

/** The copy of the package `zip` with the summaries added and the highlights applied. */
export async function graftCopy(zip: Buffer, edits: CopyEdits): Promise<GraftResult> {
  const view = await PackageView.open(zip);
  const asWorkbook = TEMPLATE_TO_WORKBOOK[view.contentTypes.typeOf(view.workbookPart) ?? ''];
  if (asWorkbook) view.contentTypes.setType(view.workbookPart, asWorkbook);
  const notes: CopyNote[] = [];
  const replaced = new Map<string, Buffer | string>();
  const added = new Map<string, Buffer | string>();
  const { styles, part: stylesPart, isNew } = await openStyles(view);
  await addSummaries(view, edits.summaries, styles, added);
  await addHighlights(view, edits.highlights, styles, replaced, notes);
  const stylesText = styles.text();
  if (stylesText !== null) {
    if (isNew) {
      added.set(stylesPart, stylesText);
      view.workbookRels.add(`${view.relBase}/styles`, relativeTarget(view.workbookPart, stylesPart));
      view.contentTypes.override(stylesPart, STYLES_TYPE);
    } else replaced.set(stylesPart, stylesText);
  }
  if (asWorkbook) replaced.set(CONTENT_TYPES, serializeXml(view.contentTypes.doc));
  if (edits.summaries.length > 0 || isNew) {
    replaced.set(view.workbookPart, serializeXml(view.workbookDoc));
    replaced.set(CONTENT_TYPES, serializeXml(view.contentTypes.doc));
    const relsName = view.actualName(view.workbookRels.name);
    if (view.has(relsName)) replaced.set(relsName, serializeXml(view.workbookRels.doc));
    else added.set(relsName, serializeXml(view.workbookRels.doc));
  }
  // Entries are matched by their exact names in the archive.
  const exact = new Map([...replaced].map(([name, data]) => [view.actualName(name), data]));
  return { bytes: await rebuildZip(zip, exact, ZIP_LEVEL, added), notes };
}
