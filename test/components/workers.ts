// test/components/workers.ts: the widgets' real workers in-process (the kit's serve() on one end of an in-process
// pair; src/worker/kit/inProcess.ts), and an in-memory saved-lab record. No hand-written fakes of the worker.
import { inProcessWorker, type InProcessWorker } from "../../src/worker/kit/inProcess";
import { serve, type ServeSpec } from "../../src/worker/kit/serve";
import type { KitCommand, KitReport } from "../../src/worker/kit/protocol";
import { startSine } from "../../src/worker/sine/serve";
import { startChars } from "../../src/worker/chars/serve";
import { startGradients } from "../../src/worker/gradients/serve";
import type { Command, Report } from "../../src/worker/sine/protocol";
import type { CharCommand, CharReport } from "../../src/worker/chars/protocol";
import type { GradCommand, GradReport } from "../../src/worker/gradients/protocol";
import type { LabStorage, SavedLab } from "../../src/store/charStore";

/** One in-process worker serving `spec`. */
export function workerOf<Cmd extends { type: string }, Rep extends { type: string }, Init extends Cmd & { type: "init"; version: number }>(
  spec: ServeSpec<Cmd, Rep, Init>,
): InProcessWorker<Cmd, Rep> {
  return inProcessWorker<Cmd, Rep>((port) => {
    serve<Cmd, Rep, Init>(port as never, spec);
  });
}

/** A createWorker for a store that also remembers every worker it made. */
export function workersOf<Cmd extends { type: string }, Rep extends { type: string }, Init extends Cmd & { type: "init"; version: number }>(
  spec: ServeSpec<Cmd, Rep, Init>,
): { createWorker: () => InProcessWorker<Cmd, Rep>; made: InProcessWorker<Cmd, Rep>[] } {
  const made: InProcessWorker<Cmd, Rep>[] = [];
  return {
    made,
    createWorker: () => {
      const w = workerOf(spec);
      made.push(w);
      return w;
    },
  };
}

export type SineWorker = InProcessWorker<Command | KitCommand, Report | KitReport>;
export const fakeWorkers = () => workersOf(startSine);
export const createFakeWorker = () => workerOf(startSine);
export const fakeGradWorkers = () => workersOf(startGradients);
export const inProcessCharWorker = () => workerOf(startChars);
export const charWorkers = () => workersOf(startChars);
export type { CharCommand, CharReport, GradCommand, GradReport };

export function memoryStorage(): LabStorage & { saved: SavedLab | null } {
  const s = {
    saved: null as SavedLab | null,
    load: () => Promise.resolve(s.saved),
    save: (lab: SavedLab) => {
      s.saved = structuredClone(lab);
      return Promise.resolve();
    },
    clear: () => {
      s.saved = null;
      return Promise.resolve();
    },
  };
  return s;
}
