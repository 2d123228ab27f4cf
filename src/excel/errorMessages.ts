// What the pane shows for each HostError code: what happened and what to do next (catalogue `host`).
import { catalogue } from '../engine/text/catalogue';
import type { Lang } from '../engine/types';
import type { HostErrorCode } from './errors';

/** Every HostError code that has a message. */
export const HOST_ERROR_CODES = Object.keys(catalogue('zh').host) as HostErrorCode[];

export function hostErrorMessage(code: HostErrorCode, lang: Lang): string {
  return catalogue(lang).host[code];
}
