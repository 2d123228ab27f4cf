import { Observable } from '../../../src/taskpane/stores/observable';

describe('Observable', () => {
  test('a patch that changes nothing keeps the snapshot and tells no one', () => {
    const o = new Observable({ a: 1, b: 'x' });
    const calls: number[] = [];
    o.subscribe(() => calls.push(o.get().a));
    const before = o.get();
    o.patch({ a: 1 });
    expect(o.get()).toBe(before);
    expect(calls).toEqual([]);
    o.patch({ a: 2 });
    expect(o.get()).not.toBe(before);
    expect(o.get()).toEqual({ a: 2, b: 'x' });
    expect(before).toEqual({ a: 1, b: 'x' }); // replaced, not mutated
    expect(calls).toEqual([2]);
  });

  test('unsubscribe and clear stop the calls', () => {
    const o = new Observable({ n: 0 });
    let first = 0;
    let second = 0;
    const stop = o.subscribe(() => first++);
    o.subscribe(() => second++);
    o.replace({ n: 1 });
    stop();
    o.replace({ n: 2 });
    o.clear();
    o.replace({ n: 3 });
    expect([first, second]).toEqual([1, 2]);
    expect(o.get().n).toBe(3);
  });
});
