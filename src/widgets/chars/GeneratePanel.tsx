// src/widgets/chars/GeneratePanel.tsx: Generate, then walk through the text one character at a time with its candidates.
import { useId, useMemo } from "react";
import { describeSymbol } from "../../data/text";
import { CharProbBars, type CharCandidate } from "../../viz";
import { useChar, useCharStore } from "./CharStoreProvider";

export function GeneratePanel() {
  const store = useCharStore();
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
      out.push({ label: describeSymbol(vocabulary[index] ?? "?"), p: generated.topP[selected * K + k], isChosen: index === generated.indices[selected] });
    }
    return out;
  }, [generated, selected, vocabulary, n]);
  const context = (primeText + chars.slice(0, selected).join("")).slice(-12).replace(/\n/g, "↵");
  return (
    <section className="chars-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Generate, one character at a time</h2>
      <p className="chars-note">
        Uses the temperature, priming text, seed and length above. Then step through the result: at each step the bars show
        the characters the model found most likely, and which one was drawn.
      </p>
      <div className="chars-row">
        <button type="button" className="chars-primary" disabled={!canGenerate} onClick={() => { store.getState().generate(); }}>
          Generate
        </button>
        {isGenerating && <span className="chars-note">Writing…</span>}
      </div>
      {generated && (
        <>
          <section className="chars-sample" aria-label="Generated text">
            <p className="chars-caption">
              {n} characters at temperature {generated.settings.temperature.toFixed(2)}, seed {generated.settings.seed}, by the weights of step{" "}
              {generated.step.toLocaleString("en")}. Click a character to see its step.
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
              Previous character
            </button>
            <input
              type="range"
              min={0}
              max={Math.max(0, n - 1)}
              value={selected}
              aria-label="Step shown"
              aria-valuetext={`step ${selected + 1} of ${n}`}
              onChange={(e) => {
                store.getState().selectStep(Number(e.target.value));
              }}
            />
            <button type="button" disabled={selected >= n - 1} onClick={() => { store.getState().selectStep(selected + 1); }}>
              Next character
            </button>
          </div>
          <CharProbBars candidates={candidates} title={`Step ${selected + 1} of ${n}: after “${context}”, the next character`} />
          {n > 0 && !candidates.some((c) => c.isChosen) && (
            <p className="chars-note">
              Drawn at this step: “{describeSymbol(chars[selected])}”, a less likely character outside the {candidates.length} shown.
            </p>
          )}
        </>
      )}
    </section>
  );
}
