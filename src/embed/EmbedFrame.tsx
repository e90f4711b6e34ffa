// src/embed/EmbedFrame.tsx: an embedded page: the widget alone (no site header or footer), fluid, reporting its
// height to the parent page; and the message a bad embed link shows in the widget's place.
import { useRef, type ReactNode } from "react";
import type { EmbedConfig } from "./config";
import { widgetName } from "./config";
import { fullPageUrl } from "./snippet";
import { useT } from "../i18n";
import { EMBED } from "../i18n/embed";
import { useFrameResize, type ParentLike } from "./useFrameResize";
import "./embed.css";

export interface EmbedFrameProps {
  config: EmbedConfig;
  /** The page's title: a heading for screen readers, since the widget's page shows none when embedded. */
  title: string;
  children: ReactNode;
  /** Tests pass a stand-in for window.parent. */
  parent?: ParentLike | null;
}

export function EmbedFrame({ config, title, children, parent }: EmbedFrameProps) {
  const t = useT(EMBED);
  const rootRef = useRef<HTMLDivElement>(null);
  useFrameResize(rootRef, { widget: widgetName(config), frameId: config.frameId, parent });
  const refreshHref = (e: { currentTarget: HTMLAnchorElement }) => {
    // The widget writes its settings into the address as they change: link to them as they are now.
    e.currentTarget.href = fullPageUrl(window.location.href);
  };
  return (
    <div className="embed-root" ref={rootRef}>
      <main id="main-content" className="embed-main" tabIndex={-1}>
        {/* A bad link's message replaces the page and brings its own heading. */}
        {config.problems.length === 0 && <h1 className="embed-sr-only">{title}</h1>}
        <EmbedGate config={config}>{children}</EmbedGate>
      </main>
      {config.problems.length === 0 && (
        <p className="embed-credit">
          <a href={fullPageUrl(window.location.href)} target="_blank" rel="noopener noreferrer" onPointerDown={refreshHref} onFocus={refreshHref}>
            {t("openFull")}
          </a>{" "}
          <span className="embed-credit-hint">{t("openFullHint")}</span>
        </p>
      )}
    </div>
  );
}

/**
 * The page, or in its place (with the page's level-1 heading) what is wrong with the link's embedding parameters;
 * refused edits of locked settings above the page.
 */
export function EmbedGate({ config, children }: { config: EmbedConfig; children: ReactNode }) {
  const t = useT(EMBED);
  if (config.problems.length > 0) {
    return (
      <div role="alert" className="embed-problems">
        <h1>{t("badEmbedTitle")}</h1>
        <ul>
          {config.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <p>
          {t("badEmbedFix")}{" "}
          <a href={guideHref()} target="_blank" rel="noopener noreferrer">
            {t("guideLinkText")}
          </a>
          .
        </p>
      </div>
    );
  }
  return (
    <>
      {config.notes.length > 0 && (
        <div role="status" className="embed-notes">
          <p>{t("lockedEditNotesIntro")}</p>
          <ul>
            {config.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {children}
    </>
  );
}

/** The authors' guide on this same site, opened outside the frame. */
function guideHref(): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#/embed`;
}
