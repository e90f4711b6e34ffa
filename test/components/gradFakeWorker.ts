// test/components/gradFakeWorker.ts: an in-process GradWorkerLike: the real GradTrainer behind the same message handling
// as src/worker/gradWorker.ts, with messages and training slices as macrotasks (setTimeout), so tests wait on state.
import type { GradWorkerLike } from "../../src/store/gradStore";
import { GradTrainer, type GradTrainerHost } from "../../src/worker/gradTrainer";
import { GRAD_PROTOCOL_VERSION, type GradCommand, type GradReport } from "../../src/worker/protocol";

export interface FakeGradWorker extends GradWorkerLike {
  /** Every command the store sent, in order. */
  readonly commands: GradCommand[];
  readonly isTerminated: boolean;
}

/** A factory for createGradStore's createWorker that also remembers every worker it made. */
export function fakeGradWorkers(): { createWorker: () => FakeGradWorker; made: FakeGradWorker[] } {
  const made: FakeGradWorker[] = [];
  return {
    made,
    createWorker: () => {
      const w = createFakeGradWorker();
      made.push(w);
      return w;
    },
  };
}

export function createFakeGradWorker(): FakeGradWorker {
  let trainer: GradTrainer | null = null;
  let isTerminated = false;
  const commands: GradCommand[] = [];
  const later = (fn: () => void): void => {
    setTimeout(() => {
      if (!isTerminated) fn();
    }, 0);
  };
  const worker: FakeGradWorker = {
    onmessage: null,
    onerror: null,
    commands,
    get isTerminated() {
      return isTerminated;
    },
    postMessage(command) {
      if (isTerminated) return;
      commands.push(command);
      later(() => {
        handle(command);
      });
    },
    terminate() {
      isTerminated = true;
      trainer = null;
    },
  };
  const post = (report: GradReport): void => {
    later(() => worker.onmessage?.(new MessageEvent("message", { data: report })));
  };
  const host: GradTrainerHost = { post, schedule: later, now: () => performance.now() };

  function handle(cmd: GradCommand): void {
    if (cmd.type === "simulateCrash") {
      // As gradWorker.ts does it: an uncaught error surfaces as the Worker's "error" event on the page's side.
      later(() => worker.onerror?.(new ErrorEvent("error", { message: "Simulated crash (test hook)", cancelable: true })));
      return;
    }
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
  }
  return worker;
}
