// src/app/PageErrorBoundary.tsx: catches a page that fails to load or render and says what to do, in the page's place.
import { Component, type ReactNode } from "react";

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
    // The usual cause is a code-split chunk that no longer exists because the site was updated while this tab
    // stayed open; reloading fetches the new version.
    return (
      <div role="alert" className="page">
        <h1>This page could not be shown</h1>
        <p>
          Something went wrong while loading or drawing it: <code>{error.message}</code>
        </p>
        <p>
          Reload the page to try again. If the notebook was just updated, the reload also fetches the new version.
          Or <a href="#/">go to the home page</a>.
        </p>
      </div>
    );
  }
}
