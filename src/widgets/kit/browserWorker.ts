// src/widgets/kit/browserWorker.ts: a real module Worker as the WorkerLike the stores speak to.
import type { WorkerLike } from "../../worker/kit/protocol";

/**
 * Wraps `make()` (which must be `new Worker(new URL("…", import.meta.url), { type: "module" })` written in the
 * widget's own module, so the bundler finds the entry). Throws, with a reason, where there are no Web Workers:
 * the store's connection reports it on the page.
 */
export function browserWorker<Cmd, Rep>(make: () => Worker): WorkerLike<Cmd, Rep> {
  if (typeof Worker === "undefined") {
    const e = new Error("this browser has no Web Workers, which training needs");
    e.name = "NoWorkers";
    throw e;
  }
  const worker = make();
  // A thin adapter rather than a cast: the DOM types the worker's events more narrowly than WorkerLike does.
  const like: WorkerLike<Cmd, Rep> = {
    onmessage: null,
    onerror: null,
    postMessage(command, transfer) {
      worker.postMessage(command, transfer);
    },
    terminate() {
      worker.terminate();
    },
  };
  worker.onmessage = (event: MessageEvent<Rep>) => {
    like.onmessage?.(event);
  };
  worker.onerror = (event) => {
    like.onerror?.(event);
  };
  return like;
}
