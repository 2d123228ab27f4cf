// JSON parsers recurse per nesting level: 5 million "[" overflow the stack (jsonc-parser throws
// "Maximum call stack size exceeded"). Text is measured with one flat pass before any parser sees it.

/** Deepest nesting a scheme may have; a real one nests 4 levels ({ execution: { steps: [ { … } ] } }). */
export const MAX_JSON_DEPTH = 64;

/** The character position where nesting first goes deeper than `max`, or -1 when it never does. */
export function nestingBeyond(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}
