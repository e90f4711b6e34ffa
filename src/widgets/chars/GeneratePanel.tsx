// src/widgets/chars/GeneratePanel.tsx: Generate, then walk through the text one character at a time with its candidates.
import { useId, useMemo } from "react";
import { useT } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { CharProbBars, type CharCandidate } from "../../viz";
import { useChar, useCharStore } from "./CharStoreProvider";
import { symbolName } from "./text";

export function GeneratePanel() {
  const store = useCharStore();
  const t = useT(CHARS);
  const generated = useChar((s) => s.generated);
  const isGenerating = useChar((s) => s.isGenerating);
  const selected = useChar((s) => s.selectedStep);
  const vocabulary = useChar((s) => s.vocabulary);
  const status = useChar((s) => s.status);
  const primeError = useChar((s) => s.fieldErrors.prime);
  const id = useId();
  const canGenerate = !isGenerating && !primeError && (status === "idle" || status === "training" || status === "diverged");
  const chars = useMemo(() => (generated ? Array.from(generated.indices, (i) => vocabulary[i] ?? "") : []), [generated, vocabulary]);
  const primeText = useMemo(() => (generated ? Array.from(generated.primeIds, (i) => vocabulary[i] ?? "").join("") : ""), [generated, vocabulary]);
  const n = chars.length;
  const candidates = useMemo((): CharCandidate[] => {
    if (!generated || n === 0) return [];
    const K = generated.K;
    const out: CharCandidate[] = [];
    for (let k = 0; k < K; k++) {
      const index = generated.topIndices[selected * K + k];
      out.push({ label: symbolName(t, vocabulary[index] ?? "?"), p: generated.topP[selected * K + k], isChosen: index === generated.indices[selected] });
    }
    return out;
  }, [generated, selected, vocabulary, n, t]);
  const context = (primeText + chars.slice(0, selected).join("")).slice(-12).replace(/\n/g, "↵");
  return (
    <section className="chars-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("generateHeading")}</h2>
      <p className="chars-note">{t("generateNote")}</p>
      <div className="chars-row">
        <button type="button" className="chars-primary" disabled={!canGenerate} onClick={() => { store.getState().generate(); }}>
          {t("generate")}
        </button>
        {isGenerating && <span className="chars-note">{t("writing")}</span>}
      </div>
      {generated && (
        <>
          <section className="chars-sample" aria-label={t("generatedText")}>
            <p className="chars-caption">
              {t("generatedCaption", {
                n: String(n),
                temperature: generated.settings.temperature.toFixed(2),
                seed: String(generated.settings.seed),
                step: generated.step.toLocaleString("en"),
              })}
            </p>
            <pre>
              <span className="chars-prime">{primeText}</span>
              {chars.map((ch, i) => (
                <span
                  key={i}
                  className={i === selected ? "chars-gen chars-gen-selected" : "chars-gen"}
                  onClick={() => {
                    store.getState().selectStep(i);
                  }}
                >
                  {ch}
                </span>
              ))}
            </pre>
          </section>
          <div className="chars-row">
            <button type="button" disabled={selected <= 0} onClick={() => { store.getState().selectStep(selected - 1); }}>
              {t("previousChar")}
            </button>
            <input
              type="range"
              min={0}
              max={Math.max(0, n - 1)}
              value={selected}
              aria-label={t("stepShown")}
              aria-valuetext={t("stepOf", { i: selected + 1, n })}
              onChange={(e) => {
                store.getState().selectStep(Number(e.target.value));
              }}
            />
            <button type="button" disabled={selected >= n - 1} onClick={() => { store.getState().selectStep(selected + 1); }}>
              {t("nextChar")}
            </button>
          </div>
          <CharProbBars candidates={candidates} title={t("candidatesTitle", { i: selected + 1, n, context })} />
          {n > 0 && !candidates.some((c) => c.isChosen) && (
            <p className="chars-note">{t("drawnOutside", { ch: symbolName(t, chars[selected]), k: candidates.length })}</p>
          )}
        </>
      )}
    </section>
  );
}
