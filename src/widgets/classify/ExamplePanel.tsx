// src/widgets/classify/ExamplePanel.tsx: the example under the cursor: each token coloured by the model's belief
// after reading up to it, the saliency of each token, the last layer's hidden state and gates over the text; and a
// box where the learner types a text of their own, classified as they type.
import { useEffect, useId, useState } from "react";
import { useT } from "../../i18n";
import { CLASSIFY } from "../../i18n/classify";
import { StateHeatmap } from "../../viz/StateHeatmap";
import { useClasses, useClassify, useClassifyStore } from "./ClassifyStoreProvider";
import { pct } from "./text";

/** One hue per class (Okabe–Ito), the belief's strength as its opacity. */
const CLASS_RGB = ["0,114,178", "213,94,0", "0,158,115", "204,121,167", "230,159,0", "86,180,233", "240,228,66", "120,120,120", "150,75,0", "0,0,0"];

export function classColor(c: number, strength: number): string {
  return `rgba(${CLASS_RGB[c % CLASS_RGB.length]},${Math.max(0, Math.min(1, strength)).toFixed(2)})`;
}

/** How shown a token is: " " and "\n" get a visible sign. */
function shown(tok: string, isWord: boolean): string {
  if (tok === "\n") return "⏎";
  return isWord ? `${tok} ` : tok;
}

export function ExamplePanel() {
  const t = useT(CLASSIFY);
  const store = useClassifyStore();
  const ins = useClassify((s) => s.inspection);
  const classes = useClasses();
  const isWord = useClassify((s) => s.settings.tokens === "word");
  const [hoverT, setHoverT] = useState<number | null>(null);
  const [own, setOwn] = useState("");
  const ownId = useId();
  // Classified as the learner types: a short pause first, so a burst of keys sends one request.
  useEffect(() => {
    if (own.trim() === "") return;
    const id = setTimeout(() => {
      store.getState().inspect({ kind: "text", text: own });
    }, 150);
    return () => {
      clearTimeout(id);
    };
  }, [own, store]);
  const C = classes.length;
  const maxSal = ins ? Math.max(1e-12, ...ins.saliency) : 1;
  return (
    <section className="classify-panel" aria-labelledby="classify-example-h">
      <h2 id="classify-example-h">{t("exampleHeading")}</h2>
      <label htmlFor={ownId}>{t("ownTextLabel")}</label>
      <input id={ownId} type="text" className="classify-own" value={own} maxLength={2000} onChange={(e) => { setOwn(e.target.value); }} />
      {ins && (
        <>
          <p className="classify-verdict" aria-live="polite">
            {t("verdict", { c: classes[ins.predicted] ?? "?", p: pct(ins.probabilities[ins.predicted]) })}
            {ins.gold !== null && ` ${t("goldIs", { c: classes[ins.gold] ?? "?" })}`}
            {ins.target.kind === "text" && ` ${t("ownTextNote")}`}
            {ins.truncated && ` ${t("truncatedNote")}`}
          </p>
          <figure className="classify-figure">
            <figcaption>{t("beliefCaption")}</figcaption>
            <p className="classify-tokens" aria-label={t("beliefAria", { n: ins.T })}>
              {ins.tokens.map((tok, i) => {
                const off = i * C;
                let best = 0;
                for (let c = 1; c < C; c++) if (ins.belief[off + c] > ins.belief[off + best]) best = c;
                const p = ins.belief[off + best];
                // Strength: how far from undecided (1/C) the belief is.
                const strength = C > 1 ? (p - 1 / C) / (1 - 1 / C) : 0;
                return (
                  <span
                    key={i}
                    className={hoverT === i ? "classify-tok classify-tok-hover" : "classify-tok"}
                    style={{ background: classColor(best, 0.15 + 0.75 * strength) }}
                    title={t("tokTitle", { tok, c: classes[best] ?? "?", p: pct(p) })}
                    onMouseEnter={() => { setHoverT(i); }}
                    onMouseLeave={() => { setHoverT(null); }}
                  >
                    {shown(tok, isWord)}
                  </span>
                );
              })}
            </p>
            <p className="classify-legend">
              {classes.map((c, i) => (
                <span key={c} className="classify-key" style={{ background: classColor(i, 0.6) }}>
                  {c}
                </span>
              ))}
            </p>
          </figure>
          <figure className="classify-figure">
            <figcaption>{t("saliencyCaption", { c: classes[ins.predicted] ?? "?" })}</figcaption>
            <p className="classify-tokens" aria-label={t("saliencyAria", { tok: topTokens(ins.tokens, ins.saliency, 3).join(", ") })}>
              {ins.tokens.map((tok, i) => (
                <span
                  key={i}
                  className="classify-tok"
                  style={{ background: `rgba(${ins.gradTimesInput[i] >= 0 ? "0,158,115" : "204,121,167"},${(0.08 + 0.85 * (ins.saliency[i] / maxSal)).toFixed(2)})` }}
                  title={t("salTitle", { tok, g: ins.saliency[i].toPrecision(3), gi: ins.gradTimesInput[i].toPrecision(3) })}
                >
                  {shown(tok, isWord)}
                </span>
              ))}
            </p>
            <p className="classify-small">{t("saliencyNote")}</p>
          </figure>
          <StateHeatmap values={ins.h} T={ins.T} H={ins.H} label={t("hiddenLabel")} hoverT={hoverT} onHoverT={setHoverT} plotHeight={Math.min(160, 4 * ins.H + 20)} />
          {Object.entries(ins.gates).map(([name, values]) => (
            <StateHeatmap key={name} values={values} T={ins.T} H={ins.H} label={t("gateLabel", { g: name })} domain={name === "g" || name === "n" ? [-1, 1] : [0, 1]} hoverT={hoverT} onHoverT={setHoverT} plotHeight={Math.min(120, 3 * ins.H + 20)} />
          ))}
          {Object.keys(ins.gates).length === 0 && <p className="classify-small">{t("noGates")}</p>}
        </>
      )}
    </section>
  );
}

function topTokens(tokens: readonly string[], s: Float64Array, k: number): string[] {
  return Array.from(s.keys())
    .sort((a, b) => s[b] - s[a])
    .slice(0, k)
    .map((i) => JSON.stringify(tokens[i]));
}
