// `npm run check:manifest`: the offline checks of manifest.xml (and dist/manifest.xml when built): the
// XSDs in schemas/office-addin-manifest, the top-level facts as office-addin-manifest reads
// them, and the project's own rules. `npm run validate` adds Microsoft's validation service.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PLACEHOLDER_ORIGIN } from './addinUrl.cjs';
import { checkManifestInfo, readManifestInfo } from './manifest/info';
import { checkManifestRules, type ManifestIssue, type RequiredSet, type RuleOptions } from './manifest/rules';
import { schemasAvailable, validateAgainstSchema } from './manifest/schema';
import { FUNCTION_NAMES } from '../src/commands/functionNames';
import { REQUIRED_API_SETS } from '../src/excel/host';

export const REPO_ROOT = join(__dirname, '..');
export const DIST_DIR = join(REPO_ROOT, 'dist');
/** The manifest XSDs, kept in the repository (schemas/office-addin-manifest/README.md says where they come from). */
export const SCHEMA_DIR = process.env.MANIFEST_SCHEMA_DIR ?? join(REPO_ROOT, 'schemas', 'office-addin-manifest');

/** The manifest must declare exactly the API sets src/excel/host.ts checks with isSetSupported. */
const MANIFEST_REQUIRED_SETS: RequiredSet[] = REQUIRED_API_SETS.map((s) => ({ name: s.name, minVersion: s.version }));

export interface ManifestReport {
  file: string;
  issues: ManifestIssue[];
  /** False when the schema folder is absent and only the project's rules ran. */
  schemaChecked: boolean;
}

export interface FileCheckOptions extends RuleOptions {
  schemaDir?: string;
}

export async function checkManifestFile(file: string, options: FileCheckOptions): Promise<ManifestReport> {
  const xml = readFileSync(file, 'utf8');
  const issues = checkManifestRules(xml, options);
  // Microsoft's reader is lenient (xml2js); when the XML is broken the 'xml' issue above says so once.
  if (!issues.some((i) => i.check === 'xml')) {
    const info = await readManifestInfo(file);
    issues.unshift(...('check' in info ? [info] : checkManifestInfo(info)));
  }
  const schemaDir = options.schemaDir ?? SCHEMA_DIR;
  const schemaChecked = schemasAvailable(schemaDir);
  if (schemaChecked) issues.unshift(...(await validateAgainstSchema(xml, schemaDir)));
  return { file, issues, schemaChecked };
}

/** The repo manifest: every URL on the placeholder origin, icons in ./assets. */
export function repoManifestOptions(): FileCheckOptions {
  return {
    fileRoot: REPO_ROOT,
    expectedOrigin: PLACEHOLDER_ORIGIN,
    requiredSets: MANIFEST_REQUIRED_SETS,
    functionNames: [...FUNCTION_NAMES],
  };
}

/** The built manifest: URLs on whatever origin the build was given, but one; icons in dist/. */
export function distManifestOptions(): FileCheckOptions {
  return { ...repoManifestOptions(), fileRoot: DIST_DIR, expectedOrigin: undefined };
}

export function errorsOf(report: ManifestReport): ManifestIssue[] {
  return report.issues.filter((i) => i.severity === 'error');
}

/** Prints a report's issues and its verdict line. */
export function printReport(report: ManifestReport): void {
  const name = relative(process.cwd(), report.file) || report.file;
  if (!report.schemaChecked) console.log(`${name}: NOTE schemas not found at ${SCHEMA_DIR}; XSD validation skipped`);
  for (const i of report.issues) console.log(`${name}: ${i.severity} [${i.check}] ${i.message}`);
  const errors = errorsOf(report).length;
  console.log(`${name}: ${errors === 0 ? 'OK' : `${errors} error(s)`}${report.schemaChecked ? ' (schema + project checks)' : ' (project checks)'}`);
}

/** The offline checks of manifest.xml and, when built, dist/manifest.xml. */
export async function checkManifests(): Promise<ManifestReport[]> {
  const reports = [await checkManifestFile(join(REPO_ROOT, 'manifest.xml'), repoManifestOptions())];
  const built = join(DIST_DIR, 'manifest.xml');
  if (existsSync(built)) reports.push(await checkManifestFile(built, distManifestOptions()));
  else console.log('dist/manifest.xml: not built (run `npm run build`), skipped');
  return reports;
}

async function main(): Promise<void> {
  const reports = await checkManifests();
  reports.forEach(printReport);
  if (reports.some((r) => errorsOf(r).length > 0)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
