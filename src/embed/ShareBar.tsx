// src/embed/ShareBar.tsx: "Embed" (opens the embed dialog) and "Copy link" (the widget with its settings) beside a widget.
import { useEffect, useId, useRef, useState } from "react";
import { copyText, selectAll } from "./copy";
import { EmbedDialog } from "./EmbedDialog";
import { useT } from "../i18n";
import { EMBED } from "../i18n/embed";
import { widgetById, type WidgetId } from "./widgets";
import "./embed.css";

export function ShareBar({ widgetId }: { widgetId: WidgetId }) {
  const widget = widgetById(widgetId);
  const [isDialogOpen, setDialogOpen] = useState(false);
  /** The result of the last Copy link: the message, and the link to select when the browser would not copy. */
  const [linkResult, setLinkResult] = useState<{ message: "linkCopied" | "linkSelected"; link: string | null } | null>(null);
  const embedButton = useRef<HTMLButtonElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const t = useT(EMBED);

  useEffect(() => {
    if (linkResult?.link) selectAll(linkField.current);
  }, [linkResult]);

  const copyLink = async () => {
    // The widget keeps its settings in the address as they change, so the address is the whole state.
    const link = window.location.href;
    const isCopied = await copyText(link);
    setLinkResult(isCopied ? { message: "linkCopied", link: null } : { message: "linkSelected", link });
  };

  return (
    <div className="share-bar" role="group" aria-label={t("shareLabel")}>
      <button
        type="button"
        ref={embedButton}
        aria-haspopup="dialog"
        onClick={() => {
          setDialogOpen(true);
        }}
      >
        {t("embedButton")}
      </button>
      <button type="button" onClick={() => void copyLink()}>
        {t("copyLinkButton")}
      </button>
      <p className="share-status" role="status">
        {linkResult ? t(linkResult.message) : ""}
      </p>
      {linkResult?.link && (
        <div className="share-link">
          <label htmlFor={linkId}>{t("linkLabel")}</label>
          <input id={linkId} ref={linkField} type="text" readOnly value={linkResult.link} />
        </div>
      )}
      {isDialogOpen && (
        <EmbedDialog
          widget={widget}
          onClose={() => {
            setDialogOpen(false);
            // Back where the author was, as a native dialog would.
            embedButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
