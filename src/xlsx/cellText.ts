// A text cell's value as it goes into the file. Both ways of writing the summary (ExcelJS cell by cell,
// bulkRows.ts as plain XML) pass their strings through here, so both read back alike.
//
// Excel writes a character XML 1.0 cannot hold as _xHHHH_ and reads _xHHHH_ back as that character
// (ExcelJS reads it the same way); a literal "_xHHHH_" in the text has its underscore written as _x005F_.
// Without this, ExcelJS drops control characters and a lone "_x0041_" in a name would come back as "A".

// A literal escape: its underscore is escaped, so the reader leaves the rest alone.
const ESCAPE_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
// Control characters other than tab and line feed (XML turns a bare CR into LF), DEL (ExcelJS drops it),
// the non-characters U+FFFE and U+FFFF, and surrogates without their pair (no UTF-8 encoding).
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;

function escapeCode(char: string): string {
  return '_x' + char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '_';
}

export function storableText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(ESCAPE_LOOKALIKE, '_x005F_').replace(UNSTORABLE, escapeCode);
}
