// test/components/charFakes.ts: stand-ins for the character lab's worker and storage in jsdom tests.
import type { CharWorkerLike, LabStorage, SavedLab } from "../../src/store/charStore";
import { CharTrainer } from "../../src/worker/charTrainer";
import type { CharCommand, CharReport } from "../../src/worker/protocol";

/** The real CharTrainer behind a Worker-like object: messages go both ways through macrotasks, as with a worker. */
export function inProcessWorker(): CharWorkerLike {
  let trainer: CharTrainer | null = null;
  let isAlive = true;
  const like: CharWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(cmd: CharCommand) {
      setTimeout(() => {
        if (!isAlive) return;
        if (cmd.type === "init") {
          try {
            trainer = new CharTrainer(host, cmd.setup, cmd.sampling, cmd.resume);
          } catch (e) {
            host.post({ type: "error", code: "setup", message: (e as Error).message });
            return;
          }
          host.post({ type: "ready", version: cmd.version });
          trainer.handle({ type: "pause" });
          return;
        }
        trainer?.handle(cmd);
      });
    },
    terminate() {
      isAlive = false;
    },
  };
  const host = {
    post(report: CharReport) {
      setTimeout(() => {
        if (isAlive) like.onmessage?.({ data: report } as MessageEvent<CharReport>);
      });
    },
    schedule(fn: () => void) {
      setTimeout(() => {
        if (isAlive) fn();
      });
    },
    now: () => performance.now(),
  };
  return like;
}

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

