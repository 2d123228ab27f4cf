import { runEngine } from './src/engine/workflow';
import { getScheme } from './src/engine/schemes';
import { serialize, deserialize } from 'node:v8';
const N = 200_000;
const grid: (string | number)[][] = [['项目名称', '全年预算数', '全年执行数', '执行率', '产出指标', '效益指标', '满意度指标', '总分', '偏差原因']];
for (let i = 0; i < N; i++) grid.push([`项目${i}`, 100 + (i % 50), 80 + (i % 40), '', 40, 25, 8, 80, '']);
const r = runEngine({ sheet: { name: 's', grid, origin: { row: 1, col: 1 } }, scheme: getScheme('mof2020')!, band: { low: 0.9, high: 1 }, summary: { lang: 'zh', time: new Date() } });
if (!r.ok) throw r.error;
const p = r.evaluation.projects;
for (const size of [200000, 10000, 2000]) {
  let t = performance.now(); let max = 0;
  for (let s = 0; s < p.length; s += size) { const t0 = performance.now(); structuredClone(p.slice(s, s + size)); max = Math.max(max, performance.now() - t0); }
  console.log('structuredClone', size, 'total', Math.round(performance.now() - t), 'max', Math.round(max));
  t = performance.now(); max = 0; let dmax = 0;
  for (let s = 0; s < p.length; s += size) { const t0 = performance.now(); const b = serialize(p.slice(s, s + size)); const t1 = performance.now(); deserialize(b); dmax = Math.max(dmax, performance.now() - t1); max = Math.max(max, t1 - t0); }
  console.log('v8 ser', size, 'total', Math.round(performance.now() - t), 'max ser', Math.round(max), 'max deser', Math.round(dmax));
}
const rows = r.layout!.blocks.find(b => b.id === 'table')!.values;
let t = performance.now(); const b = serialize(rows); const t1 = performance.now(); deserialize(b); console.log('layout rows ser', Math.round(t1 - t), 'deser', Math.round(performance.now() - t1), rows.length);
console.log(JSON.stringify(p[0]));
