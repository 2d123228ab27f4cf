// Turns any error the pane can meet into a sentence in the officer's language with what to do next.
import { isEngineError } from '../engine/errors';
import { errorMessage } from '../engine/messages';
import type { Lang } from '../engine/types';
import { HostError, hostErrorMessage } from '../engine/hostError';
import type { Strings } from './strings';

export function errorText(error: unknown, strings: Strings, lang: Lang): string {
  if (isEngineError(error)) return errorMessage(error, lang);
  if (error instanceof HostError) return hostErrorMessage(error.code, lang);
  const message = error instanceof Error ? error.message : String(error);
  return strings.unexpectedError(message);
}
