// src/store/kit/pytorch.ts: the page's side of "Export to PyTorch": a request goes to the worker (which holds the
// weights and the optimiser state), and its "pytorch" report settles the promise the button waits on.
import type { PytorchCommand, PytorchReport } from "../../worker/kit/pytorch";

export type { PytorchReport };

export class PytorchRequests {
  private lastId = 0;
  private readonly pending = new Map<number, (report: PytorchReport) => void>();

  /** Sends the request; resolves with the worker's answer (the file, or why there is none). */
  request(send: (cmd: PytorchCommand) => void, cell?: string): Promise<PytorchReport> {
    const requestId = ++this.lastId;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve);
      send(cell === undefined ? { type: "exportPytorch", requestId } : { type: "exportPytorch", requestId, cell });
    });
  }

  /** Hands a "pytorch" report to the request waiting for it (an answer nobody waits for is dropped). */
  settle(report: PytorchReport): void {
    const resolve = this.pending.get(report.requestId);
    if (!resolve) return;
    this.pending.delete(report.requestId);
    resolve(report);
  }
}
