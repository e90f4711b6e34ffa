// src/worker/gradWorker.ts: the gradient visualizer's module Web Worker entry: wires GradTrainer to postMessage.
import { initKernels } from "../engine";
import { connectWorker } from "./workerScope";
import { GRAD_PROTOCOL_VERSION, gradTransferablesOf, type GradCommand, type GradReport } from "./protocol";
import { GradTrainer } from "./gradTrainer";

const { scope, post, host } = connectWorker<GradCommand, GradReport>(gradTransferablesOf);

let trainer: GradTrainer | null = null;
const ready = initKernels();

scope.onmessage = (event: MessageEvent<GradCommand>) => {
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
      if (cmd.version !== GRAD_PROTOCOL_VERSION) {
        post({ type: "error", code: "version", message: `This page speaks protocol ${cmd.version}, the worker ${GRAD_PROTOCOL_VERSION}: reload the page.` });
        return;
      }
      if (!trainer) {
        try {
          trainer = new GradTrainer(host, cmd.setup, cmd.resume);
        } catch (e) {
          post({ type: "error", code: "setup", message: (e as Error).message });
          return;
        }
        post({ type: "ready", version: GRAD_PROTOCOL_VERSION });
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
