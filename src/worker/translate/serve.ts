// src/worker/translate/serve.ts: what serve() needs to run the translation lab's trainer (entry and tests share it).
import type { ServeSpec } from "../kit/serve";
import { TRANSLATE_PROTOCOL_VERSION, translateTransferablesOf, type TranslateCommand, type TranslateReport } from "./protocol";
import { TranslateTrainer } from "./trainer";

export const startTranslate: ServeSpec<TranslateCommand, TranslateReport, Extract<TranslateCommand, { type: "init" }>> = {
  version: TRANSLATE_PROTOCOL_VERSION,
  transferablesOf: translateTransferablesOf,
  create: (host, init) => new TranslateTrainer(host, init.setup, init.resume),
  // After a refused setup (a task whose data could not be built), a reset with a new setup builds the trainer.
  initFrom: (cmd, last) => (cmd.type === "reset" ? { ...last, setup: cmd.setup, resume: undefined } : null),
};
