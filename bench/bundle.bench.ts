// Bundle budget (issue 5): gzipped JavaScript the production task pane loads, from dist/.
// Builds first when dist/ has no task pane page.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { budgetLine, taskpaneJsSize } from '../scripts/bundleSize.cjs';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');

export async function run(): Promise<void> {
  if (!existsSync(join(DIST, 'taskpane.html'))) {
    console.log('dist/ not built: running `webpack --mode production` first');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const size = taskpaneJsSize(DIST);
  console.log(budgetLine(size));
  console.log(`  files: ${size.files.join(', ')}`);
}
