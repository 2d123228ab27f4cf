// Writes samples/seed-2018.xlsx from the seed builder: `npm run sample`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSeedWorkbook } from '../test/support/seedWorkbook';

async function main(): Promise<void> {
  const dir = join(__dirname, '..', 'samples');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'seed-2018.xlsx');
  await buildSeedWorkbook().xlsx.writeFile(file);
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
