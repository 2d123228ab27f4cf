import { detectHeader } from '../../src/engine/headers';
import { BUILTIN_SCHEMES } from '../../src/engine/schemes';
import { schemeFromHeaders, settingsWithStatedScheme } from '../../src/engine/statedScheme';

const grid = (output: string, benefit: string) => [
  ['项目名称', '预算数', '实际支出', output, benefit, '总分'],
  ['甲', 100, 90, 45, 45, 90],
];

it('产出指标(50分) / 效益指标(50分) pick the 2018 scheme instead of mof2020', () => {
  expect(schemeFromHeaders(detectHeader(grid('产出指标(50分)', '效益指标(50分)')), BUILTIN_SCHEMES.mof2020)?.id).toBe('wuhan2018');
});

it('other stated weights make a scheme of their own, execution taking the rest of 100', () => {
  const s = schemeFromHeaders(detectHeader(grid('产出指标(60分)', '效益指标(30分)')), BUILTIN_SCHEMES.mof2020);
  expect(s?.weights).toEqual({ output: 60, benefit: 30 });
  expect(s?.execution).toEqual({ rule: 'linear', weight: 10 });
});

it('headers without weights, or agreeing with the chosen scheme, change nothing', () => {
  expect(schemeFromHeaders(detectHeader(grid('产出指标', '效益指标')), BUILTIN_SCHEMES.mof2020)).toBeNull();
  expect(schemeFromHeaders(detectHeader(grid('产出指标(50分)', '效益指标(50分)')), BUILTIN_SCHEMES.wuhan2018)).toBeNull();
});

describe('settingsWithStatedScheme (the pane, rule 9)', () => {
  const base = { version: 1 as const, schemeId: 'mof2020', band: { low: 0.8, high: 1 } };

  it('switches to the scheme the headers state and keeps the officer’s band', () => {
    expect(settingsWithStatedScheme(base, grid('产出指标(50分)', '效益指标(50分)'))).toEqual({ ...base, schemeId: 'wuhan2018' });
  });

  it('carries a scheme no built-in matches as the custom scheme', () => {
    const next = settingsWithStatedScheme(base, grid('产出指标(60分)', '效益指标(30分)'));
    expect(next.schemeId).toBe('header-weights');
    expect(next.customScheme?.weights).toEqual({ output: 60, benefit: 30 });
    expect(next.customScheme?.execution).toEqual({ rule: 'linear', weight: 10 });
  });

  it('leaves a scheme the officer chose, headers without weights, and an empty sheet alone', () => {
    const chosen = { ...base, schemeChosen: true };
    expect(settingsWithStatedScheme(chosen, grid('产出指标(50分)', '效益指标(50分)'))).toBe(chosen);
    expect(settingsWithStatedScheme(base, grid('产出指标', '效益指标'))).toBe(base);
    expect(settingsWithStatedScheme(base, [])).toBe(base);
  });
});
