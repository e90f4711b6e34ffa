// test/data/lookahead.test.ts: the bidirectional demo's tagging task.
import { lookaheadBatch, lookaheadStream, NO_LABEL, unidirectionalCeiling } from "../../src/data/lookahead";
import { createRng } from "../../src/engine/rng";

describe("lookahead tagging", () => {
  it("labels each position with the symbol offset steps away, −100 where there is none", () => {
    const spec = { T: 5, V: 4, offset: 2 };
    const b = lookaheadBatch(spec, 3, createRng(1));
    for (let t = 0; t < 5; t++) {
      for (let k = 0; k < 3; k++) {
        const want = t + 2 < 5 ? b.inputs[(t + 2) * 3 + k] : NO_LABEL;
        expect(b.targets[t * 3 + k]).toBe(want);
      }
    }
    const back = lookaheadBatch({ T: 4, V: 3, offset: -1 }, 2, createRng(2));
    expect([back.targets[0], back.targets[1]]).toEqual([NO_LABEL, NO_LABEL]);
    expect(back.targets[2 * 2 + 1]).toBe(back.inputs[1 * 2 + 1]);
  });

  it("draws every symbol, seeded, fresh each call", () => {
    const spec = { T: 20, V: 5, offset: 1 };
    const a = lookaheadStream(spec, 50, 3);
    const b = lookaheadStream(spec, 50, 3);
    const first = a();
    expect(b().inputs).toEqual(first.inputs);
    expect(a().inputs).not.toEqual(first.inputs);
    expect(new Set(first.inputs)).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it("refuses an offset that labels nothing, and states the unidirectional ceiling", () => {
    expect(() => lookaheadBatch({ T: 3, V: 2, offset: 3 }, 1, createRng(1))).toThrow(RangeError);
    expect(() => lookaheadBatch({ T: 3, V: 2, offset: 0 }, 1, createRng(1))).toThrow(RangeError);
    expect(unidirectionalCeiling({ T: 10, V: 4, offset: 1 })).toBe(0.25);
    expect(unidirectionalCeiling({ T: 10, V: 4, offset: -1 })).toBe(1);
  });
});
