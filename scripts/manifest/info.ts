// The manifest's top-level facts as Microsoft's own reader (office-addin-manifest) sees them, and the
// project's rules on them: what kind of add-in, its id, host, version, permission and start page.
import { OfficeAddinManifest, type ManifestInfo } from 'office-addin-manifest';
import type { ManifestIssue } from './rules';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The manifest reference: Version is up to four dot-separated numbers (major.minor.build.revision). */
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

const structure = (message: string): ManifestIssue => ({ check: 'structure', severity: 'error', message });

/** Reads the manifest with office-addin-manifest; an unreadable file is one 'xml' issue. */
export async function readManifestInfo(file: string): Promise<ManifestInfo | ManifestIssue> {
  try {
    return await OfficeAddinManifest.readManifestFile(file);
  } catch (e) {
    return { check: 'xml', severity: 'error', message: `office-addin-manifest cannot read it: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The top-level rules: an Excel task pane add-in (TaskPaneApp hosted by Workbook) with a GUID id, a
 * numeric version, ReadWriteDocument (it writes the summary and highlights) and an https start page.
 */
export function checkManifestInfo(info: ManifestInfo): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  if (info.manifestType !== undefined && info.manifestType !== 'xml') issues.push(structure(`the manifest is ${info.manifestType}, not the XML add-in manifest`));
  if (info.officeAppType !== 'TaskPaneApp') issues.push(structure(`the root must be <OfficeApp xsi:type="TaskPaneApp">, not ${info.officeAppType ?? '(none)'}`));
  if (!GUID.test(info.id ?? '')) issues.push(structure(`<Id> "${info.id ?? ''}" is not a GUID`));
  if (!(info.hosts ?? []).includes('Workbook')) issues.push(structure('<Hosts> does not list Workbook (Excel)'));
  if (!VERSION.test(info.version ?? '')) issues.push(structure(`<Version> "${info.version ?? ''}" is not n.n.n.n`));
  if (info.permissions !== 'ReadWriteDocument') {
    issues.push(structure(`<Permissions> is ${info.permissions ?? '(none)'}; the add-in writes the workbook and needs ReadWriteDocument`));
  }
  if (!(info.displayName ?? '').trim()) issues.push(structure('<DisplayName> has no DefaultValue'));
  const start = info.defaultSettings?.sourceLocation;
  if (start === undefined) issues.push(structure('<DefaultSettings><SourceLocation> is missing'));
  else if (!/^https:\/\//i.test(start)) issues.push(structure(`the task pane page "${start}" is not https`));
  for (const domain of info.appDomains ?? []) {
    if (!/^https:\/\/[^/?#]+$/i.test(domain.trim())) issues.push(structure(`<AppDomain> "${domain}" is not a bare https origin`));
  }
  return issues;
}
