// src/widgets/classify/ComparePanel.tsx: uni- vs bidirectional, RNN vs LSTM vs GRU, trained on the same data, seed
// and steps, side by side (measured in this browser, in the worker).
import { useT } from "../../i18n";
import { CLASSIFY } from "../../i18n/classify";
import { optionLabel } from "../../i18n/controls";
import { useClassify, useClassifyStore } from "./ClassifyStoreProvider";
import { SettingControl } from "./ClassifyLab";
import { pct } from "./text";

export function ComparePanel() {
  const t = useT(CLASSIFY);
  const store = useClassifyStore();
  const cmp = useClassify((s) => s.compare);
  const status = useClassify((s) => s.status);
  const majority = useClassify((s) => s.snapshot?.majorityTrain ?? NaN);
  const running = cmp !== null && !cmp.done;
  const cells = ["rnn", "lstm", "gru"] as const;
  const row = (cell: string, bi: boolean) => cmp?.rows.find((r) => r.cell === cell && r.bidirectional === bi);
  return (
    <section className="classify-panel" aria-labelledby="classify-compare-h">
      <h2 id="classify-compare-h">{t("compareHeading")}</h2>
      <p className="classify-small">{t("compareIntro")}</p>
      <SettingControl name="compareSteps" />
      <div className="classify-row">
        {running ? (
          <button type="button" onClick={() => { store.getState().cancelCompare(); }}>
            {t("cancelCompare")}
          </button>
        ) : (
          <button type="button" disabled={status !== "idle" && status !== "training"} onClick={() => { store.getState().runCompare(); }}>
            {t("runCompare")}
          </button>
        )}
        {running && cmp.running && (
          <span className="classify-small" aria-live="polite">
            {t("compareRunning", { cell: optionLabel(cmp.running.cell, t.lang), dir: cmp.running.bidirectional ? t("bi") : t("uni"), done: cmp.rows.length })}
          </span>
        )}
      </div>
      {cmp !== null && (
        <table className="classify-table">
          <caption>{t("compareCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cellCol")}</th>
              <th scope="col">{t("uni")}</th>
              <th scope="col">{t("bi")}</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((c) => (
              <tr key={c}>
                <th scope="row">{optionLabel(c, t.lang)}</th>
                {[false, true].map((bi) => {
                  const r = row(c, bi);
                  return <td key={String(bi)}>{r ? t("compareCell", { acc: pct(r.testAccuracy), val: pct(r.validationAccuracy), s: (r.ms / 1000).toFixed(1) }) : "…"}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cmp?.done === true && cmp.rows.length === 6 && <p className="classify-small">{t("compareVerdict", { summary: verdict(cmp.rows), majority: pct(majority) })}</p>}
    </section>
  );
}

function verdict(rows: { cell: string; bidirectional: boolean; testAccuracy: number }[]): string {
  return ["rnn", "lstm", "gru"]
    .map((c) => {
      const u = rows.find((r) => r.cell === c && !r.bidirectional)?.testAccuracy ?? NaN;
      const b = rows.find((r) => r.cell === c && r.bidirectional)?.testAccuracy ?? NaN;
      const d = 100 * (b - u);
      return `${c.toUpperCase()} ${d >= 0 ? "+" : ""}${d.toFixed(1)}`;
    })
    .join(", ");
}
