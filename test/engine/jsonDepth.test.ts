import { nestingBeyond } from '../../src/engine/jsonDepth';
import { parseScheme } from '../../src/engine/schemes';

it('finds where nesting goes past the bound, ignoring brackets inside strings', () => {
  expect(nestingBeyond('{"a":[{"b":1}]}', 3)).toBe(-1);
  expect(nestingBeyond('[[[[', 3)).toBe(3);
  expect(nestingBeyond('{"x":"[[[[[[\\"[[["}', 2)).toBe(-1);
});

it('parseScheme refuses 200,000 "[" with a message instead of overflowing the stack (pane and command alike)', () => {
  const result = parseScheme('['.repeat(200_000), 'zh');
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors[0]).toContain('嵌套超过 64 层');
});
