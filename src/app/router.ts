// src/app/router.ts: a tiny hash router: turns location.hash into a path, matches path patterns, follows hashchange.
// Hash routes work from any static host path and inside iframes, with no server rewrite rules (DESIGN.md).
import { useSyncExternalStore } from "react";

export type RouteParams = Readonly<Record<string, string>>;

/**
 * "#/lessons/intro?embed=1" → "/lessons/intro". Anything after "?" is left for the page to read (settings, embed
 * mode) and never changes which page shows. "", "#" and "#/" are all the home page; a trailing "/" is dropped.
 */
export function pathFromHash(hash: string): string {
  let path = hash.startsWith("#") ? hash.slice(1) : hash;
  const queryStart = path.indexOf("?");
  if (queryStart >= 0) path = path.slice(0, queryStart);
  if (!path.startsWith("/")) path = `/${path}`;
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path;
}

/** Matches a pattern such as "/lessons/:slug" against a path: "/lessons/intro" gives { slug: "intro" }, else null. */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const wanted = pattern.split("/");
  const got = path.split("/");
  if (wanted.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    const part = wanted[i];
    if (part.startsWith(":")) {
      if (got[i] === "") return null;
      const value = safeDecode(got[i]);
      if (value === null) return null;
      params[part.slice(1)] = value;
    } else if (part !== got[i]) {
      return null;
    }
  }
  return params;
}

/** decodeURIComponent, or null for a malformed escape such as "%E0%A4%A": such a path matches no route. */
function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

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
