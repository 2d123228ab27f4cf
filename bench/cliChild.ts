// One batch-command run in a process of its own, for benches that need its peak memory: prints one JSON
// line { code, seconds, cpuSeconds, peakMB, stderr } (stdout of the command is dropped). Not a bench itself.
import { performance } from 'node:perf_hooks';
import { runCli } from '../src/cli/run';

async function main(): Promise<void> {
  let stderr = '';
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const code = await runCli(process.argv.slice(2), { stdout: () => undefined, stderr: (t) => (stderr += t), env: {}, cwd: process.cwd() });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // maxRSS is in kilobytes: the peak resident memory of this whole process.
  const peakMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ code, seconds, cpuSeconds, peakMB, stderr: stderr.trimEnd().split('\n') })}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
