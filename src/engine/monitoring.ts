// In-year monitoring (绩效运行监控 / 双监控, domain rule 8): the usage rate against the share of the year
// elapsed (序时进度). time share = month / 12; progress = rate ÷ time share; green ≥ 80%, yellow 60–<80%,
// red < 60% (the scheme's monitoring bands). Host-free.
// Choices the issue leaves open:
// - in monitoring mode the year-end flag under_execution is replaced by monitoring_yellow / monitoring_red
//   (a project at 70% in September is on schedule, not under-executed); over_budget stays: over 100% of the
//   full-year budget is over budget in any month;
// - missing_explanation stays only where the project is over budget or red;
// - a project without a rate (no budget, amounts missing) has monitoring null and no colour.
import { EDGE_EPS } from './score';
import type { Evaluation, Flag, Monitoring, MonitoringBands, MonitoringStatus, ProjectResult, Scheme } from './types';

export const DEFAULT_MONITORING_BANDS: Readonly<MonitoringBands> = { green: 0.8, yellow: 0.6 };
export const MONITORING_STATUSES: readonly MonitoringStatus[] = ['green', 'yellow', 'red'];

export function isMonth(month: unknown): month is number {
  return typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12;
}

export function timeShare(month: number): number {
  if (!isMonth(month)) throw new RangeError(`month must be an integer 1–12, got ${month}`);
  return month / 12;
}

export function monitoringBands(scheme: Pick<Scheme, 'monitoring'>): MonitoringBands {
  return scheme.monitoring ? { ...scheme.monitoring } : { ...DEFAULT_MONITORING_BANDS };
}

export function statusOf(progress: number, bands: MonitoringBands): MonitoringStatus {
  if (progress >= bands.green - EDGE_EPS) return 'green';
  if (progress >= bands.yellow - EDGE_EPS) return 'yellow';
  return 'red';
}

/** null without a month or without a rate. */
export function monitor(rate: number | null, month: number | null | undefined, bands: MonitoringBands): Monitoring | null {
  if (month === null || month === undefined || rate === null || !Number.isFinite(rate)) return null;
  const share = timeShare(month);
  const progress = rate / share;
  return { month, timeShare: share, progress, status: statusOf(progress, bands) };
}

const MONITORING_FLAGS: Partial<Record<MonitoringStatus, Flag>> = { yellow: 'monitoring_yellow', red: 'monitoring_red' };

function monitoredFlags(flags: readonly Flag[], m: Monitoring | null): Flag[] {
  const over = flags.includes('over_budget');
  const red = m?.status === 'red';
  const out = flags.filter((f) => f !== 'under_execution' && (f !== 'missing_explanation' || over || red));
  const extra = m ? MONITORING_FLAGS[m.status] : undefined;
  if (extra) {
    // Beside the rate flags, where under_execution stood.
    const at = out.findIndex((f) => f !== 'over_budget' && f !== 'zero_budget');
    out.splice(at < 0 ? out.length : at, 0, extra);
  }
  return out;
}

/** The evaluation as seen in month `month`: each project gains `monitoring`, flags follow the monitoring status. */
export function applyMonitoring(evaluation: Evaluation, month: number, bands: MonitoringBands): Evaluation {
  const share = timeShare(month);
  const counts: Record<MonitoringStatus, number> = { green: 0, yellow: 0, red: 0 };
  let flagged = 0;
  const projects: ProjectResult[] = evaluation.projects.map((p) => {
    const m = monitor(p.usageRate, month, bands);
    if (m) counts[m.status]++;
    const flags = monitoredFlags(p.flags, m);
    if (flags.length > 0) flagged++;
    return { ...p, flags, monitoring: m };
  });
  return {
    ...evaluation,
    projects,
    totals: { ...evaluation.totals, flagged },
    monitoring: { month, timeShare: share, bands: { ...bands }, counts },
  };
}

/** The last complete month of `date` (local time): in October, 9; in January, 12 (last year's December). */
export function lastCompleteMonth(date: Date): number {
  const m = date.getMonth(); // 0-based: the current month is not complete
  return m === 0 ? 12 : m;
}
