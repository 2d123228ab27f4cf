// Writes samples/seed-2018-report.docx: the seed report as its officer wrote it (mistakes included),
// one paragraph per line, for trying `--check-report`: `npm run sample:report`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentBytes, linesDocument } from '../src/docx/renderReport';
import { SEED_REPORT_LINES } from '../test/support/seedReport';

async function main(): Promise<void> {
  const dir = join(__dirname, '..', 'samples');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'seed-2018-report.docx');
  writeFileSync(file, await documentBytes(linesDocument(SEED_REPORT_LINES, SEED_REPORT_LINES[0])));
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
