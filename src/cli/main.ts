// Entry point of `npm run evaluate -- <workbook.xlsx> [options]`; the work is in run.ts.
import { callerCwd } from './callerCwd';
import { runCli } from './run';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: callerCwd(process.env, process.cwd()),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`.replace(/\n(?!$)/g, ' '));
    process.exitCode = 1;
  },
);
