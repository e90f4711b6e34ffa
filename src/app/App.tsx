// src/app/App.tsx: the app shell: site chrome around the page that the current hash route picks.
import { Suspense, useEffect, useMemo, useRef } from "react";
import { useDocumentLang, useRememberUrlLang, useT } from "../i18n";
import { APP } from "../i18n/app";
import { EMBED } from "../i18n/embed";
import { useHashPath } from "./router";
import { resolveRoute } from "./routes";
import { SiteHeader } from "./SiteHeader";
import { PageErrorBoundary } from "./PageErrorBoundary";
import { EmbedContext } from "../embed/EmbedContext";
import { EmbedFrame, EmbedGate } from "../embed/EmbedFrame";
import { useEmbedConfig } from "../embed/useEmbedConfig";

export function App() {
  const t = useT(APP);
  const te = useT(EMBED);
  useDocumentLang(t.lang);
  useRememberUrlLang();
  const path = useHashPath();
  const { route, params } = useMemo(() => resolveRoute(path), [path]);
  // embed=1, lock=…, panels=…, frameId=… (src/embed): read by the controls, the widgets' panels and the frame.
  const embed = useEmbedConfig();
  const title = route.title(params, t);
  const siteName = t("siteName");
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);

  useEffect(() => {
    document.title = title === siteName ? siteName : `${title} · ${siteName}`;
  }, [title, siteName]);

  useEffect(() => {
    // A hash change loads no new document, so do what a page load would: start at the top, and move focus to
    // the new content so keyboard and screen-reader users do not stay on the link they left.
    if (previousPath.current === path) return;
    previousPath.current = path;
    (document.scrollingElement ?? document.documentElement).scrollTop = 0;
    mainRef.current?.focus();
  }, [path]);

  const { Page } = route;
  const page = (
    // Keyed by path: an error on one page is forgotten when the learner goes elsewhere.
    <PageErrorBoundary key={path}>
      <Suspense fallback={<p role="status">{t("loadingPage", { title })}</p>}>
        <Page params={params} />
      </Suspense>
    </PageErrorBoundary>
  );
  if (embed.isEmbed) {
    // Inside a course page's iframe: the widget alone, no header or footer, reporting its height to the page.
    return (
      <EmbedContext.Provider value={embed}>
        <EmbedFrame config={embed} title={title}>
          {page}
        </EmbedFrame>
      </EmbedContext.Provider>
    );
  }
  return (
    <EmbedContext.Provider value={embed}>
      <div className="site">
        <a
          className="skip-link"
          href="#main-content"
          onClick={(event) => {
            // Keep the hash (it is the route): move focus by hand instead of following the fragment.
            event.preventDefault();
            mainRef.current?.focus();
          }}
        >
          {t("skipToContent")}
        </a>
        <SiteHeader path={path} />
        <main id="main-content" ref={mainRef} tabIndex={-1}>
          <EmbedGate config={embed}>{page}</EmbedGate>
        </main>
        <footer className="site-footer">
          <p>{t("footer", { site: siteName })}</p>
          <p>
            <a href="#/embed">{te("footerLink")}</a>
          </p>
        </footer>
      </div>
    </EmbedContext.Provider>
  );
}
