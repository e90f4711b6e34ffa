// src/embed/copy.ts: copy text to the clipboard, or report that the browser would not (the caller then selects it).

/**
 * Writes `text` to the clipboard; false where the Clipboard API is missing or refused (an insecure origin, a frame
 * without clipboard-write, a browser setting). Not an error to report: the caller selects the text on screen and
 * says "press Ctrl+C", the documented way on.
 */
export async function copyText(text: string): Promise<boolean> {
  if (typeof navigator === "undefined" || !("clipboard" in navigator) || typeof navigator.clipboard.writeText !== "function") return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Focuses a text field and selects all of it, ready for Ctrl+C. */
export function selectAll(field: HTMLInputElement | HTMLTextAreaElement | null): void {
  field?.focus();
  field?.select();
}
