// src/store/kit/lifecycle.ts: how every widget's status follows its worker connection (one rule set for all).
import type { MsgLike } from "../../i18n";
import { restartedMsg } from "../../i18n/kit";
import type { ConnectionEvent } from "./connection";

/** The part of a widget's state the connection drives. */
export interface LifecycleState {
  status: string;
  error: MsgLike | null;
  notice: MsgLike | null;
}

type Setter<S> = (partial: Partial<S>) => void;

/**
 * The status a connection event leads to: ready → idle (or training, when a restart resumed it); restarting, with a
 * notice of the step it resumed from; failed, with the reason; a refused command → idle, and before ready → failed.
 */
export function followConnection<S extends LifecycleState>(get: () => S, set: Setter<S>): (event: ConnectionEvent) => void {
  return (event) => {
    const status = get().status;
    switch (event.type) {
      case "ready":
        if (status === "starting" || status === "restarting") set({ status: event.goesOn ? "training" : "idle" } as Partial<S>);
        return;
      case "restarting":
        set({ status: "restarting", notice: restartedMsg(event.why, event.step, event.goesOn) } as Partial<S>);
        return;
      case "failed":
        set({ status: "failed", error: event.error } as Partial<S>);
        return;
      case "error": {
        const next = status === "training" ? "idle" : status === "starting" || status === "restarting" ? "failed" : status;
        set({ error: event.message, status: next } as Partial<S>);
        return;
      }
    }
  };
}

/** The status a snapshot implies: training while it trains, else idle, unless the widget is diverged or failed. */
export function statusAfterSnapshot(isTraining: boolean, status: string): string {
  if (isTraining) return "training";
  return status === "diverged" || status === "failed" ? status : "idle";
}
