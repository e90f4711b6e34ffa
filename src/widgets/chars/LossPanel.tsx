// src/widgets/chars/LossPanel.tsx: training and validation loss in bits per character.
import { useT } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { LossChart } from "../../viz";
import { useChar } from "./CharStoreProvider";

export function LossPanel() {
  const t = useT(CHARS);
  const history = useChar((s) => s.snapshot?.history ?? null);
  const empty = new Float64Array(0);
  return (
    <section className="chars-panel" aria-label={t("loss")}>
      <LossChart
        title={t("lossTitle")}
        train={{ step: history?.step ?? empty, loss: history?.train ?? empty }}
        validation={{ step: history?.valStep ?? empty, loss: history?.val ?? empty }}
      />
      <p className="chars-note">{t("lossNote")}</p>
    </section>
  );
}
