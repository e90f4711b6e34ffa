// src/widgets/classify/ErrorsPanel.tsx: error analysis on the validation part: the most confident mistakes and the
// accuracy by length. Choosing a mistake shows that example in the views above.
import { useT } from "../../i18n";
import { CLASSIFY } from "../../i18n/classify";
import { useClasses, useClassify, useClassifyStore } from "./ClassifyStoreProvider";
import { pct } from "./text";

export function ErrorsPanel() {
  const t = useT(CLASSIFY);
  const store = useClassifyStore();
  const ev = useClassify((s) => s.snapshot?.validation ?? null);
  const classes = useClasses();
  const target = useClassify((s) => s.target);
  if (!ev) return null;
  return (
    <section className="classify-panel" aria-labelledby="classify-errors-h">
      <h2 id="classify-errors-h">{t("errorsHeading")}</h2>
      <table className="classify-table classify-mistakes">
        <caption>{t("mistakesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("textCol")}</th>
            <th scope="col">{t("goldCol")}</th>
            <th scope="col">{t("predCol")}</th>
            <th scope="col">{t("confCol")}</th>
          </tr>
        </thead>
        <tbody>
          {ev.mistakes.length === 0 && (
            <tr>
              <td colSpan={4}>{t("noMistakes")}</td>
            </tr>
          )}
          {ev.mistakes.map((m) => (
            <tr key={m.index} className={target.kind === "example" && target.index === m.index ? "classify-selected" : undefined}>
              <td>
                <button type="button" className="classify-link" aria-label={t("showExample", { text: m.text.slice(0, 60) })} onClick={() => { store.getState().inspect({ kind: "example", index: m.index }); }}>
                  {m.text.length > 80 ? `${m.text.slice(0, 79)}…` : m.text}
                </button>
              </td>
              <td>{classes[m.gold]}</td>
              <td>{classes[m.predicted]}</td>
              <td>{pct(m.confidence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="classify-table">
        <caption>{t("byLengthCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("lengthCol")}</th>
            <th scope="col">{t("countCol")}</th>
            <th scope="col">{t("accCol")}</th>
          </tr>
        </thead>
        <tbody>
          {ev.byLength
            .filter((b) => b.count > 0)
            .map((b) => (
              <tr key={b.from}>
                <th scope="row">{b.to === null || !Number.isFinite(b.to) ? `${b.from}+` : b.from === b.to ? String(b.from) : `${b.from}–${b.to}`}</th>
                <td>{b.count}</td>
                <td>{pct(b.accuracy)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
