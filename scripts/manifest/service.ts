// Microsoft's manifest validation service (office-addin-manifest's validateManifest posts the file to
// validationgateway.omex.office.net). Offline machines skip it with a note after a short probe, so
// `npm run validate` never hangs or fails for want of a network.
import { connect } from 'node:net';
import { validateManifest, type ManifestValidation, type ManifestValidationIssue } from 'office-addin-manifest';
import type { ManifestIssue } from './rules';

export const SERVICE_HOST = 'validationgateway.omex.office.net';

export type ServiceResult =
  | { status: 'skipped'; note: string }
  | { status: 'checked'; issues: ManifestIssue[] };

export interface ServiceOptions {
  /** Resolves when the service's host answers on 443 within timeoutMs; rejects with the reason otherwise. */
  probe?: (host: string, timeoutMs: number) => Promise<void>;
  /** office-addin-manifest's validateManifest, replaceable in tests. */
  validate?: (file: string) => Promise<ManifestValidation>;
  timeoutMs?: number;
}

/** A TCP connection to host:443 (DNS included) within timeoutMs. */
export function probeHttps(host: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: 443 });
    const done = (error?: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => done());
    socket.once('error', (e) => done(e));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

function describe(issue: ManifestValidationIssue): string {
  const where = issue.line !== undefined ? `line ${issue.line}: ` : '';
  const code = issue.code ? ` (${issue.code})` : '';
  return `${where}${issue.title ?? 'issue'}: ${issue.content ?? ''}${code}`.trim();
}

/** The service's verdict as manifest issues: its errors are errors, its warnings warnings. */
export function issuesOfValidation(validation: ManifestValidation): ManifestIssue[] {
  const report = validation.report;
  const issues: ManifestIssue[] = [
    ...(report?.errors ?? []).map((i): ManifestIssue => ({ check: 'service', severity: 'error', message: describe(i) })),
    ...(report?.warnings ?? []).map((i): ManifestIssue => ({ check: 'service', severity: 'warning', message: describe(i) })),
  ];
  if (!validation.isValid && !issues.some((i) => i.severity === 'error')) {
    const status = validation.status !== undefined ? ` (HTTP ${validation.status} ${validation.statusText ?? ''})`.trimEnd() : '';
    const verdict = report?.status ? `status "${report.status}"` : 'no verdict';
    issues.push({ check: 'service', severity: 'error', message: `the validation service gave ${verdict}${status}` });
  }
  return issues;
}

/** Runs Microsoft's validation when the service can be reached, else says why it was skipped. */
export async function validateWithService(file: string, options: ServiceOptions = {}): Promise<ServiceResult> {
  if (process.env.MANIFEST_VALIDATE_OFFLINE === '1') {
    return { status: 'skipped', note: 'MANIFEST_VALIDATE_OFFLINE=1: Microsoft validation service skipped' };
  }
  const timeoutMs = options.timeoutMs ?? 3000;
  try {
    await withTimeout((options.probe ?? probeHttps)(SERVICE_HOST, timeoutMs), timeoutMs);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { status: 'skipped', note: `offline: ${SERVICE_HOST} cannot be reached (${reason}); Microsoft validation service skipped` };
  }
  try {
    const validation = await withTimeout((options.validate ?? validateManifest)(file), timeoutMs * 10);
    if (!validation.report && validation.status !== undefined && (validation.status < 200 || validation.status > 299)) {
      return { status: 'skipped', note: `the validation service answered HTTP ${validation.status} ${validation.statusText ?? ''}`.trimEnd() + '; skipped' };
    }
    return { status: 'checked', issues: issuesOfValidation(validation) };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { status: 'skipped', note: `the validation service did not answer (${reason}); skipped` };
  }
}
