// src/worker/workerScope.ts: what every training worker entry shares: its global scope, post, and a slice scheduler.

/** The parts of the worker global the entries use (the DOM and WebWorker libs cannot both be in one program). */
export interface WorkerScope<Cmd, Rep> {
  postMessage(message: Rep, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Cmd>) => void) | null;
  addEventListener(type: "unhandledrejection", listener: (event: PromiseRejectionEvent) => void): void;
}

/** What a trainer needs of its host: post a report, run a slice soon, tell time. */
export interface SliceHost<Rep> {
  post(report: Rep): void;
  schedule(fn: () => void): void;
  now(): number;
}

/**
 * The worker's scope for one protocol, a `post` that transfers the report's buffers, and a host whose `schedule`
 * yields to pending messages through a MessageChannel (no setTimeout 4 ms clamp on nested timers).
 */
export function connectWorker<Cmd, Rep>(transferablesOf: (report: Rep) => ArrayBuffer[]): {
  scope: WorkerScope<Cmd, Rep>;
  post: (report: Rep) => void;
  host: SliceHost<Rep>;
} {
  const scope = self as unknown as WorkerScope<Cmd, Rep>;
  const post = (report: Rep): void => {
    scope.postMessage(report, transferablesOf(report));
  };
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => {
    queue.shift()?.();
  };
  const host: SliceHost<Rep> = {
    post,
    schedule(fn) {
      queue.push(fn);
      channel.port2.postMessage(null);
    },
    now: () => performance.now(),
  };
  return { scope, post, host };
}
