// A1 addresses as Office.js reports them: the engine's reader (a settings record's saved selection is
// checked with the same one).
export { MAX_COLS, MAX_ROWS, formatAddress, parseAddress, type CellRect } from '../engine/address';
