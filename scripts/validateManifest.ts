// `npm run validate`: the offline manifest checks (`npm run check:manifest`: XSDs, office-addin-manifest's
// reading of the top-level facts, the project's rules) and, when the network allows, Microsoft's validation
// service through office-addin-manifest. Offline, the service step is skipped with a note, never failed.
import { relative } from 'node:path';
import { checkManifests, errorsOf, printReport } from './checkManifest';
import { validateWithService } from './manifest/service';

async function main(): Promise<void> {
  const reports = await checkManifests();
  reports.forEach(printReport);
  let failed = reports.some((r) => errorsOf(r).length > 0);
  for (const report of reports) {
    const name = relative(process.cwd(), report.file) || report.file;
    const service = await validateWithService(report.file);
    if (service.status === 'skipped') {
      // One failed probe decides for the run: the next file would wait for the same absent network.
      console.log(`NOTE ${service.note}`);
      break;
    }
    for (const i of service.issues) console.log(`${name}: ${i.severity} [${i.check}] ${i.message}`);
    const errors = service.issues.filter((i) => i.severity === 'error').length;
    console.log(`${name}: ${errors === 0 ? 'OK' : `${errors} error(s)`} (Microsoft validation service)`);
    failed ||= errors > 0;
  }
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
