import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManifestValidation } from 'office-addin-manifest';
import { REPO_ROOT, checkManifestFile, errorsOf, repoManifestOptions } from '../../scripts/checkManifest';
import { checkManifestInfo, readManifestInfo } from '../../scripts/manifest/info';
import { SERVICE_HOST, issuesOfValidation, validateWithService } from '../../scripts/manifest/service';

const REPO_MANIFEST_FILE = join(REPO_ROOT, 'manifest.xml');
const REPO_MANIFEST = readFileSync(REPO_MANIFEST_FILE, 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifest-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manifestFile(name: string, xml: string): string {
  const file = join(dir, name);
  writeFileSync(file, xml);
  return file;
}

const valid = (over: Partial<ManifestValidation> = {}): ManifestValidation => ({ isValid: true, ...over });

describe('the top-level facts read by office-addin-manifest', () => {
  test('the repo manifest: an Excel task pane add-in with a GUID, ReadWriteDocument and an https start page', async () => {
    const info = await readManifestInfo(REPO_MANIFEST_FILE);
    expect(info).toMatchObject({ officeAppType: 'TaskPaneApp', hosts: ['Workbook'], permissions: 'ReadWriteDocument' });
    expect('check' in info ? [info] : checkManifestInfo(info)).toEqual([]);
  });

  test('a wrong id, host, version, permission and an http start page are each named', async () => {
    const broken = REPO_MANIFEST.replace('<Id>3c7df9fa-500d-4f2e-8e44-5683a719106d</Id>', '<Id>my-addin</Id>')
      .replace('<Host Name="Workbook"/>', '<Host Name="Document"/>')
      .replace('<Version>0.1.0.0</Version>', '<Version>v1</Version>')
      .replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>')
      .replace('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>');
    const report = await checkManifestFile(manifestFile('broken.xml', broken), { ...repoManifestOptions(), schemaDir: '/nonexistent' });
    const structure = errorsOf(report).filter((i) => i.check === 'structure').map((i) => i.message);
    expect(structure).toEqual([
      '<Id> "my-addin" is not a GUID',
      '<Hosts> does not list Workbook (Excel)',
      '<Version> "v1" is not n.n.n.n',
      '<Permissions> is ReadDocument; the add-in writes the workbook and needs ReadWriteDocument',
      'the task pane page "http://localhost:3000/taskpane.html" is not https',
    ]);
  });

  test('a mail add-in root is not a task pane add-in', async () => {
    const mail = REPO_MANIFEST.replace('xsi:type="TaskPaneApp"', 'xsi:type="MailApp"');
    const info = await readManifestInfo(manifestFile('mail.xml', mail));
    expect('check' in info ? [] : checkManifestInfo(info).map((i) => i.message)).toContain(
      'the root must be <OfficeApp xsi:type="TaskPaneApp">, not MailApp',
    );
  });

  test('broken XML is one xml issue, not a second one from the library', async () => {
    const report = await checkManifestFile(manifestFile('bad.xml', REPO_MANIFEST.replace('</DisplayName>', '</Display>')), {
      ...repoManifestOptions(),
      schemaDir: '/nonexistent',
    });
    expect(report.issues.map((i) => i.check)).toEqual(['xml']);
  });
});

describe("Microsoft's validation service (office-addin-manifest validateManifest)", () => {
  test('offline: skipped with a note naming the host, and validateManifest is never called', async () => {
    const validate = jest.fn(async () => valid());
    const result = await validateWithService(REPO_MANIFEST_FILE, {
      probe: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND')),
      validate,
    });
    expect(result).toEqual({ status: 'skipped', note: expect.stringContaining(`${SERVICE_HOST} cannot be reached (getaddrinfo ENOTFOUND)`) });
    expect(validate).not.toHaveBeenCalled();
  });

  test('a probe that never answers is cut at the timeout', async () => {
    const result = await validateWithService(REPO_MANIFEST_FILE, { probe: () => new Promise<void>(() => undefined), timeoutMs: 20 });
    expect(result).toEqual({ status: 'skipped', note: expect.stringContaining('no answer within 20 ms') });
  });

  test('online: the service report becomes errors and warnings', async () => {
    const validate = jest.fn(async () => ({
      isValid: false,
      report: {
        status: 'Rejected',
        errors: [{ title: 'Invalid icon', content: 'The icon is not reachable.', line: 23, code: 'E001' }],
        warnings: [{ title: 'Localhost', content: 'localhost URLs are for development.' }],
      },
    }));
    const result = await validateWithService(REPO_MANIFEST_FILE, { probe: async () => undefined, validate });
    expect(validate).toHaveBeenCalledWith(REPO_MANIFEST_FILE);
    expect(result).toEqual({
      status: 'checked',
      issues: [
        { check: 'service', severity: 'error', message: 'line 23: Invalid icon: The icon is not reachable. (E001)' },
        { check: 'service', severity: 'warning', message: 'Localhost: localhost URLs are for development.' },
      ],
    });
  });

  test('an accepted manifest has no issues; a rejection without details is still an error', () => {
    expect(issuesOfValidation(valid({ report: { status: 'Accepted' } }))).toEqual([]);
    expect(issuesOfValidation({ isValid: false, report: { status: 'Rejected' } })).toEqual([
      { check: 'service', severity: 'error', message: 'the validation service gave status "Rejected"' },
    ]);
  });

  test('a service that answers with an HTTP error or throws is skipped, not a manifest error', async () => {
    const down = await validateWithService(REPO_MANIFEST_FILE, {
      probe: async () => undefined,
      validate: async () => ({ isValid: false, status: 503, statusText: 'Service Unavailable' }),
    });
    expect(down).toEqual({ status: 'skipped', note: 'the validation service answered HTTP 503 Service Unavailable; skipped' });
    const thrown = await validateWithService(REPO_MANIFEST_FILE, {
      probe: async () => undefined,
      validate: async () => Promise.reject(new Error('Unable to contact the manifest validation service.\nECONNRESET')),
    });
    expect(thrown).toEqual({ status: 'skipped', note: expect.stringContaining('Unable to contact the manifest validation service.') });
  });

  test('MANIFEST_VALIDATE_OFFLINE=1 skips without probing', async () => {
    const probe = jest.fn(async () => undefined);
    process.env.MANIFEST_VALIDATE_OFFLINE = '1';
    try {
      expect(await validateWithService(REPO_MANIFEST_FILE, { probe })).toMatchObject({ status: 'skipped' });
    } finally {
      delete process.env.MANIFEST_VALIDATE_OFFLINE;
    }
    expect(probe).not.toHaveBeenCalled();
  });
});
