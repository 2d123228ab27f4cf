// Turns any error the pane can meet into a sentence in the officer's language with what to do next.
import { isEngineError } from '../engine/errors';
import { errorMessage } from '../engine/messages';
import type { Lang } from '../engine/types';
import type { Strings } from './strings';

/** HostError (src/excel/errors.ts) is recognised by its shape so the pane does not depend on the adapter. */
function hostErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'HostError' && typeof code === 'string' ? code : null;
}

export function errorText(error: unknown, strings: Strings, lang: Lang): string {
  if (isEngineError(error)) return errorMessage(error, lang);
  const code = hostErrorCode(error);
  if (code !== null) return strings.hostErrors[code] ?? strings.hostErrors.unknown;
  const message = error instanceof Error ? error.message : String(error);
  return strings.unexpectedError(message);
}
