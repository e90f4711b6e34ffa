// src/worker/kit/serve.ts: the worker side of every training widget: versioned init, commands to the trainer,
// liveness, crash reports and test faults. A widget's worker entry is one call: serve(workerPort(), { … }).
import { errorReport, type FaultKind, type KitCommand, type KitReport } from "./protocol";
import type { SliceHost } from "./loop";

/** The worker's end of the connection: the worker global in a browser, one end of an in-process pair in tests. */
export interface WorkerPort<Cmd, Rep> {
  postMessage(message: Rep, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Cmd>) => void) | null;
  onUnhandledRejection(listener: (reason: unknown) => void): void;
  /** Commits a fault the way a real worker fails (an uncaught throw, a rejected promise, a hang, an exit). */
  commit(fault: FaultKind): void;
  /** Runs `fn` after pending messages. */
  schedule(fn: () => void): void;
  now(): number;
}

/** What serve() needs of a trainer once built. */
export interface ServedTrainer<Cmd> {
  /** Handles one command; reports its own errors, never throws. */
  handle(cmd: Cmd): void;
  /** Posts what the page needs right after "ready" (the first snapshot, and so on). */
  begin(): void;
}

type InitCommand = { type: "init"; version: number };
type AnyCommand = { type: string };

export interface ServeSpec<Cmd extends AnyCommand, Rep, Init extends Cmd & InitCommand> {
  version: number;
  transferablesOf(report: Rep): ArrayBuffer[];
  /** Builds the trainer (throws to refuse the setup: reported as a "setup" error, and the worker waits for another). */
  create(host: SliceHost<Rep | KitReport>, init: Init): ServedTrainer<Cmd>;
  /** After a refused init, a command that may build the trainer instead (a reset with a new setup): its init, or null. */
  initFrom?(cmd: Cmd, lastInit: Init): Init | null;
  /** Resolves when the engine's kernels are ready (WebAssembly compiled). */
  ready?: Promise<unknown>;
}

function isInit(cmd: AnyCommand): cmd is InitCommand {
  return cmd.type === "init";
}

/** Serves one trainer over `port`. Returns nothing: the port's onmessage is the only way in. */
export function serve<Cmd extends AnyCommand, Rep extends { type: string }, Init extends Cmd & InitCommand>(
  port: WorkerPort<Cmd | KitCommand, Rep | KitReport>,
  spec: ServeSpec<Cmd, Rep, Init>,
): void {
  const post = (report: Rep | KitReport): void => {
    port.postMessage(report, report.type === "error" || report.type === "pong" || report.type === "ready" || report.type === "busy" ? [] : spec.transferablesOf(report as Rep));
  };
  const host: SliceHost<Rep | KitReport> = {
    post,
    schedule: (fn) => {
      port.schedule(fn);
    },
    now: () => port.now(),
  };
  let trainer: ServedTrainer<Cmd> | null = null;
  let lastInit: Init | null = null;
  const ready = spec.ready ?? Promise.resolve();

  const build = (init: Init): void => {
    try {
      trainer = spec.create(host, init);
    } catch (e) {
      post(errorReport(e, true));
      return;
    }
    post({ type: "ready", version: spec.version });
    trainer.begin();
  };

  const handle = (cmd: Cmd | KitCommand): void => {
    if (cmd.type === "ping") {
      post({ type: "pong" });
      return;
    }
    if (isInit(cmd)) {
      if (cmd.version !== spec.version) {
        post({ type: "error", code: "version", problem: { key: "version", page: cmd.version, worker: spec.version } });
        return;
      }
      lastInit = cmd as Init;
      if (!trainer) {
        build(lastInit);
        return;
      }
    }
    if (!trainer && lastInit && spec.initFrom) {
      const init = spec.initFrom(cmd as Cmd, lastInit);
      if (init) {
        build(init);
        return;
      }
    }
    if (!trainer) {
      post({ type: "error", code: "internal", problem: { key: "beforeInit", command: cmd.type.slice(0, 40) } });
      return;
    }
    trainer.handle(cmd as Cmd);
  };

  port.onmessage = (event) => {
    const cmd = event.data;
    if (cmd.type === "fault") {
      port.commit((cmd as Extract<KitCommand, { type: "fault" }>).fault);
      return;
    }
    void ready.then(() => {
      try {
        handle(cmd);
      } catch (e) {
        post(errorReport(e));
      }
    });
  };

  port.onUnhandledRejection((reason) => {
    post({ type: "error", code: "crash", problem: { key: "crash", detail: reason instanceof Error ? reason.message : String(reason) } });
  });
}

/** The parts of the worker global serve() uses (the DOM and WebWorker libs cannot both be in one program). */
interface WorkerGlobal {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  addEventListener(type: "unhandledrejection", listener: (event: PromiseRejectionEvent) => void): void;
  close(): void;
}

/**
 * The real worker's port: its global scope, and a scheduler that yields to pending messages through a
 * MessageChannel (no setTimeout 4 ms clamp on nested timers).
 */
export function workerPort<Cmd, Rep>(): WorkerPort<Cmd, Rep> {
  const scope = self as unknown as WorkerGlobal;
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => {
    queue.shift()?.();
  };
  return {
    postMessage: (message, transfer) => {
      scope.postMessage(message, transfer);
    },
    get onmessage() {
      return scope.onmessage as ((event: MessageEvent<Cmd>) => void) | null;
    },
    set onmessage(fn) {
      scope.onmessage = fn as ((event: MessageEvent) => void) | null;
    },
    onUnhandledRejection(listener) {
      scope.addEventListener("unhandledrejection", (event) => {
        listener(event.reason);
      });
    },
    commit(fault) {
      switch (fault) {
        case "throw":
          // Thrown from a task of its own, as an uncaught bug would be: the page sees the worker's "error" event.
          setTimeout(() => {
            throw new Error("Simulated crash (test hook)");
          });
          return;
        case "reject":
          void Promise.reject(new Error("Simulated rejection (test hook)"));
          return;
        case "hang":
          setTimeout(() => {
            for (;;) {
              // Busy forever, as an endless loop in a bug would be: no message ever leaves again.
            }
          });
          return;
        case "exit":
          scope.close();
          return;
      }
    },
    schedule(fn) {
      queue.push(fn);
      channel.port2.postMessage(null);
    },
    now: () => performance.now(),
  };
}
