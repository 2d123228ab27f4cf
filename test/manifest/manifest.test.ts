import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  DIST_DIR,
  REPO_ROOT,
  SCHEMA_DIR,
  checkManifestFile,
  distManifestOptions,
  errorsOf,
  repoManifestOptions,
} from '../../scripts/checkManifest';
import { checkManifestRules, type ManifestIssue, type RuleOptions } from '../../scripts/manifest/rules';
import { schemasAvailable, validateAgainstSchema } from '../../scripts/manifest/schema';

const REPO_MANIFEST = readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8');
const HAVE_SCHEMAS = schemasAvailable(SCHEMA_DIR);
const BUILT = join(DIST_DIR, 'manifest.xml');
const HAVE_DIST = existsSync(BUILT);

const errors = (issues: ManifestIssue[]): ManifestIssue[] => issues.filter((i) => i.severity === 'error');
const messages = (issues: ManifestIssue[], check: ManifestIssue['check']): string[] =>
  errors(issues).filter((i) => i.check === check).map((i) => i.message);

function png(size: number, width = size, height = size): Buffer {
  return PNG.sync.write(new PNG({ width, height }));
}

/** A folder with assets/icon-N.png (and refresh-N.png) at the given pixel sizes (default: the nominal size). */
function assetsFolder(actualSize: Partial<Record<number, number>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'manifest-assets-'));
  mkdirSync(join(root, 'assets'));
  for (const n of [16, 32, 64, 80, 128]) writeFileSync(join(root, 'assets', `icon-${n}.png`), png(actualSize[n] ?? n));
  for (const n of [16, 32, 80]) writeFileSync(join(root, 'assets', `refresh-${n}.png`), png(n));
  return root;
}

let fileRoot: string;
let options: RuleOptions;
beforeAll(() => {
  fileRoot = assetsFolder();
  options = { ...repoManifestOptions(), fileRoot };
});
afterAll(() => rmSync(fileRoot, { recursive: true, force: true }));

describe('the repo manifest', () => {
  test('passes the project checks (resids, https on the placeholder origin, icons, zh-CN, requirements)', async () => {
    const report = await checkManifestFile(join(REPO_ROOT, 'manifest.xml'), { ...repoManifestOptions(), schemaDir: '/nonexistent' });
    expect(report.schemaChecked).toBe(false);
    expect(errorsOf(report)).toEqual([]);
  });

  test('its icons in assets/ have the pixel sizes their names say, including 128 px for listings', () => {
    const files: [string, number][] = [
      ...[16, 32, 64, 80, 128].map((n): [string, number] => [`icon-${n}.png`, n]),
      ...[16, 32, 80].map((n): [string, number] => [`refresh-${n}.png`, n]),
    ];
    for (const [file, n] of files) {
      const image = PNG.sync.read(readFileSync(join(REPO_ROOT, 'assets', file)));
      expect([file, image.width, image.height]).toEqual([file, n, n]);
    }
  });

  test('declares the ribbon buttons of the issue on the Home tab, in both languages', () => {
    expect(REPO_MANIFEST).toContain('<OfficeTab id="TabHome">');
    expect(REPO_MANIFEST).toMatch(/xsi:type="ShowTaskpane"/);
    expect(REPO_MANIFEST).toMatch(/<FunctionName>refreshScores<\/FunctionName>/);
    for (const label of ['Show pane', '显示任务窗格', 'Refresh scores', '刷新评分']) expect(REPO_MANIFEST).toContain(label);
  });

  (HAVE_SCHEMAS ? test : test.skip)(
    HAVE_SCHEMAS ? 'validates against the XSDs' : `XSD validation SKIPPED: schemas not found at ${SCHEMA_DIR}`,
    async () => {
      expect(await validateAgainstSchema(REPO_MANIFEST, SCHEMA_DIR)).toEqual([]);
    },
  );

  (HAVE_SCHEMAS ? test : test.skip)(
    HAVE_SCHEMAS ? 'the XSDs reject a manifest with an unknown permission and a misplaced element' : 'XSD negative case SKIPPED: no schemas',
    async () => {
      const badPermission = REPO_MANIFEST.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
      expect((await validateAgainstSchema(badPermission, SCHEMA_DIR)).map((i) => i.message).join('\n')).toMatch(/Permissions/);
      const misplaced = REPO_MANIFEST.replace('<Version>0.1.0.0</Version>', '').replace('</ProviderName>', '</ProviderName>\n  <Version>0.1.0.0</Version>');
      expect(await validateAgainstSchema(misplaced, SCHEMA_DIR)).not.toEqual([]);
    },
  );
});

(HAVE_DIST ? describe : describe.skip)(HAVE_DIST ? 'the built dist/manifest.xml' : 'dist/manifest.xml SKIPPED: not built', () => {
  test('passes the schema (when present) and project checks on one https origin with icons from dist/', async () => {
    const report = await checkManifestFile(BUILT, distManifestOptions());
    expect(errorsOf(report)).toEqual([]);
    expect(readFileSync(BUILT, 'utf8')).toMatch(/<Id>3c7df9fa-500d-4f2e-8e44-5683a719106d<\/Id>/);
  });
});

describe('the checker fails broken manifests', () => {
  test('a resid used but not defined', () => {
    const broken = REPO_MANIFEST.replace(/<bt:String id="Refresh\.Label"[\s\S]*?<\/bt:String>/, '');
    expect(broken).not.toContain('<bt:String id="Refresh.Label"');
    expect(messages(checkManifestRules(broken, options), 'resid')).toEqual([
      expect.stringMatching(/"Refresh\.Label" used by <Label>.*bt:ShortStrings/),
      expect.stringMatching(/"Refresh\.Label" used by <Title>.*bt:ShortStrings/),
    ]);
  });

  test('a resid defined in the wrong list (an image id used as a URL)', () => {
    const broken = REPO_MANIFEST.replace('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Icon.16x16"/>');
    expect(messages(checkManifestRules(broken, options), 'resid')).toEqual([expect.stringMatching(/"Icon\.16x16" used by <FunctionFile>.*bt:Urls/)]);
  });

  test('an http URL', () => {
    const broken = REPO_MANIFEST.replace('DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"');
    expect(messages(checkManifestRules(broken, options), 'url')).toEqual(
      expect.arrayContaining([expect.stringContaining('"http://localhost:3000/commands.html" is not https')]),
    );
  });

  test('a URL on another origin, with and without an expected origin', () => {
    const broken = REPO_MANIFEST.replace('https://localhost:3000/support.html"/>', 'https://help.example.com/support.html"/>');
    expect(messages(checkManifestRules(broken, options), 'url')).toEqual([expect.stringContaining('is not on https://localhost:3000')]);
    expect(messages(checkManifestRules(broken, { ...options, expectedOrigin: undefined }), 'url')).toEqual([
      expect.stringMatching(/more than one origin: https:\/\/localhost:3000 .*https:\/\/help\.example\.com/),
    ]);
  });

  test('an icon file with the wrong pixel size', () => {
    const wrong = assetsFolder({ 80: 64 });
    try {
      expect(messages(checkManifestRules(REPO_MANIFEST, { ...options, fileRoot: wrong }), 'icon')).toEqual([
        expect.stringMatching(/icon-80\.png is 64×64 px, expected 80×80/),
      ]);
    } finally {
      rmSync(wrong, { recursive: true, force: true });
    }
  });

  test('an icon in a slot of another size, and a missing icon file', () => {
    const swapped = REPO_MANIFEST.replace('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"/>');
    expect(messages(checkManifestRules(swapped, options), 'icon')).toEqual([
      expect.stringMatching(/<IconUrl>.*named for 16 px but this role needs 32 px/),
      expect.stringMatching(/icon-16\.png is 16×16 px, expected 32×32/),
    ]);
    const missing = REPO_MANIFEST.replace('assets/icon-64.png', 'assets/logo-64.png');
    expect(messages(checkManifestRules(missing, options), 'icon')).toEqual([expect.stringMatching(/logo-64\.png does not exist/)]);
  });

  test('one image used by the ribbon at two sizes', () => {
    const twice = REPO_MANIFEST.replace('<bt:Image size="16" resid="Refresh.16x16"/>', '<bt:Image size="16" resid="Refresh.32x32"/>');
    expect(twice).not.toBe(REPO_MANIFEST);
    expect(messages(checkManifestRules(twice, options), 'icon')).toEqual(
      expect.arrayContaining([expect.stringMatching(/image "Refresh\.32x32" is used at sizes (16 and 32|32 and 16); one file has one size/)]),
    );
  });

  test('a missing zh-CN override for the display name or a ribbon label', () => {
    const noName = REPO_MANIFEST.replace('<Override Locale="zh-CN" Value="项目支出绩效自评"/>', '');
    expect(messages(checkManifestRules(noName, options), 'locale')).toEqual(['<DisplayName> has no zh-CN override']);
    const noLabel = REPO_MANIFEST.replace('<bt:Override Locale="zh-CN" Value="刷新评分"/>', '');
    expect(messages(checkManifestRules(noLabel, options), 'locale')).toEqual([expect.stringContaining('"Refresh.Label"')]);
  });

  test('requirements missing, or not the version the code checks', () => {
    const none = REPO_MANIFEST.replace(/<Requirements>\s*<Sets[\s\S]*?<\/Requirements>/, '');
    expect(messages(checkManifestRules(none, options), 'requirements')).toEqual(
      expect.arrayContaining(['<Requirements> does not declare the ExcelApi set']),
    );
    // The code's minimum is ExcelApi 1.8 (Excel 2019); the manifest must say the same in both places.
    expect(options.requiredSets).toEqual([{ name: 'ExcelApi', minVersion: '1.8' }]);
    const older = REPO_MANIFEST.replace('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.3"/>');
    expect(older).not.toBe(REPO_MANIFEST);
    expect(messages(checkManifestRules(older, options), 'requirements')).toEqual([
      '<Requirements> declares ExcelApi 1.3, the code checks 1.8',
      'VersionOverrides requires ExcelApi 1.8, the top-level <Requirements> 1.3',
    ]);
    // A manifest left at 1.9 would keep Excel 2019 from loading an add-in that runs there.
    const stale = REPO_MANIFEST.replace(/(<(?:bt:)?Set Name="ExcelApi" MinVersion=")1\.8("\/>)/g, '$11.9$2');
    expect(messages(checkManifestRules(stale, options), 'requirements')).toEqual(['<Requirements> declares ExcelApi 1.9, the code checks 1.8']);
  });

  test('a function name the function file does not register', () => {
    const broken = REPO_MANIFEST.replace('<FunctionName>refreshScores</FunctionName>', '<FunctionName>refresh</FunctionName>');
    expect(messages(checkManifestRules(broken, options), 'structure')).toEqual([expect.stringContaining('refresh</FunctionName> is not registered')]);
  });

  const lineOf = (text: string, fragment: string): number => text.slice(0, text.indexOf(fragment)).split('\n').length;

  test('XML that is not well-formed: one xml error naming both tags, near the broken end tag', () => {
    const broken = REPO_MANIFEST.replace('</DisplayName>', '</Display>');
    const issues = checkManifestRules(broken, options);
    expect(issues).toEqual([
      { check: 'xml', severity: 'error', message: expect.stringMatching(/^not well-formed XML: near line \d+: .*"DisplayName".*"Display"/) },
    ]);
    // The parser stops where the text before the end tag begins: that line or the end tag's own.
    const reported = Number(/near line (\d+)/.exec(issues[0].message)?.[1]);
    expect([lineOf(broken, '</Display>') - 1, lineOf(broken, '</Display>')]).toContain(reported);
  });

  test('XML the parser could recover from (an unquoted attribute) is still an error, with its line', () => {
    const broken = REPO_MANIFEST.replace('<DefaultLocale>', '<DefaultLocale x=1>');
    expect(checkManifestRules(broken, options)).toEqual([
      { check: 'xml', severity: 'error', message: expect.stringMatching(new RegExp(`^not well-formed XML: near line ${lineOf(broken, '<DefaultLocale x=1>')}: .*quot`)) },
    ]);
  });

  test('an empty file and a second root element are xml errors', () => {
    expect(checkManifestRules('', options)).toEqual([{ check: 'xml', severity: 'error', message: expect.stringMatching(/root element/) }]);
    const twoRoots = `${REPO_MANIFEST}\n<OfficeApp/>`;
    expect(checkManifestRules(twoRoots, options).map((i) => i.check)).toEqual(['xml']);
  });
});
