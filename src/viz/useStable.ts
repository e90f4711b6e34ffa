// src/viz/useStable.ts: keep a prop's previous identity while its contents are the same.
import { useState } from "react";

/**
 * Returns the value from an earlier render while `isSame(earlier, value)`. A parent that writes
 * `series={[{ label, values }]}` builds a new array every render, hover included; without this, every
 * memo keyed on it would recompute paths on each pointer move.
 */
export function useStable<V>(value: V, isSame: (a: V, b: V) => boolean): V {
  const [kept, setKept] = useState(value);
  if (kept !== value && !isSame(kept, value)) {
    // Setting state during render: React re-runs this component at once (the documented pattern for
    // adjusting state when a prop changes), so no effect and no extra commit.
    setKept(value);
    return value;
  }
  return kept;
}
