// src/embed/snippet.ts: the links and the HTML a course author copies: a widget's embed URL, its iframe, the listener.
import { splitHash } from "../store/hash";
import { EMBED_PARAMS } from "../store/embedParams";
import { EMBED_TEXT } from "./text";

export interface EmbedChoice {
  /** Settings to lock, by key, each with the value it is locked at (written into the link explicitly). */
  locks: Readonly<Record<string, string>>;
  /** Panels to show, in order; null or every panel: the parameter is left out. */
  panels: readonly string[] | null;
  frameId: string;
}

/** The page's address without its hash: where the notebook is served from (any static host path). */
export function siteBase(href: string): string {
  const hashAt = href.indexOf("#");
  return hashAt >= 0 ? href.slice(0, hashAt) : href;
}

function splitHref(href: string): { path: string; params: URLSearchParams } {
  const hashAt = href.indexOf("#");
  return splitHash(hashAt >= 0 ? href.slice(hashAt + 1) : "/");
}

/** Query text with list commas left readable ("panels=series,loss", not "series%2Closs"). */
function queryText(params: URLSearchParams): string {
  return params.toString().replace(/%2C/gi, ",");
}

/** The same widget as a full page (for "Open in RNN Notebook"): the frame's own parameters dropped, locks kept. */
export function fullPageUrl(href: string): string {
  const { path, params } = splitHref(href);
  params.delete("embed");
  params.delete("frameId");
  const query = queryText(params);
  return `${siteBase(href)}#${path}${query ? `?${query}` : ""}`;
}

/**
 * The embed URL for the widget open at `href`: its settings as the address holds them now, embed=1, then the
 * chosen locks (each locked value written out, so a later change of a default cannot move it), panels and frameId.
 */
export function embedUrl(href: string, choice: EmbedChoice): string {
  const { path, params } = splitHref(href);
  const out = new URLSearchParams([["embed", "1"]]);
  for (const [key, value] of params) {
    if (!(EMBED_PARAMS as readonly string[]).includes(key) && !Object.hasOwn(choice.locks, key)) out.append(key, value);
  }
  const lockKeys = Object.keys(choice.locks);
  for (const key of lockKeys) out.set(key, choice.locks[key]);
  if (lockKeys.length > 0) out.set("lock", lockKeys.join(","));
  if (choice.panels) out.set("panels", choice.panels.join(","));
  if (choice.frameId !== "") out.set("frameId", choice.frameId);
  return `${siteBase(href)}#${path}?${queryText(out)}`;
}

/** Text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The page's origin for the listener's check; null where there is none to compare (a file:// page). */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The listener a course page needs once (for any number of frames): it sets the height of the iframe a resize
 * message came from. It checks where the message came from and what it holds, and only ever sets a height.
 */
export function resizeListener(origin: string | null): string {
  const check = origin ? `event.origin !== ${JSON.stringify(origin)} || ` : "";
  return [
    "<script>",
    `  // ${EMBED_TEXT.scriptComment}`,
    '  window.addEventListener("message", function (event) {',
    "    var data = event.data;",
    `    if (${check}!data || data.type !== "rnn-notebook:resize") return;`,
    '    if (typeof data.height !== "number" || !(data.height > 0 && data.height < 100000)) return;',
    '    var frames = document.getElementsByTagName("iframe");',
    "    for (var i = 0; i < frames.length; i++) {",
    '      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(data.height) + "px";',
    "    }",
    "  });",
    "</script>",
  ].join("\n");
}

/** The iframe (fluid width, a first height until the widget reports its own) and, if asked, the listener. */
export function iframeSnippet(src: string, title: string, includeScript: boolean): string {
  const frame =
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" loading="lazy" ` +
    'style="width: 100%; height: 720px; border: 0;"></iframe>';
  return includeScript ? `${frame}\n${resizeListener(originOf(src))}` : frame;
}
