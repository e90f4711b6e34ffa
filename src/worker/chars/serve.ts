// src/worker/chars/serve.ts: what serve() needs to run the character lab's trainer (the entry and tests share it).
import type { ServeSpec } from "../kit/serve";
import { CHAR_PROTOCOL_VERSION, charTransferablesOf, type CharCommand, type CharReport } from "./protocol";
import { CharTrainer } from "./trainer";

type Init = Extract<CharCommand, { type: "init" }>;

export const startChars: ServeSpec<CharCommand, CharReport, Init> = {
  version: CHAR_PROTOCOL_VERSION,
  transferablesOf: charTransferablesOf,
  create: (host, init) => new CharTrainer(host, init.setup, init.sampling, init.resume),
  // init's setup was refused (say, a saved text too short for its settings): a reset with a new one starts the trainer.
  initFrom: (cmd, last) => (cmd.type === "reset" ? { ...last, setup: cmd.setup, resume: cmd.resume } : null),
};
