// src/embed/EmbedContext.tsx: what the page's link says about embedding (frame, locked settings, panels shown),
// provided once by the app and read by the controls (which lock themselves) and the widgets' <Panel>s.
import { createContext, useContext, type ReactNode } from "react";
import type { PanelId } from "./panels";

export type { SettingValue } from "../store/schema";
import type { SettingValue } from "../store/schema";

export interface EmbedState {
  /** True when the link has embed=1: the widget is shown alone, without the site's header and footer. */
  isEmbed: boolean;
  /** Settings the course fixed with lock=…, each with the value it keeps (validated against the widget's schema). */
  locks: Readonly<Record<string, SettingValue>>;
  /** The panels the link asks for with panels=…; null shows every panel. */
  panels: ReadonlySet<string> | null;
  /** frameId=… from the link, echoed in every resize message; null when absent. */
  frameId: string | null;
}

/** No link parameters: the site as a learner opens it, every control free and every panel shown. */
export const NO_EMBED: EmbedState = { isEmbed: false, locks: {}, panels: null, frameId: null };

export const EmbedContext = createContext<EmbedState>(NO_EMBED);

export function useEmbed(): EmbedState {
  return useContext(EmbedContext);
}

/** Whether a setting (by its URL key, e.g. "lr") is locked by the link; a control without a key never is. */
export function useIsLocked(settingKey: string | undefined): boolean {
  const { locks } = useEmbed();
  return settingKey !== undefined && Object.hasOwn(locks, settingKey);
}

/** Whether the link shows this panel (every panel is shown unless panels=… names others). */
export function usePanelShown(id: PanelId | readonly PanelId[]): boolean {
  const { panels } = useEmbed();
  if (!panels) return true;
  return typeof id === "string" ? panels.has(id) : id.some((one) => panels.has(one));
}

/**
 * A chart section a link can hide with panels=…: rendered only when shown (a hidden chart costs nothing).
 * Several ids: the section belongs to all of them (a "layer" picker serving three charts) and shows with any.
 */
export function Panel({ id, children }: { id: PanelId | readonly PanelId[]; children: ReactNode }) {
  return usePanelShown(id) ? children : null;
}
