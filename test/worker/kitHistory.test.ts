// test/worker/kitHistory.test.ts: the kit's bounded history: truncation on rollback, no repeated steps, bounds.
import { describe, expect, it } from "vitest";
import { History } from "../../src/worker/kit/history";

describe("History", () => {
  it("forgets the steps a rollback undid, so training on repeats none", () => {
    const h = new History(1);
    for (let s = 1; s <= 10; s++) h.push(s, s * 10);
    h.truncateAfter(6);
    for (let s = 7; s <= 12; s++) h.push(s, s);
    const [steps, values] = h.export();
    expect(Array.from(steps)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(values[6]).toBe(7);
  });

  it("a step pushed again replaces the points from it on", () => {
    const h = new History(2);
    for (let s = 1; s <= 5; s++) h.push(s, s, -s);
    h.push(3, 30, -30);
    const [steps, a, b] = h.export();
    expect(Array.from(steps)).toEqual([1, 2, 3]);
    expect(Array.from(a)).toEqual([1, 2, 30]);
    expect(Array.from(b)).toEqual([-1, -2, -30]);
  });

  it("never holds more than its bound, and keeps all of training by thinning", () => {
    const h = new History(1, 100);
    for (let s = 1; s <= 1000; s++) h.push(s, s);
    const [steps] = h.export();
    expect(steps.length).toBeLessThan(100);
    expect(steps[0]).toBe(1);
    expect(steps[steps.length - 1]).toBeGreaterThan(900);
  });

  it("loads only a sane record: equal lengths, whole increasing steps", () => {
    const h = new History(1);
    h.load(Float64Array.of(1, 2, 3), Float64Array.of(1, 2));
    expect(h.length).toBe(0);
    h.load(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 2, 3, 4));
    expect(Array.from(h.export()[0])).toEqual([1, 2]);
    h.load(Float64Array.of(1, 1e300), Float64Array.of(1, 2));
    expect(Array.from(h.export()[0])).toEqual([1]);
  });
});
