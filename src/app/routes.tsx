// src/app/routes.tsx: the route table: each hash path pattern with its page component and document title.
// Later issues replace a placeholder page by pointing its entry at the real one; the table stays the one list.
import { lazy, type ComponentType } from "react";
import type { Translate } from "../i18n";
import type { APP } from "../i18n/app";
import { matchPath, type RouteParams } from "./router";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { EMBED_TEXT } from "../embed/text";
import { findLesson } from "../lessons/catalog";

export interface PageProps {
  params: RouteParams;
}

export interface RouteDef {
  /** "/lessons/:slug": literal segments, and ":name" for a parameter the page receives in `params`. */
  pattern: string;
  /** The page's own title, in the current language; the app appends the site name for document.title. */
  title: (params: RouteParams, t: Translate<typeof APP>) => string;
  Page: ComponentType<PageProps>;
}

// Home and "not found" ship in the entry chunk (most visits start at one of them); every other page is
// code-split with React.lazy, so a widget's charts and engine load only when someone opens it.
export const ROUTES: readonly RouteDef[] = [
  { pattern: "/", title: (_, t) => t("siteName"), Page: HomePage },
  {
    pattern: "/lessons",
    title: (_, t) => t("titleLessons"),
    Page: lazy(() => import("./pages/LessonsPage").then((m) => ({ default: m.LessonsPage }))),
  },
  {
    pattern: "/lessons/:slug",
    // The lesson's own title in the current language; a slug that is no lesson keeps "Lesson: slug".
    title: (params, t) => findLesson(params.slug)?.lesson.title[t.lang] ?? t("titleLesson", { slug: params.slug }),
    Page: lazy(() => import("./pages/LessonPage").then((m) => ({ default: m.LessonPage }))),
  },
  {
    pattern: "/playground/sine",
    title: (_, t) => t("titleSine"),
    Page: lazy(() => import("./pages/SinePlaygroundPage").then((m) => ({ default: m.SinePlaygroundPage }))),
  },
  {
    pattern: "/visualizer/gradients",
    title: (_, t) => t("titleGradients"),
    Page: lazy(() => import("./pages/GradientVisualizerPage").then((m) => ({ default: m.GradientVisualizerPage }))),
  },
  {
    pattern: "/lab/chars",
    title: (_, t) => t("titleChars"),
    Page: lazy(() => import("./pages/CharLabPage").then((m) => ({ default: m.CharLabPage }))),
  },
  {
    pattern: "/lab/classify",
    title: (_, t) => t("titleClassify"),
    Page: lazy(() => import("./pages/ClassifyLabPage").then((m) => ({ default: m.ClassifyLabPage }))),
  },
  {
    pattern: "/lab/speech",
    title: (_, t) => t("titleSpeech"),
    Page: lazy(() => import("./pages/SpeechLabPage").then((m) => ({ default: m.SpeechLabPage }))),
  },
  {
    pattern: "/lab/translate",
    title: (_, t) => t("titleTranslate"),
    Page: lazy(() => import("./pages/TranslateLabPage").then((m) => ({ default: m.TranslateLabPage }))),
  },
  {
    pattern: "/embed",
    title: () => EMBED_TEXT.guideTitle,
    Page: lazy(() => import("./pages/EmbedGuidePage").then((m) => ({ default: m.EmbedGuidePage }))),
  },
  {
    // One live block of a lesson, alone, for embedding (src/embed/LessonBlockPage.tsx).
    pattern: "/embed/lesson/:slug/:block",
    title: (params) => EMBED_TEXT.lessonBlockTitle(params.slug, params.block),
    Page: lazy(() => import("./pages/LessonBlockPage").then((m) => ({ default: m.LessonBlockPage }))),
  },
];

/** Shown for any path no pattern matches; it receives the path as `params.path` to say what was asked for. */
export const NOT_FOUND_ROUTE: RouteDef = { pattern: "*", title: (_, t) => t("titleNotFound"), Page: NotFoundPage };

export function resolveRoute(path: string): { route: RouteDef; params: RouteParams } {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return { route: NOT_FOUND_ROUTE, params: { path } };
}
