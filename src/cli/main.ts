// Entry point of `npm run evaluate -- <workbook.xlsx> [options]`; the work is in run.ts.
import { callerCwd } from './callerCwd';
import { runAsProcess } from './processMain';
import { runCli } from './run';

runAsProcess(runCli, callerCwd(process.env, process.cwd()));
