// src/app/App.tsx: the app shell: site chrome around the page that the current hash route picks.
import { Suspense, useEffect, useMemo, useRef } from "react";
import { useHashPath } from "./router";
import { resolveRoute } from "./routes";
import { SiteHeader } from "./SiteHeader";
import { PageErrorBoundary } from "./PageErrorBoundary";

export const SITE_NAME = "RNN Notebook";

export function App() {
  const path = useHashPath();
  const { route, params } = useMemo(() => resolveRoute(path), [path]);
  const title = route.title(params);
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);

  useEffect(() => {
    document.title = title === SITE_NAME ? SITE_NAME : `${title} · ${SITE_NAME}`;
  }, [title]);

  useEffect(() => {
    // A hash change loads no new document, so do what a page load would: start at the top, and move focus to
    // the new content so keyboard and screen-reader users do not stay on the link they left.
    if (previousPath.current === path) return;
    previousPath.current = path;
    (document.scrollingElement ?? document.documentElement).scrollTop = 0;
    mainRef.current?.focus();
  }, [path]);

  const { Page } = route;
  return (
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
        Skip to content
      </a>
      <SiteHeader path={path} />
      <main id="main-content" ref={mainRef} tabIndex={-1}>
        {/* Keyed by path: an error on one page is forgotten when the learner goes elsewhere. */}
        <PageErrorBoundary key={path}>
          <Suspense fallback={<p role="status">Loading {title}…</p>}>
            <Page params={params} />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          {SITE_NAME} trains its networks in your browser: nothing you type or train leaves your machine.
        </p>
      </footer>
    </div>
  );
}
