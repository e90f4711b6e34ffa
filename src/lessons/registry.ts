// src/lessons/registry.ts: the widgets a lesson can embed with <Widget name="…" />, each its own code-split chunk.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import type { WidgetProps } from "./props";

type WidgetComponent = ComponentType<WidgetProps & { children?: ReactNode }>;

export const WIDGETS: Readonly<Record<string, LazyExoticComponent<WidgetComponent>>> = {
  "step-through": lazy(() => import("./widgets/StepThrough")),
  predict: lazy(() => import("./widgets/Predict")),
  "grad-check": lazy(() => import("./widgets/GradCheck")),
  "gradient-flow": lazy(() => import("./widgets/GradientFlow")),
  "train-compare": lazy(() => import("./widgets/TrainCompare")),
  "fit-lab": lazy(() => import("./widgets/FitLab")),
  "loss-explorer": lazy(() => import("./widgets/LossExplorer")),
  classifier: lazy(() => import("./widgets/Classifier")),
  bidirectional: lazy(() => import("./widgets/Bidirectional")),
  seq2seq: lazy(() => import("./widgets/Seq2Seq")),
  "wave-continue": lazy(() => import("./widgets/WaveContinue")),
  activations: lazy(() => import("./widgets/Activations")),
  "attention-step": lazy(() => import("./widgets/AttentionStep")),
  "bi-compare": lazy(() => import("./widgets/BiCompare")),
};
