import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { PLACEHOLDER_ORIGIN, normalizeAddinUrl, resolveAddinUrl, rewriteManifest } from '../../scripts/addinUrl.cjs';
import { REPO_ROOT, repoManifestOptions } from '../../scripts/checkManifest';
import { checkManifestRules } from '../../scripts/manifest/rules';

const REPO_MANIFEST = readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8');

describe('rewriting the manifest for the hosting URL', () => {
  const hosted = rewriteManifest(REPO_MANIFEST, 'https://finance.example.gov.cn/addin/');

  test('moves every URL under the hosting base, AppDomain to the bare origin, and leaves no placeholder', () => {
    expect(hosted).not.toContain(PLACEHOLDER_ORIGIN);
    expect(hosted).toContain('<AppDomain>https://finance.example.gov.cn</AppDomain>');
    expect(hosted).toContain('<SourceLocation DefaultValue="https://finance.example.gov.cn/addin/taskpane.html"/>');
    expect(hosted).toContain('DefaultValue="https://finance.example.gov.cn/addin/assets/icon-80.png"');
    // Nothing else changes: same text once the URLs are put back.
    const back = hosted
      .split('<AppDomain>https://finance.example.gov.cn</AppDomain>')
      .join(`<AppDomain>${PLACEHOLDER_ORIGIN}</AppDomain>`)
      .split('https://finance.example.gov.cn/addin')
      .join(PLACEHOLDER_ORIGIN);
    expect(back).toBe(REPO_MANIFEST);
  });

  test('the rewritten manifest passes the checks on the new origin, with icons found below the base path', () => {
    const dist = mkdtempSync(join(tmpdir(), 'hosted-'));
    try {
      mkdirSync(join(dist, 'assets'));
      const icon = (n: number): Buffer => PNG.sync.write(new PNG({ width: n, height: n }));
      for (const n of [16, 32, 64, 80]) writeFileSync(join(dist, 'assets', `icon-${n}.png`), icon(n));
      for (const n of [16, 32, 80]) writeFileSync(join(dist, 'assets', `refresh-${n}.png`), icon(n));
      const issues = checkManifestRules(hosted, { ...repoManifestOptions(), fileRoot: dist, expectedOrigin: 'https://finance.example.gov.cn' });
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test('refuses URLs Office would not load or that would break the paths', () => {
    expect(() => rewriteManifest(REPO_MANIFEST, 'http://finance.example.gov.cn')).toThrow(/https/);
    expect(() => normalizeAddinUrl('finance.example.gov.cn/addin')).toThrow(/not a URL/);
    expect(() => normalizeAddinUrl('https://finance.example.gov.cn/addin?v=2')).toThrow(/query/);
    expect(normalizeAddinUrl(' https://Finance.Example.gov.cn:8443/a/b// ')).toBe('https://finance.example.gov.cn:8443/a/b');
  });

  test('escapes XML-special characters of the URL', () => {
    expect(rewriteManifest('<X DefaultValue="https://localhost:3000/p"/>', "https://h.example/a'b&c")).toBe(
      '<X DefaultValue="https://h.example/a\'b&amp;c/p"/>',
    );
  });
});

describe('where the hosting URL comes from', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'addin-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('ADDIN_URL wins over addin.config.json, which wins over the placeholder', () => {
    const config = join(dir, 'addin.config.json');
    expect(resolveAddinUrl({}, config)).toEqual({ url: PLACEHOLDER_ORIGIN, source: 'placeholder' });
    writeFileSync(config, JSON.stringify({ url: 'https://a.example/x/' }));
    expect(resolveAddinUrl({}, config)).toEqual({ url: 'https://a.example/x', source: config });
    expect(resolveAddinUrl({ ADDIN_URL: 'https://b.example' }, config)).toEqual({ url: 'https://b.example', source: 'ADDIN_URL' });
    expect(resolveAddinUrl({ ADDIN_URL: '  ' }, config).source).toBe(config);
  });

  test('a config file without a url, or with an http one, stops the build', () => {
    const config = join(dir, 'addin.config.json');
    writeFileSync(config, JSON.stringify({ host: 'x' }));
    expect(() => resolveAddinUrl({}, config)).toThrow(/"url"/);
    writeFileSync(config, JSON.stringify({ url: 'http://a.example' }));
    expect(() => resolveAddinUrl({}, config)).toThrow(/https/);
  });
});
