import { runCli } from '../src/cli/run';
(async () => {
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    await runCli(['/tmp/bench20k.xlsx', '--out', '/tmp/cmd-out.xlsx', '--json'], { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: '/tmp' });
    console.log('cmd', Math.round(performance.now() - t));
  }
})();
