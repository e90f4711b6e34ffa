// src/worker/charWorker.ts: the character lab's module Web Worker entry: wires CharTrainer to postMessage, reports crashes.
import { initKernels } from "../engine";
import { connectWorker } from "./workerScope";
import { CHAR_PROTOCOL_VERSION, charTransferablesOf, type CharCommand, type CharReport, type SampleSettings } from "./protocol";
import { CharTrainer } from "./charTrainer";

const { scope, post, host } = connectWorker<CharCommand, CharReport>(charTransferablesOf);

let trainer: CharTrainer | null = null;
/** The sampling settings of the last init, to build a trainer on a later reset when init's setup was refused. */
let initSampling: SampleSettings | null = null;
const ready = initKernels();

scope.onmessage = (event: MessageEvent<CharCommand>) => {
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
      if (cmd.version !== CHAR_PROTOCOL_VERSION) {
        post({ type: "error", code: "version", message: `This page speaks protocol ${cmd.version}, the worker ${CHAR_PROTOCOL_VERSION}: reload the page.` });
        return;
      }
      initSampling = cmd.sampling;
      if (!trainer) {
        try {
          trainer = new CharTrainer(host, cmd.setup, cmd.sampling, cmd.resume);
        } catch (e) {
          post({ type: "error", code: "setup", message: (e as Error).message });
          return;
        }
        post({ type: "ready", version: CHAR_PROTOCOL_VERSION });
        trainer.handle({ type: "pause" }); // the first snapshot, live sample, look inside and checkpoint
        return;
      }
    }
    if (!trainer && cmd.type === "reset" && initSampling) {
      // init's setup was refused (say, a saved text too short for its settings): this reset starts the trainer.
      try {
        trainer = new CharTrainer(host, cmd.setup, initSampling, cmd.resume);
      } catch (e) {
        post({ type: "error", code: "setup", message: (e as Error).message });
        return;
      }
      trainer.handle({ type: "pause" });
      return;
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
