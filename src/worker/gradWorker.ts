// src/worker/gradWorker.ts: the gradient visualizer's module Web Worker entry: wires GradTrainer to postMessage.
import { initKernels } from "../engine";
import { GRAD_PROTOCOL_VERSION, gradTransferablesOf, type GradCommand, type GradReport } from "./protocol";
import { GradTrainer, type GradTrainerHost } from "./gradTrainer";

/** The parts of the worker global this file uses (the DOM and WebWorker libs cannot both be in one program). */
interface WorkerScope {
  postMessage(message: GradReport, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<GradCommand>) => void) | null;
  addEventListener(type: "unhandledrejection", listener: (event: PromiseRejectionEvent) => void): void;
}
const scope = self as unknown as WorkerScope;

function post(report: GradReport): void {
  scope.postMessage(report, gradTransferablesOf(report));
}

// A MessageChannel yields to pending messages without setTimeout's 4 ms clamp on nested timers.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => {
  queue.shift()?.();
};
const host: GradTrainerHost = {
  post,
  schedule(fn) {
    queue.push(fn);
    channel.port2.postMessage(null);
  },
  now: () => performance.now(),
};

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
