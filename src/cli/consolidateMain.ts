// Entry point of `npm run consolidate -- <folder | files…> [options]`; the work is in consolidateRun.ts.
import { runConsolidate } from './consolidateRun';
import { runAsProcess } from './processMain';

runAsProcess(runConsolidate, process.cwd());
