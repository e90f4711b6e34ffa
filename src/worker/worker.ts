// src/worker/worker.ts: the module Web Worker entry: wires the trainer to postMessage and reports crashes.
import { initKernels } from "../engine";
import { connectWorker } from "./workerScope";
import { PROTOCOL_VERSION, transferablesOf, type Command, type Report } from "./protocol";
import { Trainer } from "./trainer";

const { scope, post, host } = connectWorker<Command, Report>(transferablesOf);

let trainer: Trainer | null = null;
const ready = initKernels();

scope.onmessage = (event: MessageEvent<Command>) => {
  const cmd = event.data;
  if (cmd.type === "simulateCrash") {
    // Thrown from a task of its own, as an uncaught bug would be: the page sees the worker's "error" event.
    setTimeout(() => {
      throw new Error("Simulated crash (test hook)");
    });
    return;
  }
  void ready.then(() => {
    if (cmd.type === "init") {
      if (cmd.version !== PROTOCOL_VERSION) {
        post({ type: "error", code: "version", message: `This page speaks protocol ${cmd.version}, the worker ${PROTOCOL_VERSION}: reload the page.` });
        return;
      }
      if (!trainer) {
        try {
          trainer = new Trainer(host, cmd.setup, cmd.resume);
        } catch (e) {
          post({ type: "error", code: "setup", message: (e as Error).message });
          return;
        }
        post({ type: "ready", version: PROTOCOL_VERSION });
        trainer.snapshot();
        return;
      }
    }
    if (!trainer) {
      post({ type: "error", code: "internal", message: `"${cmd.type}" arrived before "init".` });
      return;
    }
    trainer.handle(cmd);
  });
};

scope.addEventListener("unhandledrejection", (event) => {
  post({ type: "error", code: "crash", message: `The training worker failed: ${String(event.reason)}` });
});
