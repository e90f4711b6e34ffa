// src/store/embedParams.ts: the link parameters of embedding. A module of its own (no imports), so each widget's
// can keep them in its links without importing the embed machinery that imports those same url.ts files.

/** embed=1, lock=…, panels=…, frameId=…: every widget's page keeps them in its URL and does not warn about them. */
export const EMBED_PARAMS = ["embed", "lock", "panels", "frameId"] as const;
