// src/lessons/stepStore.tsx: one step-through widget's view state: the timestep, the pass direction, play, the hovered symbol.
import { createContext, useContext, useState, type ReactNode } from "react";
import { createStore, useStore, type StoreApi } from "zustand";

export type Direction = "forward" | "backward";

export interface StepState {
  /** Number of timesteps T; t runs 1…T as the lessons write it. */
  T: number;
  t: number;
  direction: Direction;
  isPlaying: boolean;
  /** Symbol key under the pointer or focus (an equation term, a diagram node), or null. */
  hovered: string | null;
  setT: (t: number) => void;
  /** t + 1 and t − 1 in time, whatever the direction. */
  next: () => void;
  prev: () => void;
  /** One step along the pass: t + 1 forward, t − 1 backward. Returns false at the end of the pass. */
  advance: () => boolean;
  /** Switching direction starts the pass at its beginning: t = 1 forward, t = T backward. */
  setDirection: (d: Direction) => void;
  setPlaying: (isPlaying: boolean) => void;
  setHovered: (key: string | null) => void;
}

export function createStepStore(T: number, direction: Direction = "forward"): StoreApi<StepState> {
  const clamp = (t: number): number => Math.min(T, Math.max(1, Math.round(t)));
  return createStore<StepState>()((set, get) => ({
    T,
    t: direction === "forward" ? 1 : T,
    direction,
    isPlaying: false,
    hovered: null,
    setT: (t) => {
      set({ t: clamp(t) });
    },
    next: () => {
      set((s) => ({ t: clamp(s.t + 1) }));
    },
    prev: () => {
      set((s) => ({ t: clamp(s.t - 1) }));
    },
    advance: () => {
      const { t, direction: d } = get();
      const to = d === "forward" ? t + 1 : t - 1;
      if (to < 1 || to > T) {
        set({ isPlaying: false });
        return false;
      }
      set({ t: to });
      return true;
    },
    setDirection: (d) => {
      set({ direction: d, t: d === "forward" ? 1 : T, isPlaying: false });
    },
    setPlaying: (isPlaying) => {
      // Play from the end of a pass starts it again.
      const { t, direction: d } = get();
      const atEnd = d === "forward" ? t === T : t === 1;
      set(isPlaying && atEnd ? { isPlaying, t: d === "forward" ? 1 : T } : { isPlaying });
    },
    setHovered: (key) => {
      if (get().hovered !== key) set({ hovered: key });
    },
  }));
}

const StepContext = createContext<StoreApi<StepState> | null>(null);

export function StepStoreProvider({ T, direction, children }: { T: number; direction?: Direction; children: ReactNode }) {
  const [store] = useState(() => createStepStore(T, direction));
  return <StepContext.Provider value={store}>{children}</StepContext.Provider>;
}

export function useStep<U>(select: (s: StepState) => U): U {
  const store = useContext(StepContext);
  if (!store) throw new Error("useStep needs a <StepStoreProvider> around the widget.");
  return useStore(store, select);
}
