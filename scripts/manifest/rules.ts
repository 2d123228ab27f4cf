// The project's own manifest checks: what the XML schemas cannot say (see the schemas' README).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { childrenNamed, descendants, firstChild, parseXml, pathTo, type XmlElement } from './xmlTree';

export type CheckName = 'xml' | 'schema' | 'service' | 'resid' | 'url' | 'icon' | 'locale' | 'requirements' | 'structure';

export interface ManifestIssue {
  check: CheckName;
  severity: 'error' | 'warning';
  message: string;
}

export interface RequiredSet {
  name: string;
  minVersion: string;
}

export interface RuleOptions {
  /** Folder the icon URLs resolve into (repo root for manifest.xml, dist/ for the built one). */
  fileRoot: string;
  /** When given, every URL must be on this origin; otherwise they must merely agree. */
  expectedOrigin?: string;
  /** API sets the code checks at run time; the manifest must declare the same minimum versions. */
  requiredSets?: RequiredSet[];
  /** Function names the function file registers with Office.actions.associate. */
  functionNames?: string[];
  /** Locale every user-visible string must be overridden for. */
  overrideLocale?: string;
}

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Which resource list a resid must be defined in, by the element that uses it. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

/** Icon sizes fixed by the element's role (task pane add-in, Insert > Add-ins dialog). */
const ROLE_ICON_SIZE: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

function error(check: CheckName, message: string): ManifestIssue {
  return { check, severity: 'error', message };
}

function where(el: XmlElement): string {
  return `<${el.name}> (line ${el.line})`;
}

function defaultValues(el: XmlElement): string[] {
  const values = el.attrs.DefaultValue !== undefined ? [el.attrs.DefaultValue] : [];
  for (const o of childrenNamed(el, 'Override')) if (o.attrs.Value !== undefined) values.push(o.attrs.Value);
  return values;
}

function resources(root: XmlElement): Map<ResourceKind, Map<string, XmlElement>> {
  const out = new Map<ResourceKind, Map<string, XmlElement>>();
  const res = descendants(root).find((e) => e.local === 'Resources');
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const) {
    const defs = new Map<string, XmlElement>();
    for (const def of firstChild(res, kind)?.children ?? []) if (def.attrs.id) defs.set(def.attrs.id, def);
    out.set(kind, defs);
  }
  return out;
}

function checkResids(root: XmlElement, defs: Map<ResourceKind, Map<string, XmlElement>>): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const used = new Set<string>();
  for (const el of descendants(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const kind = RESID_KIND[el.local];
    used.add(`${kind ?? '*'}:${resid}`);
    const defined = kind ? defs.get(kind)?.has(resid) : [...defs.values()].some((d) => d.has(resid));
    if (!defined) issues.push(error('resid', `resid "${resid}" used by ${where(el)} is not defined in bt:${kind ?? 'Resources'}`));
  }
  for (const [kind, map] of defs) {
    for (const [id, el] of map) {
      if (!used.has(`${kind}:${id}`) && !used.has(`*:${id}`)) {
        issues.push({ check: 'resid', severity: 'warning', message: `${where(el)} id "${id}" is defined but never used` });
      }
    }
  }
  return issues;
}

/** Every URL in the manifest: attribute values and text that carry a scheme (xmlns excepted). */
function urlsIn(root: XmlElement): { url: string; el: XmlElement }[] {
  const out: { url: string; el: XmlElement }[] = [];
  const looksLikeUrl = (v: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim());
  for (const el of descendants(root)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (looksLikeUrl(value)) out.push({ url: value.trim(), el });
    }
    if (el.children.length === 0 && looksLikeUrl(el.text)) out.push({ url: el.text.trim(), el });
  }
  return out;
}

function checkUrls(root: XmlElement, expectedOrigin: string | undefined): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const origins = new Map<string, XmlElement>();
  for (const { url, el } of urlsIn(root)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      issues.push(error('url', `${where(el)}: "${url}" is not a valid URL`));
      continue;
    }
    if (parsed.protocol !== 'https:') issues.push(error('url', `${where(el)}: "${url}" is not https`));
    if (expectedOrigin !== undefined && parsed.origin !== expectedOrigin) {
      issues.push(error('url', `${where(el)}: "${url}" is not on ${expectedOrigin}`));
    }
    if (!origins.has(parsed.origin)) origins.set(parsed.origin, el);
  }
  if (expectedOrigin === undefined && origins.size > 1) {
    const list = [...origins].map(([o, el]) => `${o} (line ${el.line})`).join(', ');
    issues.push(error('url', `URLs use more than one origin: ${list}`));
  }
  if (origins.size === 0) issues.push(error('url', 'the manifest has no URLs'));
  return issues;
}

function pngSize(file: string): { width: number; height: number } | string {
  try {
    const { width, height, type } = imageSize(readFileSync(file));
    if (type !== 'png') return `is ${type ?? 'not an image'}, not PNG`;
    return { width, height };
  } catch (e) {
    return `cannot be read (${e instanceof Error ? e.message : String(e)})`;
  }
}

function checkIcons(root: XmlElement, defs: Map<ResourceKind, Map<string, XmlElement>>, fileRoot: string): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const start = pathTo(root, 'DefaultSettings', 'SourceLocation')?.attrs.DefaultValue;
  let base: URL;
  try {
    base = new URL('.', start ?? '');
  } catch {
    return [error('structure', 'DefaultSettings/SourceLocation is missing or not a URL, so icon files cannot be located')];
  }

  // Expected size per icon element: fixed by role, or by the size attribute of the ribbon icons using it.
  const expected: { el: XmlElement; size: number }[] = [];
  const sizesById = new Map<string, Set<number>>();
  for (const el of descendants(root)) {
    if (ROLE_ICON_SIZE[el.local] !== undefined) expected.push({ el, size: ROLE_ICON_SIZE[el.local] });
    if (el.local !== 'Image' || el.attrs.resid === undefined) continue;
    const set = sizesById.get(el.attrs.resid) ?? new Set<number>();
    set.add(Number(el.attrs.size));
    sizesById.set(el.attrs.resid, set);
  }
  for (const [id, def] of defs.get('Images') ?? []) {
    const sizes = [...(sizesById.get(id) ?? [])];
    if (sizes.length > 1) issues.push(error('icon', `image "${id}" is used at sizes ${sizes.join(' and ')}; one file has one size`));
    if (sizes.length >= 1) expected.push({ el: def, size: sizes[0] });
  }

  for (const { el, size } of expected) {
    for (const url of defaultValues(el)) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        continue; // reported by the URL check
      }
      if (parsed.origin !== base.origin || !parsed.pathname.startsWith(base.pathname)) {
        issues.push(error('icon', `${where(el)}: icon "${url}" is outside the add-in's base ${base.href}`));
        continue;
      }
      const relative = decodeURIComponent(parsed.pathname.slice(base.pathname.length));
      const named = /(\d+)(?:x\d+)?\.[a-z]+$/i.exec(relative);
      if (named && Number(named[1]) !== size) {
        issues.push(error('icon', `${where(el)}: "${relative}" is named for ${named[1]} px but this role needs ${size} px`));
      }
      const file = join(fileRoot, relative);
      if (!existsSync(file)) {
        issues.push(error('icon', `${where(el)}: icon file ${file} does not exist`));
        continue;
      }
      const actual = pngSize(file);
      if (typeof actual === 'string') issues.push(error('icon', `${where(el)}: ${file} ${actual}`));
      else if (actual.width !== size || actual.height !== size) {
        issues.push(error('icon', `${where(el)}: ${file} is ${actual.width}×${actual.height} px, expected ${size}×${size}`));
      }
    }
  }
  return issues;
}

function hasOverride(el: XmlElement | undefined, locale: string): boolean {
  return childrenNamed(el, 'Override').some((o) => o.attrs.Locale === locale && (o.attrs.Value ?? '').trim() !== '');
}

function checkLocales(root: XmlElement, defs: Map<ResourceKind, Map<string, XmlElement>>, locale: string): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  for (const local of ['DisplayName', 'Description']) {
    if (!hasOverride(firstChild(root, local), locale)) issues.push(error('locale', `<${local}> has no ${locale} override`));
  }
  for (const kind of ['ShortStrings', 'LongStrings'] as const) {
    for (const [id, el] of defs.get(kind) ?? []) {
      if (!hasOverride(el, locale)) issues.push(error('locale', `string "${id}" (line ${el.line}) has no ${locale} override`));
    }
  }
  return issues;
}

function declaredSets(requirements: XmlElement | undefined): Map<string, string> {
  const sets = new Map<string, string>();
  const setsEl = firstChild(requirements, 'Sets');
  const fallback = setsEl?.attrs.DefaultMinVersion ?? '1.1';
  for (const s of childrenNamed(setsEl, 'Set')) sets.set(s.attrs.Name, s.attrs.MinVersion ?? fallback);
  return sets;
}

function checkRequirements(root: XmlElement, required: RequiredSet[] | undefined): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const top = declaredSets(firstChild(root, 'Requirements'));
  if (!top.has('ExcelApi')) issues.push(error('requirements', '<Requirements> does not declare the ExcelApi set'));
  for (const r of required ?? []) {
    const declared = top.get(r.name);
    if (declared !== r.minVersion) {
      issues.push(error('requirements', `<Requirements> declares ${r.name} ${declared ?? '(nothing)'}, the code checks ${r.minVersion}`));
    }
  }
  const overrides = firstChild(root, 'VersionOverrides');
  const inner = firstChild(overrides, 'Requirements');
  if (inner) {
    for (const [name, version] of declaredSets(inner)) {
      if (top.get(name) !== version) {
        issues.push(error('requirements', `VersionOverrides requires ${name} ${version}, the top-level <Requirements> ${top.get(name) ?? 'nothing'}`));
      }
    }
  }
  return issues;
}

function checkStructure(root: XmlElement, functionNames: string[] | undefined): ManifestIssue[] {
  // The root's kind, Id, Hosts, Version and Permissions are read by office-addin-manifest (info.ts).
  const issues: ManifestIssue[] = [];
  const all = descendants(root);
  const functions = all.filter((e) => e.local === 'FunctionName').map((e) => e.text);
  if (functions.length > 0 && !all.some((e) => e.local === 'FunctionFile')) {
    issues.push(error('structure', 'ExecuteFunction buttons need a <FunctionFile>'));
  }
  if (functionNames) {
    for (const f of functions) {
      if (!functionNames.includes(f)) issues.push(error('structure', `<FunctionName>${f}</FunctionName> is not registered by the function file`));
    }
  }
  return issues;
}

/** Runs every project check on a manifest's text. Malformed XML yields one 'xml' error. */
export function checkManifestRules(xml: string, options: RuleOptions): ManifestIssue[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [error('xml', `not well-formed XML: ${e instanceof Error ? e.message : String(e)}`)];
  }
  const defs = resources(root);
  return [
    ...checkStructure(root, options.functionNames),
    ...checkResids(root, defs),
    ...checkUrls(root, options.expectedOrigin),
    ...checkIcons(root, defs, options.fileRoot),
    ...checkLocales(root, defs, options.overrideLocale ?? 'zh-CN'),
    ...checkRequirements(root, options.requiredSets),
  ];
}
