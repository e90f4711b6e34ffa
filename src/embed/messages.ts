// src/embed/messages.ts: every message between an embedded widget and the page around it. Nothing else crosses.
// Documented for course authors on the #/embed page and in the README ("Embedding a widget in your course").

export const MESSAGE_VERSION = 1;

/** Frame → parent, whenever the widget's height changes (and on request): the height the iframe needs, in CSS px. */
export interface ResizeMessage {
  type: "rnn-notebook:resize";
  version: typeof MESSAGE_VERSION;
  height: number;
  /** "sine", "gradients", "chars", "lesson-block:<lesson>/<block>", or null when the link names no widget. */
  widget: string | null;
  /** The link's frameId=…, so a page with several frames can tell them apart; null when absent. */
  id: string | null;
}

/**
 * Frame → parent as well, for Canvas LMS (and Sakai), which resize the iframe a message came from. Sent as a JSON
 * string: Canvas's handler parses string data as JSON, older Canvas releases and Sakai accept only a string, and
 * Canvas documents that the data "can be of any type".
 */
export interface CanvasResizeMessage {
  subject: "lti.frameResize";
  height: number;
}

/** Parent → frame: "send me your height now" (a page whose listener started after the frame's first message). */
export interface RequestSizeMessage {
  type: "rnn-notebook:request-size";
  version?: typeof MESSAGE_VERSION;
}

export function resizeMessage(height: number, widget: string | null, id: string | null): ResizeMessage {
  return { type: "rnn-notebook:resize", version: MESSAGE_VERSION, height, widget, id };
}

export function canvasResizeMessage(height: number): string {
  const message: CanvasResizeMessage = { subject: "lti.frameResize", height };
  return JSON.stringify(message);
}

/**
 * Whether data from the parent is a documented request. Only plain objects with exactly the documented fields and
 * values pass; strings are not parsed, and nothing in a message is ever run or shown as HTML.
 */
export function isRequestSize(data: unknown): data is RequestSizeMessage {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  if (!keys.every((k) => k === "type" || k === "version")) return false;
  const message = data as Record<string, unknown>;
  return message.type === "rnn-notebook:request-size" && (message.version === undefined || message.version === MESSAGE_VERSION);
}

/** The height a frame must have to show `el` without a scrollbar: its border box, rounded up to whole pixels. */
export function heightOf(el: Element): number {
  return Math.ceil(el.getBoundingClientRect().height);
}
