// src/embed/widgets.ts: the widgets a page can embed: their routes, lockable settings, panels, and how each reads its link.
import { matchPath } from "../store/hash";
import { CHAR_SCHEMA } from "../store/charSettings";
import { CLASSIFY_SCHEMA } from "../store/classifySettings";
import { readClassifyUrl } from "../store/classifyUrl";
import { GRAD_SCHEMA } from "../store/gradSettings";
import type { Schema } from "../store/schema";
import { SINE_SCHEMA } from "../store/sineSettings";
import { readCharUrl } from "../store/charUrl";
import { readGradUrl } from "../store/gradUrl";
import { readSineUrl } from "../store/sineUrl";
import { TRANSLATE_SCHEMA } from "../store/translateSettings";
import { readTranslateUrl } from "../store/translateUrl";
import type { SettingValue } from "./EmbedContext";
import { CHAR_PANELS, CLASSIFY_PANELS, GRAD_PANELS, SINE_PANELS, TRANSLATE_PANELS, type PanelInfo } from "./panels";

export type WidgetId = "sine" | "chars" | "gradients" | "classify" | "translate" | "lesson-block";

export interface EmbeddableWidget {
  /** Sent as `widget` in every resize message (a lesson block adds its lesson and block: "lesson-block:lstm/predict"). */
  id: WidgetId;
  /** The route, as in src/app/routes.tsx. */
  pattern: string;
  /** "Sine playground": the iframe's title and the Embed dialog's heading. */
  title: string;
  /** "sine playground": the name inside a sentence ("the sine playground has no panel …"). */
  name: string;
  /** The settings a link can set and lock (empty: nothing to lock). */
  schema: Schema;
  panels: readonly PanelInfo[];
  /** The settings a link asks for, exactly as the widget's page reads them (defaults stand in for bad values). */
  read: ((hash: string) => { settings: Readonly<Record<string, SettingValue>>; warnings: string[] }) | null;
}

export const EMBEDDABLE: readonly EmbeddableWidget[] = [
  {
    id: "sine",
    pattern: "/playground/sine",
    title: "Sine playground",
    name: "sine playground",
    schema: SINE_SCHEMA,
    panels: SINE_PANELS,
    read: readSineUrl,
  },
  {
    id: "gradients",
    pattern: "/visualizer/gradients",
    title: "Gradient visualizer",
    name: "gradient visualizer",
    schema: GRAD_SCHEMA,
    panels: GRAD_PANELS,
    read: readGradUrl,
  },
  {
    id: "chars",
    pattern: "/lab/chars",
    title: "Character lab",
    name: "character lab",
    schema: CHAR_SCHEMA,
    panels: CHAR_PANELS,
    read: readCharUrl,
  },
  {
    id: "classify",
    pattern: "/lab/classify",
    title: "Text classification lab",
    name: "text classification lab",
    schema: CLASSIFY_SCHEMA,
    panels: CLASSIFY_PANELS,
    read: readClassifyUrl,
  },
  {
    id: "translate",
    pattern: "/lab/translate",
    title: "Translation lab",
    name: "translation lab",
    schema: TRANSLATE_SCHEMA,
    panels: TRANSLATE_PANELS,
    read: readTranslateUrl,
  },
  {
    // One live block of a lesson, alone: "#/embed/lesson/lstm/predict" (see src/embed/LessonBlockPage.tsx).
    id: "lesson-block",
    pattern: "/embed/lesson/:slug/:block",
    title: "Lesson block",
    name: "lesson block",
    schema: {},
    panels: [],
    read: null,
  },
];

/** The embeddable widget at a route path, with the route's parameters; null for any other page. */
export function widgetAt(path: string): { widget: EmbeddableWidget; params: Readonly<Record<string, string>> } | null {
  for (const widget of EMBEDDABLE) {
    const params = matchPath(widget.pattern, path);
    if (params) return { widget, params };
  }
  return null;
}

export function widgetById(id: WidgetId): EmbeddableWidget {
  const found = EMBEDDABLE.find((w) => w.id === id);
  if (!found) throw new Error(`There is no embeddable widget "${id}".`);
  return found;
}
