// npm run test:e2e: build the production bundle, serve dist/ on localhost, run every *.e2e.ts with node:test
// against Debian's Chromium, then print the figures and the screenshots' folder.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './support/server';
import { CHROMIUM } from './support/browser';
import { FIGURES, OUTPUT, ROOT, SCREENSHOTS } from './support/env';

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(`e2e: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-microhei, or set E2E_CHROMIUM)`);
    return 1;
  }
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) {
      console.error('e2e: npm run build failed');
      return 1;
    }
  }
  if (!existsSync(join(ROOT, 'dist', 'taskpane.html'))) {
    console.error('e2e: dist/taskpane.html is missing after the build');
    return 1;
  }
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  rmSync(FIGURES, { force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const tap = join(OUTPUT, 'e2e.tap');
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort()
    .map((f) => join('test', 'e2e', f));
  const server = await serveStatic(join(ROOT, 'dist'));
  const args = [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ];
  const status = await new Promise<number>((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: server.url } });
    child.on('exit', (code) => done(code ?? 1));
  });
  await server.close();
  const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key: string): number => Number(new RegExp(`^# ${key} (\\d+)`, 'm').exec(summary)?.[1] ?? 0);
  if (existsSync(FIGURES)) {
    console.log('\nfigures:');
    console.log(readFileSync(FIGURES, 'utf8').trimEnd().replace(/^/gm, '  '));
  }
  console.log(`screenshots: ${SCREENSHOTS}`);
  const failed = count('fail') + count('cancelled');
  console.log(`e2e: ${count('tests')} tests, ${count('pass')} passed, ${failed} failed, ${count('skipped') + count('todo')} skipped`);
  return status === 0 && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
