// Weights stated in a table's headers pick the scheme (issue 8, rule 9): "产出指标(50分) / 效益指标(50分)" is
// scored with output 50 + benefit 50 unless the officer chose a scheme.
import { detectHeader } from './headers';
import type { Settings } from './workbookPort';
import { getScheme, listBuiltinSchemes } from './schemes';
import type { Grid, HeaderDetection, Scheme, ScoreComponent } from './types';
import { SCORE_COMPONENTS } from './types';

/**
 * The scheme the headers state, or null when they state no weights or the base scheme already agrees:
 * a built-in scheme with exactly those weights, else `base` with the stated weights and an execution
 * weight making up the rest of 100 (none when the stated weights already add up to 100).
 */
export function schemeFromHeaders(detection: HeaderDetection, base: Scheme): Scheme | null {
  const stated: Partial<Record<ScoreComponent, number>> = {};
  for (const c of SCORE_COMPONENTS) {
    const w = detection.mapping[c]?.statedWeight;
    if (w !== undefined) stated[c] = w;
  }
  const keys = Object.keys(stated) as ScoreComponent[];
  if (keys.length === 0) return null;
  const agrees = (s: Scheme): boolean =>
    SCORE_COMPONENTS.every((c) => (stated[c] === undefined ? detection.mapping[c] === undefined || s.weights[c] !== undefined : s.weights[c] === stated[c]));
  if (agrees(base)) return null;
  const sum = keys.reduce((n, c) => n + (stated[c] as number), 0);
  if (sum > 100) return null;
  const builtin = listBuiltinSchemes().find((s) => agrees(s) && keys.length === Object.keys(s.weights).length);
  if (builtin) return builtin;
  const rest = 100 - sum;
  const parts = keys.map((c) => `${c} ${stated[c]}`).join(', ');
  return {
    ...base,
    id: 'header-weights',
    name: { zh: `表头所注权重（${parts}）`, en: `Weights stated in the headers (${parts})` },
    weights: stated,
    execution: rest > 0 ? { rule: 'linear', weight: rest } : null,
  };
}

/**
 * The settings with the scheme the headers of `grid` state, unless the officer picked one in the pane
 * (`schemeChosen`) or the saved scheme already agrees. The rate band stays the officer's.
 */
export function settingsWithStatedScheme(settings: Settings, grid: Grid): Settings {
  if (settings.schemeChosen) return settings;
  const base = settings.customScheme && settings.customScheme.id === settings.schemeId ? settings.customScheme : getScheme(settings.schemeId);
  if (!base || grid.length === 0) return settings;
  let stated: Scheme | null;
  try {
    stated = schemeFromHeaders(detectHeader(grid, settings.override), base);
  } catch {
    return settings;
  }
  if (!stated) return settings;
  return getScheme(stated.id) ? { ...settings, schemeId: stated.id } : { ...settings, schemeId: stated.id, customScheme: stated };
}
