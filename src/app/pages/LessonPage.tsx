// src/app/pages/LessonPage.tsx: one lesson (#/lessons/<slug>); its MDX loads on demand, per language.
import { LessonView } from "../../lessons/LessonView";
import type { PageProps } from "../routes";

export function LessonPage({ params }: PageProps) {
  // Keyed by slug: a new lesson starts with fresh widgets.
  return <LessonView key={params.slug} slug={params.slug} />;
}
