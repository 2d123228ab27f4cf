import { syntheticSheet } from '../bench/engine.bench';
import { runEvaluation } from '../src/engine/pipeline';
import { getScheme } from '../src/engine/schemes';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const sheet = syntheticSheet(100_000);
const scheme = getScheme('mof2020')!;
const useGc = process.argv[2] === 'gc';
for (let i = 0; i < 8; i++) { if (useGc) gc(); const t = performance.now(); runEvaluation(sheet, { scheme }); console.log(Math.round(performance.now() - t)); }
