// The usage-rate cell of the console table: the rate, or what keeps it from being computed.
import type { Lang, ProjectResult } from '../engine/types';
import { cliText } from './messages';

export function rateCell(p: Pick<ProjectResult, 'budget' | 'actual' | 'usageRate'>, lang: Lang): string {
  if (p.usageRate !== null && Number.isFinite(p.usageRate)) return `${(p.usageRate * 100).toFixed(2)}%`;
  // Budget blank, unreadable or 0: no denominator. A negative budget is flagged elsewhere and shows a dash.
  if (p.budget === null || p.budget === 0) return cliText('noRate', lang);
  if (p.budget < 0) return '—';
  if (p.actual === null) return cliText('noActual', lang);
  return '—';
}
