// Entry point of `npm run consolidate -- <folder | files…> [options]`; the work is in consolidateRun.ts.
import { runConsolidate } from './consolidateRun';

runConsolidate(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`.replace(/\n(?!$)/g, ' '));
    process.exitCode = 1;
  },
);
