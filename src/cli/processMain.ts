// Runs a batch command as a process: its exit code becomes the process's, and an error that escaped
// it is printed on one line (no stack: officers read this output).
import type { CliIO } from './run';

export function runAsProcess(command: (argv: string[], io: CliIO) => Promise<number>, cwd: string): void {
  command(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`.replace(/\n(?!$)/g, ' '));
      process.exitCode = 1;
    },
  );
}
