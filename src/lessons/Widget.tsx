// src/lessons/Widget.tsx: <Widget name="…" …literal props /> in a lesson: looks the widget up, loads it, and shows a
// clear message in its place if the name or a prop is wrong or the widget fails.
import { Component, Suspense, type ReactNode } from "react";
import { useStrings } from "./LangContext";
import type { WidgetProps } from "./props";
import { WIDGETS } from "./registry";

export function Widget({ name, children, ...props }: WidgetProps & { name?: unknown; children?: ReactNode }) {
  const s = useStrings();
  const Found = typeof name === "string" ? WIDGETS[name] : undefined;
  if (!Found) {
    return (
      <p role="alert" className="widget-error">
        {s.widgetUnknown(String(name))}
      </p>
    );
  }
  return (
    <WidgetBoundary name={String(name)}>
      <Suspense fallback={<p className="widget-loading">{s.loadingWidget}</p>}>
        <Found {...props}>{children}</Found>
      </Suspense>
    </WidgetBoundary>
  );
}

interface BoundaryState {
  error: Error | null;
}

/** One broken widget must not take the lesson's text down with it. */
class WidgetBoundary extends Component<{ name: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="widget-error">
        <p>
          Widget “{this.props.name}” could not be shown: <code>{error.message}</code>
        </p>
      </div>
    );
  }
}
