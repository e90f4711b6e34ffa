// src/worker/kit/inProcess.ts: a worker in the page's own thread: the same serve() on one end, a WorkerLike on the
// other, every message and slice a macrotask (setTimeout), as with a real worker. Tests drive the real kit with it
// (fake timers make it deterministic), and faults behave as a real worker's would.
import type { FaultKind, WorkerLike } from "./protocol";
import type { WorkerPort } from "./serve";

export interface InProcessWorker<Cmd, Rep> extends WorkerLike<Cmd, Rep> {
  /** Every command the page sent, in order. */
  readonly commands: Cmd[];
  readonly isTerminated: boolean;
  /** True once a "hang" or "exit" fault: the worker answers nothing any more. */
  readonly isSilent: boolean;
}

/** Starts `start` (a widget's serve call) on the worker end of a new pair, and returns the page's end. */
export function inProcessWorker<Cmd, Rep>(start: (port: WorkerPort<Cmd, Rep>) => void): InProcessWorker<Cmd, Rep> {
  let isTerminated = false;
  let isSilent = false;
  const commands: Cmd[] = [];
  let rejectionListener: ((reason: unknown) => void) | null = null;
  const later = (fn: () => void): void => {
    setTimeout(() => {
      if (!isTerminated && !isSilent) fn();
    }, 0);
  };
  const page: InProcessWorker<Cmd, Rep> = {
    onmessage: null,
    onerror: null,
    commands,
    get isTerminated() {
      return isTerminated;
    },
    get isSilent() {
      return isSilent;
    },
    postMessage(command) {
      if (isTerminated) return;
      commands.push(command);
      later(() => port.onmessage?.(new MessageEvent("message", { data: command })));
    },
    terminate() {
      isTerminated = true;
    },
  };
  const port: WorkerPort<Cmd, Rep> = {
    onmessage: null,
    postMessage(report) {
      later(() => page.onmessage?.(new MessageEvent("message", { data: report })));
    },
    onUnhandledRejection(listener) {
      rejectionListener = listener;
    },
    commit(fault: FaultKind) {
      switch (fault) {
        case "throw":
          // What the page sees of an uncaught error in a worker: an "error" event (the worker itself lives on).
          later(() => page.onerror?.(new ErrorEvent("error", { message: "Simulated crash (test hook)", cancelable: true })));
          return;
        case "reject":
          later(() => rejectionListener?.(new Error("Simulated rejection (test hook)")));
          return;
        case "hang":
        case "exit":
          isSilent = true;
          return;
      }
    },
    schedule: later,
    now: () => performance.now(),
  };
  start(port);
  return page;
}
