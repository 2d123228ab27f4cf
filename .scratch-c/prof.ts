import { syntheticSheet } from '../bench/engine.bench';
import { runEvaluation } from '../src/engine/pipeline';
import { getScheme } from '../src/engine/schemes';
const sheet = syntheticSheet(100_000);
const scheme = getScheme('mof2020')!;
for (let i = 0; i < 5; i++) { const t = performance.now(); runEvaluation(sheet, { scheme }); console.log(performance.now() - t); }
