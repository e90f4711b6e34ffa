// src/widgets/sine/SineCharts.tsx: the playground's charts, drawn from the latest snapshot, with a note under each.
import { useMemo, useState, type ReactNode } from "react";
import { useT } from "../../i18n";
import { SINE } from "../../i18n/sine";
import { useSine, useSineStore } from "./SineStoreProvider";
import { GateHeatmaps, GradNormChart, LossChart, MatrixHeatmap, SeriesChart, StateHeatmap, type GradNormSeries } from "../../viz";
import { SelectField } from "../controls";
import { Panel } from "../../embed/EmbedContext";
import type { Snapshot } from "../../worker/sine/protocol";
import { gateBlocksOf, paramLabel } from "./text";
import { ForecastSection } from "./ForecastSection";

function ChartCard({ children, note, wide = false }: { children: ReactNode; note: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sine-chart sine-chart-wide" : "sine-chart"}>
      {children}
      <p className="sine-chart-note">{note}</p>
    </div>
  );
}

export function SineCharts() {
  const snapshot = useSine((s) => s.snapshot);
  const t = useT(SINE);
  if (!snapshot) {
    return (
      <div className="sine-charts">
        <p className="sine-note">{t("chartsAppear")}</p>
      </div>
    );
  }
  return <ChartsOf snapshot={snapshot} />;
}

function ChartsOf({ snapshot }: { snapshot: Snapshot }) {
  const store = useSineStore();
  const t = useT(SINE);
  const hoverT = useSine((s) => s.hoverT);
  const onHoverT = (t: number | null) => {
    store.getState().setHoverT(t);
  };
  // Which layer and which parameter to look at are choices of view, not settings: they stay out of the URL.
  const [layerChoice, setLayerChoice] = useState(0);
  const [paramChoice, setParamChoice] = useState("rnn.weight_hh_l0");
  const { example, history, trace, params } = snapshot;
  const layer = Math.min(layerChoice, trace.numLayers - 1);
  const param = params.find((p) => p.name === paramChoice) ?? params[0];

  const train = useMemo(() => ({ step: history.step, loss: history.train }), [history]);
  const validation = useMemo(() => ({ step: history.valStep, loss: history.val }), [history]);
  const gates = useMemo(() => Object.fromEntries(Object.entries(trace.gates).map(([name, perLayer]) => [name, perLayer[layer]])), [trace, layer]);
  const norms = useMemo(() => {
    const out: GradNormSeries[] = [{ label: t("normOfLayer", { n: layer + 1, norm: "‖∂L/∂h_t‖" }), values: trace.dhNorm[layer] }];
    if (trace.dcNorm) out.push({ label: t("normOfLayer", { n: layer + 1, norm: "‖∂L/∂c_t‖" }), values: trace.dcNorm[layer] });
    return out;
  }, [trace, layer, t]);

  const rows = param.shape[0];
  const cols = param.shape[1] ?? 1;
  const blocks = gateBlocksOf(param.name, trace.cell, trace.H);
  const layerOptions = Array.from({ length: trace.numLayers }, (_, k) => ({ value: String(k), label: t("layerN", { n: k + 1 }) }));
  const isGated = trace.cell === "lstm" || trace.cell === "gru";

  const forecast = snapshot.forecast;
  return (
    <div className="sine-charts">
      {forecast ? (
        <Panel id="baselines">
          <div className="sine-chart sine-chart-wide">
            <ForecastSection />
          </div>
        </Panel>
      ) : null}
      <Panel id="series">
        <ChartCard
          wide
          note={
            forecast
              ? t("freeRunNote", { p: forecast.p, f: example.freeRun?.length ?? 0 })
              : t("seriesNote", { horizon: example.horizon, hasFreeRun: example.freeRun !== null })
          }
        >
          <SeriesChart
            title={forecast ? t("freeRunTitle") : undefined}
            target={example.target}
            teacherForced={example.teacherForced}
            freeRun={example.freeRun ?? undefined}
            futureTarget={example.futureTarget ?? undefined}
            hoverT={hoverT}
            onHoverT={onHoverT}
          />
        </ChartCard>
      </Panel>
      <Panel id="loss">
        <ChartCard
          wide
          note={t("lossNote")}
        >
          <LossChart train={train} validation={validation} height={170} title={t("lossTitle")} />
        </ChartCard>
      </Panel>

      <Panel id={["state", "gates", "gradients"]}>
        <div className="sine-chart sine-chart-wide sine-chart-controls">
          <SelectField
            label={t("layerShown")}
            value={String(layer)}
            options={layerOptions}
            hint={trace.numLayers > 1 ? t("layerShownHint") : t("oneLayer")}
            disabled={trace.numLayers === 1}
            onChange={(v) => {
              setLayerChoice(Number(v));
            }}
          />
        </div>
      </Panel>
      <Panel id="state">
        <ChartCard note={t("hNote")}>
          <StateHeatmap values={trace.h[layer]} T={trace.T} H={trace.H} label={t("hTitle", { n: layer + 1 })} hoverT={hoverT} onHoverT={onHoverT} />
        </ChartCard>
        {trace.c ? (
          <ChartCard note={t("cNote")}>
            <StateHeatmap values={trace.c[layer]} T={trace.T} H={trace.H} label={t("cTitle", { n: layer + 1 })} hoverT={hoverT} onHoverT={onHoverT} />
          </ChartCard>
        ) : null}
      </Panel>
      <Panel id="gates">
        <ChartCard
          wide
          note={isGated ? t("gatesNote") : t("noGatesNote")}
        >
          {isGated ? (
            <GateHeatmaps gates={gates} T={trace.T} H={trace.H} cell={trace.cell as "lstm" | "gru"} title={t("gatesTitle", { n: layer + 1 })} hoverT={hoverT} onHoverT={onHoverT} />
          ) : (
            <p className="sine-note">{t("noGates")}</p>
          )}
        </ChartCard>
      </Panel>
      <Panel id="gradients">
        <ChartCard
          wide
          note={t("gradNote")}
        >
          <GradNormChart series={norms} title={t("gradTitle", { n: layer + 1 })} hoverT={hoverT} onHoverT={onHoverT} />
        </ChartCard>
      </Panel>

      <Panel id="weights">
        <div className="sine-chart sine-chart-wide sine-chart-controls">
          <SelectField
            label={t("paramShown")}
            value={param.name}
            options={params.map((p) => ({ value: p.name, label: `${paramLabel(t, p.name)} (${p.name}, ${p.shape.join(" × ")})` }))}
            onChange={setParamChoice}
          />
        </div>
        <ChartCard note={t("weightsNote")}>
          <MatrixHeatmap data={param.value} rows={rows} cols={cols} rowBlocks={blocks} label={paramLabel(t, param.name)} />
        </ChartCard>
        <ChartCard note={t("gradMatrixNote")}>
          <MatrixHeatmap data={param.grad} rows={rows} cols={cols} rowBlocks={blocks} label={`∂L/∂${paramLabel(t, param.name)}`} />
        </ChartCard>
      </Panel>
    </div>
  );
}
