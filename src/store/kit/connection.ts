// src/store/kit/connection.ts: the page's side of a training worker, the same for every widget: spawn, a watchdog
// that pings while idle and waits out announced long steps, restart from the latest checkpoint (training goes on if
// it was on), a crash budget, and errors as codes worded in both languages.
import { msgOf, msgPer, untranslated, type Msg } from "../../i18n";
import { KIT, problemMsg } from "../../i18n/kit";
import type { ErrorCode, FaultKind, KitCommand, KitReport, Problem, WorkerLike } from "../../worker/kit/protocol";

/** No message for this long (ping unanswered, no announced long step) means the worker is dead or hung. */
export const WATCHDOG_MS = 4000;
/** Before "ready", a worker may be compiling kernels and building a large network: it gets this long. */
export const STARTUP_MS = 20_000;
/** The watchdog looks this often; an idle worker is pinged when it has been quiet this long. */
export const TICK_MS = 1000;
/** More crashes than this within CRASH_WINDOW_MS and the connection stops restarting. */
export const MAX_CRASHES = 3;
export const CRASH_WINDOW_MS = 60_000;

export type ConnectionEvent =
  /** The worker is ready; `goesOn` when it was restarted mid-training and training was resumed. */
  | { type: "ready"; goesOn: boolean }
  /** The worker stopped and a new one is starting from the latest checkpoint (step 0 without one). */
  | { type: "restarting"; why: Msg; step: number; goesOn: boolean }
  /** No worker: it could not be created, or crashed too often. */
  | { type: "failed"; error: Msg }
  /** The worker refused something or failed at it; it lives on. */
  | { type: "error"; code: ErrorCode; problem: Problem; message: Msg };

export interface ConnectionOptions<Cmd, Rep, Resume extends { step: number }> {
  createWorker: () => WorkerLike<Cmd | KitCommand, Rep | KitReport>;
  /** The init command for a new worker, resuming from `resume` when given. */
  init(resume: Resume | undefined): Cmd;
  /** The newest state a restarted worker should resume from. */
  latest(): Resume | undefined;
  /** Whether the page considers the worker to be training (to go on after a restart). */
  isTraining(): boolean;
  /** The widget's own reports (every report also feeds the watchdog). */
  onReport(report: Rep): void;
  onEvent(event: ConnectionEvent): void;
  now?: () => number;
  /** Runs `fn` every `ms` until the returned function is called (setInterval by default; tests may drive it). */
  every?: (ms: number, fn: () => void) => () => void;
}

export interface Connection<Cmd, R> {
  /** Spawns the worker (no-op when one runs). */
  start(resume?: R): void;
  send(cmd: Cmd | KitCommand): void;
  /** Stops the worker and the watchdog; start() may follow. */
  stop(): void;
  readonly isRunning: boolean;
  /** Test hook: make the worker fail in one of the ways a real one can. */
  fault(kind: FaultKind): void;
  /** Runs the watchdog's check now (what the timer does every TICK_MS). */
  check(): void;
}
const defaultEvery = (ms: number, fn: () => void): (() => void) => {
  const id = setInterval(fn, ms);
  return () => {
    clearInterval(id);
  };
};

export function createConnection<Cmd, Rep extends { type: string }, R extends { step: number }>(o: ConnectionOptions<Cmd, Rep, R>): Connection<Cmd, R> {
  const now = o.now ?? (() => Date.now());
  const every = o.every ?? defaultEvery;
  let worker: WorkerLike<Cmd | KitCommand, Rep | KitReport> | null = null;
  let stopTimer: (() => void) | null = null;
  let isReady = false;
  let lastMessageAt = now();
  let lastPingAt = -Infinity;
  let lastCheckAt = now();
  /** How long the worker said its current work may take ("busy"), 0 when it said nothing. */
  let busyMs = 0;
  let crashTimes: number[] = [];
  /** Set by a restart mid-training: the new worker trains on as soon as it is ready. */
  let shouldGoOn = false;

  const spawn = (resume: R | undefined): void => {
    let w: WorkerLike<Cmd | KitCommand, Rep | KitReport>;
    try {
      w = o.createWorker();
    } catch (e) {
      // No Worker support (an old browser, a locked-down embed) or a blocked script: say so instead of throwing.
      worker = null;
      const why = e instanceof Error && e.name === "NoWorkers" ? msgOf(KIT, "noWorkers") : untranslated(e instanceof Error && e.message ? e.message.slice(0, 300) : String(e));
      o.onEvent({ type: "failed", error: msgPer(KIT, "couldNotStart", (lang) => ({ why: why[lang] })) });
      return;
    }
    worker = w;
    isReady = false;
    busyMs = 0;
    lastMessageAt = now();
    w.onmessage = (event) => {
      if (worker === w) onMessage(event.data);
    };
    w.onerror = (event) => {
      if (worker !== w) return;
      event.preventDefault();
      restart(event instanceof ErrorEvent && event.message ? untranslated(event.message.slice(0, 300)) : msgOf(KIT, "workerStopped"));
    };
    w.postMessage(o.init(resume), []);
  };

  const onMessage = (report: Rep | KitReport): void => {
    lastMessageAt = now();
    busyMs = 0;
    switch (report.type) {
      case "pong":
        return;
      case "busy":
        busyMs = (report as Extract<KitReport, { type: "busy" }>).expectedMs;
        return;
      case "ready": {
        isReady = true;
        const goesOn = shouldGoOn;
        shouldGoOn = false;
        o.onEvent({ type: "ready", goesOn });
        if (goesOn) worker?.postMessage({ type: "train" }, []);
        return;
      }
      case "error": {
        const e = report as Extract<KitReport, { type: "error" }>;
        if (e.code === "crash") {
          restart(problemMsg(e.problem));
          return;
        }
        o.onEvent({ type: "error", code: e.code, problem: e.problem, message: problemMsg(e.problem) });
        return;
      }
      default:
        o.onReport(report as Rep);
    }
  };

  const restart = (why: Msg): void => {
    const t = now();
    crashTimes = [...crashTimes.filter((c) => t - c < CRASH_WINDOW_MS), t];
    worker?.terminate();
    worker = null;
    if (crashTimes.length > MAX_CRASHES) {
      stopTimer?.();
      stopTimer = null;
      o.onEvent({ type: "failed", error: msgPer(KIT, "crashedTooOften", (lang) => ({ n: crashTimes.length, why: why[lang] })) });
      return;
    }
    const resume = o.latest();
    shouldGoOn = shouldGoOn || o.isTraining();
    o.onEvent({ type: "restarting", why, step: resume?.step ?? 0, goesOn: shouldGoOn });
    spawn(resume);
  };

  const check = (): void => {
    const t = now();
    const sinceCheck = t - lastCheckAt;
    lastCheckAt = t;
    if (!worker) return;
    // A late tick means the page itself was blocked (a long render, a throttled tab): what it saw of the worker
    // meanwhile proves nothing, so the worker gets a fresh window rather than a verdict.
    if (sinceCheck > 2 * TICK_MS) {
      lastMessageAt = Math.max(lastMessageAt, t - TICK_MS);
      return;
    }
    const quiet = t - lastMessageAt;
    const limit = isReady ? Math.max(WATCHDOG_MS, busyMs) : STARTUP_MS;
    if (quiet > limit) {
      restart(msgOf(KIT, "noAnswer", { s: Math.round(quiet / 1000) }));
      return;
    }
    // An idle worker says nothing: ask, so a dead one is noticed within WATCHDOG_MS whatever the page is doing.
    if (isReady && quiet >= TICK_MS && t - lastPingAt >= TICK_MS) {
      lastPingAt = t;
      worker.postMessage({ type: "ping" }, []);
    }
  };

  return {
    start(resume) {
      if (worker) return;
      crashTimes = [];
      shouldGoOn = false;
      spawn(resume);
      lastCheckAt = now();
      stopTimer ??= every(TICK_MS, check);
    },
    send(cmd) {
      worker?.postMessage(cmd, []);
    },
    stop() {
      stopTimer?.();
      stopTimer = null;
      worker?.terminate();
      worker = null;
      isReady = false;
    },
    get isRunning() {
      return worker !== null;
    },
    fault(kind) {
      worker?.postMessage({ type: "fault", fault: kind }, []);
    },
    check,
  };
}
