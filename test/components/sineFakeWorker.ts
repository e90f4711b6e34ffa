// test/components/sineFakeWorker.ts: an in-process WorkerLike: the real Trainer behind the same message handling as
// src/worker/worker.ts, with messages and training slices as macrotasks (setTimeout), so tests wait on state.
import type { WorkerLike } from "../../src/store/sineStore";
import { PROTOCOL_VERSION, type Command, type Report } from "../../src/worker/protocol";
import { Trainer, type TrainerHost } from "../../src/worker/trainer";

export interface FakeWorker extends WorkerLike {
  /** Every command the store sent, in order. */
  readonly commands: Command[];
  readonly isTerminated: boolean;
}

/** A factory for createSineStore's createWorker that also remembers every worker it made. */
export function fakeWorkers(): { createWorker: () => FakeWorker; made: FakeWorker[] } {
  const made: FakeWorker[] = [];
  return {
    made,
    createWorker: () => {
      const w = createFakeWorker();
      made.push(w);
      return w;
    },
  };
}

export function createFakeWorker(): FakeWorker {
  let trainer: Trainer | null = null;
  let isTerminated = false;
  const commands: Command[] = [];
  const later = (fn: () => void): void => {
    setTimeout(() => {
      if (!isTerminated) fn();
    }, 0);
  };
  const worker: FakeWorker = {
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
  const post = (report: Report): void => {
    later(() => worker.onmessage?.(new MessageEvent("message", { data: report })));
  };
  const host: TrainerHost = { post, schedule: later, now: () => performance.now() };

  function handle(cmd: Command): void {
    if (cmd.type === "simulateCrash") {
      // As worker.ts does it: an uncaught error surfaces as the Worker's "error" event on the page's side.
      later(() => worker.onerror?.(new ErrorEvent("error", { message: "Simulated crash (test hook)", cancelable: true })));
      return;
    }
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
  }
  return worker;
}
