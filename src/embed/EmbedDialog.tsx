// src/embed/EmbedDialog.tsx: the Embed dialog: choose locks and panels, then copy the iframe (and its resize script).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { isValidFrameId } from "./config";
import { copyText, selectAll } from "./copy";
import { useEmbed } from "./EmbedContext";
import { embedUrl, iframeSnippet } from "./snippet";
import { useT } from "../i18n";
import { EMBED } from "../i18n/embed";
import type { EmbeddableWidget } from "./widgets";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A setting's value as a link writes it (booleans as 1 and 0, like the widgets' own links). */
function linkValue(value: unknown): string {
  return typeof value === "boolean" ? (value ? "1" : "0") : String(value);
}

export function EmbedDialog({ widget, onClose }: { widget: EmbeddableWidget; onClose: () => void }) {
  const embed = useEmbed();
  const t = useT(EMBED);
  const ids = { title: useId(), intro: useId(), frameId: useId(), snippet: useId() };
  const dialogRef = useRef<HTMLDivElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  // The settings as the widget's link holds them when the dialog opens (the widget writes every change there).
  const [settings] = useState(() => widget.read?.(window.location.hash).settings ?? {});
  const keys = useMemo(() => Object.keys(widget.schema), [widget]);
  const [locked, setLocked] = useState<ReadonlySet<string>>(() => new Set(Object.keys(embed.locks)));
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set(widget.panels.map((p) => p.id).filter((id) => !embed.panels || embed.panels.has(id))));
  const [frameId, setFrameId] = useState(embed.frameId ?? "");
  const [includeScript, setIncludeScript] = useState(true);
  const [copyMessage, setCopyMessage] = useState("");

  const hasNoPanel = widget.panels.length > 0 && shown.size === 0;
  const frameIdError = frameId !== "" && !isValidFrameId(frameId) ? t("badFrameId", { raw: frameId.slice(0, 80) }) : null;
  const canCopy = !hasNoPanel && frameIdError === null;

  const snippet = useMemo(() => {
    const locks: Record<string, string> = {};
    for (const key of keys) if (locked.has(key)) locks[key] = linkValue(settings[key]);
    const panels = shown.size === widget.panels.length ? null : widget.panels.map((p) => p.id).filter((id) => shown.has(id));
    const src = embedUrl(window.location.href, { locks, panels, frameId: frameIdError ? "" : frameId });
    return iframeSnippet(src, `${widget.title} · RNN Notebook`, includeScript);
  }, [keys, locked, settings, shown, widget, frameId, frameIdError, includeScript]);

  useEffect(() => {
    dialogRef.current?.focus();
  }, []);

  const toggle = (set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== "Tab") return;
    // Keep Tab inside the dialog: from the last control back to the first, and the other way with Shift.
    const focusable = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === dialogRef.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const copySnippet = async () => {
    if (await copyText(snippet)) {
      setCopyMessage(t("snippetCopied"));
    } else {
      selectAll(snippetRef.current);
      setCopyMessage(t("snippetSelected"));
    }
  };

  return createPortal(
    <div
      className="embed-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={dialogRef}
        className="embed-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={ids.intro}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={ids.title}>{t("dialogTitle", { widget: widget.name })}</h2>
        <p id={ids.intro}>{t("dialogIntro")}</p>

        {keys.length > 0 && (
          <fieldset className="embed-fieldset">
            <legend>{t("locksLegend")}</legend>
            <div className="embed-row">
              <button type="button" onClick={() => { setLocked(new Set(keys)); }}>
                {t("lockAll")}
              </button>
              <button type="button" onClick={() => { setLocked(new Set()); }}>
                {t("lockNone")}
              </button>
            </div>
            <ul className="embed-choices">
              {keys.map((key) => (
                <li key={key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={locked.has(key)}
                      onChange={(e) => {
                        setLocked(toggle(locked, key, e.target.checked));
                      }}
                    />{" "}
                    {t("lockChoice", { label: widget.schema[key].label, value: settings[key] === true ? t("settingOn") : settings[key] === false ? t("settingOff") : String(settings[key]) })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}

        {widget.panels.length > 0 && (
          <fieldset className="embed-fieldset">
            <legend>{t("panelsLegend")}</legend>
            <ul className="embed-choices">
              {widget.panels.map((panel) => (
                <li key={panel.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={shown.has(panel.id)}
                      onChange={(e) => {
                        setShown(toggle(shown, panel.id, e.target.checked));
                      }}
                    />{" "}
                    {panel.label} <code>{panel.id}</code>
                  </label>
                </li>
              ))}
            </ul>
            {hasNoPanel && (
              <p className="control-error" role="alert">
                {t("panelsNeedOne")}
              </p>
            )}
          </fieldset>
        )}

        <div className="control" data-invalid={frameIdError ? "" : undefined}>
          <label htmlFor={ids.frameId}>{t("frameIdLabel")}</label>
          <input
            id={ids.frameId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={frameId}
            aria-invalid={frameIdError ? true : undefined}
            aria-describedby={`${ids.frameId}-${frameIdError ? "error" : "hint"}`}
            onChange={(e) => {
              setFrameId(e.target.value.trim());
            }}
          />
          {frameIdError ? (
            <p id={`${ids.frameId}-error`} className="control-error">
              {frameIdError}
            </p>
          ) : (
            <p id={`${ids.frameId}-hint`} className="control-hint">
              {t("frameIdHint")}
            </p>
          )}
        </div>

        <label className="embed-check">
          <input
            type="checkbox"
            checked={includeScript}
            onChange={(e) => {
              setIncludeScript(e.target.checked);
            }}
          />{" "}
          {t("includeScript")}
        </label>

        <label htmlFor={ids.snippet} className="embed-snippet-label">
          {t("snippetLabel")}
        </label>
        <textarea id={ids.snippet} ref={snippetRef} className="embed-snippet" readOnly rows={includeScript ? 14 : 3} value={snippet} spellCheck={false} />

        <div className="embed-row">
          <button type="button" className="embed-primary" disabled={!canCopy} onClick={() => void copySnippet()}>
            {t("copySnippet")}
          </button>
          <button type="button" onClick={onClose}>
            {t("close")}
          </button>
        </div>
        <p className="share-status" role="status">
          {copyMessage}
        </p>
        <p className="embed-more">
          {t("guideMore")} <a href="#/embed">{t("guideLinkText")}</a>
        </p>
      </div>
    </div>,
    document.body,
  );
}
