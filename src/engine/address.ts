// A1-style addresses, shared by both hosts and the pane.

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function colLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > 16384) throw new RangeError(`column out of range: ${col}`);
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
