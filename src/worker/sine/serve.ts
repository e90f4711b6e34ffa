// src/worker/sine/serve.ts: what serve() needs to run the sine playground's trainer (the entry and tests share it).
import type { ServeSpec } from "../kit/serve";
import { PROTOCOL_VERSION, transferablesOf, type Command, type Report } from "./protocol";
import { Trainer } from "./trainer";

export const startSine: ServeSpec<Command, Report, Extract<Command, { type: "init" }>> = {
  version: PROTOCOL_VERSION,
  transferablesOf,
  create: (host, init) => new Trainer(host, init.setup, init.resume),
};
