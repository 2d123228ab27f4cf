// XSD validation of a manifest with libxml2 (xmllint-wasm) against the offline schema copy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { ManifestIssue } from './rules';

const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** True when the folder holds the root schema; a clone without ../shared lacks it. */
export function schemasAvailable(schemaDir: string): boolean {
  return existsSync(join(schemaDir, ROOT_SCHEMA));
}

/** Validates against OfficeAppManifestV1_1.xsd; the schemas it imports are preloaded by file name. */
export async function validateAgainstSchema(xml: string, schemaDir: string): Promise<ManifestIssue[]> {
  const read = (name: string): { fileName: string; contents: string } => ({
    fileName: name,
    contents: readFileSync(join(schemaDir, name), 'utf8'),
  });
  const imports = readdirSync(schemaDir).filter((f) => f.endsWith('.xsd') && f !== ROOT_SCHEMA);
  const result = await validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: read(ROOT_SCHEMA),
    preload: imports.map(read),
  });
  if (result.valid) return [];
  const errors = result.errors.map((e) => ({
    check: 'schema' as const,
    severity: 'error' as const,
    message: e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message,
  }));
  return errors.length > 0 ? errors : [{ check: 'schema', severity: 'error', message: result.rawOutput.trim() }];
}
