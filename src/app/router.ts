// src/app/router.ts: a tiny hash router: turns location.hash into a path, matches path patterns, follows hashchange.
// Hash routes work from any static host path and inside iframes, with no server rewrite rules (DESIGN.md).
import { useSyncExternalStore } from "react";

export { matchPath, pathFromHash, type RouteParams } from "../store/hash";
import { pathFromHash } from "../store/hash";

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
  };
}

const readHash = (): string => window.location.hash;

/** The current hash path; the component re-renders when the hash changes (links, back/forward, typed URLs). */
export function useHashPath(): string {
  return pathFromHash(useSyncExternalStore(subscribeToHash, readHash, () => ""));
}
