// src/store/hash.ts: an address in the hash ("#/playground/sine?cell=gru&hidden=32"): read and written once here
// for every widget, the embed code and the router (src/app/router.ts adds only the React hook).
import { toParams, type Schema, type Values } from "./schema";

/** The path and the query of a hash ("/playground/sine?cell=gru" or "#/…"). */
export function splitHash(hash: string): { path: string; params: URLSearchParams } {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  const q = h.indexOf("?");
  return { path: q >= 0 ? h.slice(0, q) : h, params: new URLSearchParams(q >= 0 ? h.slice(q + 1) : "") };
}

/** The query of a hash as parameters. */
export function paramsOfHash(hash: string): URLSearchParams {
  const q = hash.indexOf("?");
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
}

/**
 * The hash for `values` on the current route: its path, the page's own parameters (those in `keep`), then the
 * settings that differ from their defaults (so links stay short).
 */
export function settingsHash<S extends Schema>(currentHash: string, keep: readonly string[], schema: S, values: Values<S>): string {
  const q = currentHash.indexOf("?");
  const path = q >= 0 ? currentHash.slice(0, q) : currentHash;
  const old = paramsOfHash(currentHash);
  const next = new URLSearchParams();
  for (const key of keep) {
    const v = old.get(key);
    if (v !== null) next.set(key, v);
  }
  for (const [k, v] of toParams(schema, values)) next.set(k, v);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

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

