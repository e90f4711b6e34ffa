// src/worker/classify/serve.ts: what serve() needs to run the classification lab's trainer (entry and tests share it).
import type { ServeSpec } from "../kit/serve";
import { CLASSIFY_PROTOCOL_VERSION, classifyTransferablesOf, type ClassifyCommand, type ClassifyReport } from "./protocol";
import { ClassifyTrainer } from "./trainer";

export const startClassify: ServeSpec<ClassifyCommand, ClassifyReport, Extract<ClassifyCommand, { type: "init" }>> = {
  version: CLASSIFY_PROTOCOL_VERSION,
  transferablesOf: classifyTransferablesOf,
  create: (host, init) => new ClassifyTrainer(host, init.setup, init.resume),
  initFrom: (cmd, last) => (cmd.type === "reset" ? { ...last, setup: cmd.setup, resume: cmd.resume } : null),
};
