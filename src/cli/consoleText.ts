// Text from a workbook or a scheme file (project, sheet and scheme names, paths) reaches a terminal.
// Control characters there can retitle the window, clear the screen or write the clipboard (OSC 52),
// and bidi overrides can make a name read as something else. They are shown as visible \uXXXX escapes.

/** C0 controls (tab and newline included: they break the table), DEL, C1 controls, bidi marks, embeddings, overrides and isolates, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character written as \uXXXX, for the console table and messages. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** DEL, C1 and bidi characters JSON.stringify leaves raw, written as \u escapes: the parsed values stay the same. */
export function jsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, escapeChar);
}
