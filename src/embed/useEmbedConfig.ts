// src/embed/useEmbedConfig.ts: the embedding config of the current link, followed as the hash changes.
import { useState, useSyncExternalStore } from "react";
import { resolveEmbed, type EmbedConfig } from "./config";

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
  };
}

const readHash = (): string => window.location.hash;

/**
 * The config of window.location.hash. Each new hash is read against the config before it, so a lock set when the
 * page opened stands for as long as the route stays open (src/embed/config.ts, resolveEmbed).
 */
export function useEmbedConfig(): EmbedConfig {
  const hash = useSyncExternalStore(subscribeToHash, readHash, () => "");
  const [seen, setSeen] = useState(() => ({ hash, config: resolveEmbed(hash) }));
  if (seen.hash === hash) return seen.config;
  // React's pattern for state that follows a changing input: update while rendering, use the new value at once.
  const next = { hash, config: resolveEmbed(hash, seen.config) };
  setSeen(next);
  return next.config;
}
