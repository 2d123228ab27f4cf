// Runs every bench/*.bench.ts in turn (each exports `run(): Promise<void>` printing its figures).
// `npm run bench -- engine` runs only the files whose name contains "engine".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    console.log(`\n== ${file}`);
    const mod = (await import(pathToFileURL(join(__dirname, file)).href)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
