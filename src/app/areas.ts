// src/app/areas.ts: the notebook's four areas, as the header nav and the home page's cards show them.
import { APP } from "../i18n/app";
import type { Msg } from "../i18n";

export interface Area {
  /** Where the area lives (a hash route). */
  href: string;
  /** Short name for the nav and the card heading. */
  name: Msg;
  /** One or two sentences for the home page card. */
  summary: Msg;
  /** False while the route shows a "coming soon" placeholder; flip it when the real page lands. */
  isReady: boolean;
}

export const AREAS: readonly Area[] = [
  {
    href: "#/lessons",
    name: APP.titleLessons,
    summary: APP.areaLessonsSummary,
    isReady: true,
  },
  {
    href: "#/playground/sine",
    name: APP.titleSine,
    summary: APP.areaSineSummary,
    isReady: true,
  },
  {
    href: "#/visualizer/gradients",
    name: APP.titleGradients,
    summary: APP.areaGradientsSummary,
    isReady: true,
  },
  {
    href: "#/lab/chars",
    name: APP.titleChars,
    summary: APP.areaCharsSummary,
    isReady: true,
  },
  {
    href: "#/lab/classify",
    name: APP.titleClassify,
    summary: APP.areaClassifySummary,
    isReady: true,
  },
];
