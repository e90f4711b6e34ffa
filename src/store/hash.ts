// src/store/hash.ts: a widget's address in the hash ("#/playground/sine?cell=gru&hidden=32"): read and written once
// here for every widget, the embed code and the router.
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
