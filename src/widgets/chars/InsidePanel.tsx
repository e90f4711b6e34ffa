// src/widgets/chars/InsidePanel.tsx: inside the network over held-out text: one unit colouring the text, the units
// that follow simple features, and every unit and gate as heatmaps.
import { useId, useMemo } from "react";
import { useT, type Translate } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { FEATURES, type FeatureName } from "../../data/text";
import type { ColourBy } from "../../store/charStore";
import { CharText, GATES, GateHeatmaps, StateHeatmap } from "../../viz";
import { NumberField, SelectField, type SelectOption } from "../controls";
import { useChar, useCharStore } from "./CharStoreProvider";
import { inspectSourceText } from "./text";

/** A feature the dictionary names (src/data/text.ts FEATURES); the worker's English label stands in for any other. */
function isFeature(name: string): name is FeatureName {
  return FEATURES.some((f) => f.name === name);
}

/** What each choice of "Colour by" shows: "hidden state h", "forget gate f". */
function colourLabel(t: Translate<typeof CHARS>, by: ColourBy): string {
  return t(`colour_${by}`);
}

/** Sigmoid gates live in [0, 1]; h, tanh candidates in [−1, 1]; c is unbounded. */
function rampOf(by: ColourBy): "diverging" | "sequential" {
  return by === "h" || by === "c" || by === "g" || by === "n" ? "diverging" : "sequential";
}

export function InsidePanel() {
  const store = useCharStore();
  const t = useT(CHARS);
  const inspection = useChar((s) => s.inspection);
  const layer = useChar((s) => s.inspectLayer);
  const unit = useChar((s) => s.inspectUnit);
  const colourBy = useChar((s) => s.colourBy);
  const vocabulary = useChar((s) => s.vocabulary);
  const hoverT = useChar((s) => s.hoverT);
  const id = useId();
  const chars = useMemo(() => (inspection ? Array.from(inspection.ids, (i) => vocabulary[i] ?? "") : []), [inspection, vocabulary]);

  const source = useMemo((): Float64Array | null => {
    if (!inspection) return null;
    if (colourBy === "h") return inspection.h[layer] ?? null;
    if (colourBy === "c") return inspection.c?.[layer] ?? null;
    return inspection.gates[colourBy]?.[layer] ?? null;
  }, [inspection, colourBy, layer]);

  const values = useMemo(() => {
    if (!inspection || !source) return new Float64Array(0);
    const { T, H } = inspection;
    const out = new Float64Array(T);
    for (let t = 0; t < T; t++) out[t] = source[t * H + unit];
    return out;
  }, [inspection, source, unit]);

  const domain = useMemo((): [number, number] | undefined => {
    if (colourBy !== "c") return undefined;
    let m = 0;
    for (const v of values) m = Math.max(m, Math.abs(v));
    return m > 0 ? [-m, m] : [-1, 1];
  }, [colourBy, values]);

  const layerGates = useMemo(() => {
    if (!inspection) return null;
    const out: Record<string, Float64Array> = {};
    for (const [name, perLayer] of Object.entries(inspection.gates)) out[name] = perLayer[layer];
    return out;
  }, [inspection, layer]);

  if (!inspection) {
    return (
      <section className="chars-panel" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t("insideHeading")}</h2>
        <p className="chars-note">{t("insideNotReady")}</p>
      </section>
    );
  }
  const { numLayers, H, cell, T } = inspection;
  const colourOptions: SelectOption[] = (["h", ...(cell === "lstm" ? ["c"] : []), ...Object.keys(inspection.gates)] as ColourBy[]).map((v) => ({
    value: v,
    label: colourLabel(t, v),
  }));
  const layerOptions: SelectOption[] = Array.from({ length: numLayers }, (_, l) => ({ value: String(l), label: t("layerN", { n: l + 1 }) }));
  const onHoverT = (t: number | null) => {
    store.getState().setHoverT(t);
  };
  return (
    <section className="chars-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("insideHeading")}</h2>
      <p className="chars-note">{t("insideNote", { source: inspectSourceText(t, inspection.source), step: inspection.step.toLocaleString("en") })}</p>
      <div className="chars-inside-controls">
        {numLayers > 1 && (
          <SelectField label={t("layer")} value={String(layer)} options={layerOptions} onChange={(v) => { store.getState().setInspectUnit(Number(v), unit); }} />
        )}
        <NumberField
          label={t("unitRange", { max: H - 1 })}
          value={unit}
          onCommit={(raw) => {
            const v = Number(raw);
            if (!Number.isInteger(v) || v < 0 || v >= H) return false;
            store.getState().setInspectUnit(layer, v);
            return true;
          }}
        />
        <SelectField label={t("colourBy")} value={colourBy} options={colourOptions} onChange={(v) => { store.getState().setColourBy(v as ColourBy); }} />
      </div>
      <CharText
        chars={chars}
        values={values}
        ramp={rampOf(colourBy)}
        domain={domain}
        title={t("unitTitle", { layer: layer + 1, unit, what: colourLabel(t, colourBy) })}
        hoverT={hoverT}
        onHoverT={onHoverT}
      />
      <Correlations />
      <StateHeatmap values={inspection.h[layer]} T={T} H={H} label={t("hOverText", { layer: layer + 1, T })} hoverT={hoverT} onHoverT={onHoverT} />
      {(cell === "lstm" || cell === "gru") && layerGates && (
        <GateHeatmaps gates={layerGates} T={T} H={H} cell={cell} title={t("gatesOverText", { layer: layer + 1, names: GATES[cell].map((g) => g.name).join(", ") })} hoverT={hoverT} onHoverT={onHoverT} />
      )}
    </section>
  );
}

function Correlations() {
  const store = useCharStore();
  const t = useT(CHARS);
  const correlations = useChar((s) => s.inspection?.correlations ?? []);
  const numLayers = useChar((s) => s.inspection?.numLayers ?? 1);
  return (
    <table className="chars-corr">
      <caption>{t("correlationsCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("feature")}</th>
          <th scope="col">{t("unitsStrongestFirst")}</th>
        </tr>
      </thead>
      <tbody>
        {correlations.map((f) => (
          <tr key={f.feature}>
            <th scope="row">
              {isFeature(f.feature) ? t(`feature_${f.feature}`) : f.label}
              <span className="chars-corr-meaning">{isFeature(f.feature) ? t(`featureMeaning_${f.feature}`) : f.meaning}</span>
            </th>
            <td>
              {f.units.length === 0 ? (
                <span className="chars-note">{t("featureConstant")}</span>
              ) : (
                f.units.map((u) => (
                  <button
                    key={`${u.layer}-${u.unit}`}
                    type="button"
                    className="chars-unit"
                    onClick={() => {
                      store.getState().setInspectUnit(u.layer, u.unit);
                      store.getState().setColourBy("h");
                    }}
                  >
                    {t("unitCorrelation", { layer: numLayers > 1 ? u.layer + 1 : null, unit: u.unit, r: u.r.toFixed(2) })}
                  </button>
                ))
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
