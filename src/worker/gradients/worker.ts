// src/worker/gradients/worker.ts: the gradient visualizer's module Web Worker entry: its trainer, served by the kit.
import { initKernels } from "../../engine";
import { serve, workerPort } from "../kit/serve";
import { startGradients } from "./serve";
import type { GradCommand, GradReport } from "./protocol";

serve(workerPort<GradCommand, GradReport>(), { ...startGradients, ready: initKernels() });
