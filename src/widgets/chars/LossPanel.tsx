// src/widgets/chars/LossPanel.tsx: training and validation loss in bits per character.
import { LossChart } from "../../viz";
import { useChar } from "./CharStoreProvider";

export function LossPanel() {
  const history = useChar((s) => s.snapshot?.history ?? null);
  const empty = new Float64Array(0);
  return (
    <section className="chars-panel" aria-label="Loss">
      <LossChart
        title="Loss in bits per character (training windows and held-out text)"
        train={{ step: history?.step ?? empty, loss: history?.train ?? empty }}
        validation={{ step: history?.valStep ?? empty, loss: history?.val ?? empty }}
      />
      <p className="chars-note">
        Bits per character: how many yes/no questions the model still needs, on average, to pin down the next character.
        Guessing uniformly over V characters costs log₂ V bits.
      </p>
    </section>
  );
}
