// src/embed/useFrameResize.ts: tells the parent page the frame's height whenever the widget's root changes size.
import { useEffect, type RefObject } from "react";
import { canvasResizeMessage, heightOf, isRequestSize, resizeMessage } from "./messages";

/** The part of a Window the frame talks to: the parent page (tests pass a stand-in). */
export interface ParentLike {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface FrameResizeOptions {
  widget: string | null;
  frameId: string | null;
  /** The page around the frame; by default window.parent (none when the widget is opened on its own). */
  parent?: ParentLike | null;
}

/**
 * Follows `root` with a ResizeObserver and posts both resize messages when its height changes, once at start, and
 * whenever the parent asks with { type: "rnn-notebook:request-size" }. Messages go to any origin ("*"): they hold
 * only a height and the link's own frameId, and the frame cannot know which site will embed it.
 */
export function useFrameResize(root: RefObject<HTMLElement | null>, { widget, frameId, parent }: FrameResizeOptions): void {
  useEffect(() => {
    const el = root.current;
    const target = parent === undefined ? (window.parent === window ? null : window.parent) : parent;
    if (!el || !target) return;
    let lastHeight = -1;
    const send = (always: boolean): void => {
      const height = heightOf(el);
      if (!always && height === lastHeight) return;
      lastHeight = height;
      target.postMessage(resizeMessage(height, widget, frameId), "*");
      target.postMessage(canvasResizeMessage(height), "*");
    };
    const onMessage = (event: MessageEvent) => {
      // Only the page that embeds us, and only the documented request; anything else is ignored.
      if (event.source !== target || !isRequestSize(event.data)) return;
      send(true);
    };
    window.addEventListener("message", onMessage);
    send(true);
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
      send(false);
    });
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      window.removeEventListener("message", onMessage);
    };
  }, [root, widget, frameId, parent]);
}
