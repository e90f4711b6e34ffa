// src/worker/gradients/serve.ts: what serve() needs to run the gradient visualizer's trainer (entry and tests share it).
import type { ServeSpec } from "../kit/serve";
import { GRAD_PROTOCOL_VERSION, gradTransferablesOf, type GradCommand, type GradReport } from "./protocol";
import { GradTrainer } from "./trainer";

export const startGradients: ServeSpec<GradCommand, GradReport, Extract<GradCommand, { type: "init" }>> = {
  version: GRAD_PROTOCOL_VERSION,
  transferablesOf: gradTransferablesOf,
  create: (host, init) => new GradTrainer(host, init.setup, init.resume),
};
