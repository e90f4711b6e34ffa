// src/worker/speech/serve.ts: what serve() needs to run the speech lab's trainer (entry and tests share it).
import type { ServeSpec } from "../kit/serve";
import { SPEECH_PROTOCOL_VERSION, speechTransferablesOf, type SpeechCommand, type SpeechReport } from "./protocol";
import { SpeechTrainer } from "./trainer";

export const startSpeech: ServeSpec<SpeechCommand, SpeechReport, Extract<SpeechCommand, { type: "init" }>> = {
  version: SPEECH_PROTOCOL_VERSION,
  transferablesOf: speechTransferablesOf,
  create: (host, init) => new SpeechTrainer(host, init.setup, init.data, init.resume),
  initFrom: (cmd, last) => (cmd.type === "reset" ? { ...last, setup: cmd.setup, data: cmd.data ?? last.data, resume: undefined } : null),
};
