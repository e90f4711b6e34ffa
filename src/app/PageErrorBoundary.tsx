// src/app/PageErrorBoundary.tsx: catches a page that fails to load or render and says what to do, in the page's place.
import { Component, type ReactNode } from "react";
import { useT } from "../i18n";
import { APP } from "../i18n/app";

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <PageError error={error} />;
  }
}

/** What the boundary shows instead of the page (a function component, so it can follow the language). */
function PageError({ error }: { error: Error }) {
  const t = useT(APP);
  // The usual cause is a code-split chunk that no longer exists because the site was updated while this tab
  // stayed open; reloading fetches the new version. The error's own message stays as the browser wrote it.
  return (
    <div role="alert" className="page">
      <h1>{t("pageFailed")}</h1>
      <p>
        {t("pageFailedWhy")} <code>{error.message}</code>
      </p>
      <p>
        {t("pageFailedReload")} <a href="#/">{t("pageFailedHome")}</a>
        {t("fullStop")}
      </p>
    </div>
  );
}
