// src/viz/useTimeHover.ts: the hovered timestep of a chart: pointer, touch and arrow keys, shared across charts.
import { useState, type KeyboardEvent, type PointerEvent } from "react";
import { clampIndex } from "./scales";

/** Props every time-indexed chart takes, so a widget can link the hover of several charts. */
export interface TimeHoverProps {
  /** The timestep to highlight; a chart shows nothing for a t outside its own range. Omit to let the chart keep its own. */
  hoverT?: number | null;
  /** Called with the timestep under the pointer or chosen with the arrow keys, and null when hover ends. */
  onHoverT?: (t: number | null) => void;
}

export interface TimeHover {
  /** The highlighted index when it lies in 0 … count − 1, else null. */
  t: number | null;
  /** Whether the plot has keyboard focus (readouts speak only then, so linked charts do not all talk). */
  isFocused: boolean;
  /** Spread onto the focusable plot element. */
  plotProps: {
    tabIndex: number;
    "aria-keyshortcuts": string;
    onPointerMove: (e: PointerEvent) => void;
    onPointerDown: (e: PointerEvent) => void;
    onPointerLeave: (e: PointerEvent) => void;
    onKeyDown: (e: KeyboardEvent) => void;
    onFocus: () => void;
    onBlur: () => void;
  };
}

/**
 * Controlled when `hoverT` is given (a widget links charts), otherwise the chart keeps the hover itself.
 * `indexAtX` maps a pointer x, in pixels from the plot element's left edge, to an index (any number; clamped here).
 */
export function useTimeHover(
  hoverT: number | null | undefined,
  onHoverT: ((t: number | null) => void) | undefined,
  count: number,
  indexAtX: (x: number) => number,
): TimeHover {
  const [ownT, setOwnT] = useState<number | null>(null);
  const [isFocused, setIsFocused] = useState(false);
  const isControlled = hoverT !== undefined;
  const current = isControlled ? hoverT : ownT;

  const report = (next: number | null) => {
    if (next === current) return; // pointer moves within one timestep: no update, no re-render of linked charts
    if (!isControlled) setOwnT(next);
    onHoverT?.(next);
  };
  const fromPointer = (e: PointerEvent) => {
    if (count <= 0) return;
    const i = indexAtX(e.clientX - e.currentTarget.getBoundingClientRect().left);
    if (Number.isFinite(i)) report(clampIndex(Math.round(i), count));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (count <= 0) return;
    let next: number | null;
    switch (e.key) {
      case "ArrowRight":
        next = current === null ? 0 : clampIndex(current + 1, count);
        break;
      case "ArrowLeft":
        next = current === null ? count - 1 : clampIndex(current - 1, count);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = count - 1;
        break;
      case "Escape":
        next = null;
        break;
      default:
        return;
    }
    e.preventDefault(); // arrows would otherwise scroll the page
    report(next);
  };

  const t = current !== null && current >= 0 && current < count ? current : null;
  return {
    t,
    isFocused,
    plotProps: {
      tabIndex: 0,
      "aria-keyshortcuts": "ArrowLeft ArrowRight Home End Escape",
      onPointerMove: fromPointer,
      onPointerDown: fromPointer,
      onPointerLeave: (e: PointerEvent) => {
        // A finger "leaves" as it lifts: keep what the tap showed (another tap moves it, Escape clears it).
        if (e.pointerType !== "touch") report(null);
      },
      onKeyDown,
      onFocus: () => {
        setIsFocused(true);
      },
      onBlur: () => {
        setIsFocused(false);
      },
    },
  };
}
