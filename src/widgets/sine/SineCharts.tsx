// src/widgets/sine/SineCharts.tsx: the playground's charts, drawn from the latest snapshot, with a note under each.
import { useMemo, useState, type ReactNode } from "react";
import { useSine, useSineStore } from "../../store/WidgetStoreProvider";
import { GateHeatmaps, GradNormChart, LossChart, MatrixHeatmap, SeriesChart, StateHeatmap, type GradNormSeries } from "../../viz";
import { SelectField } from "../controls";
import type { Snapshot } from "../../worker/protocol";
import { gateBlocksOf, paramLabel } from "./text";

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
  if (!snapshot) {
    return (
      <div className="sine-charts">
        <p className="sine-note">The charts appear once the network is built.</p>
      </div>
    );
  }
  return <ChartsOf snapshot={snapshot} />;
}

function ChartsOf({ snapshot }: { snapshot: Snapshot }) {
  const store = useSineStore();
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
    const out: GradNormSeries[] = [{ label: `layer ${layer + 1} ‖∂L/∂h_t‖`, values: trace.dhNorm[layer] }];
    if (trace.dcNorm) out.push({ label: `layer ${layer + 1} ‖∂L/∂c_t‖`, values: trace.dcNorm[layer] });
    return out;
  }, [trace, layer]);

  const rows = param.shape[0];
  const cols = param.shape[1] ?? 1;
  const blocks = gateBlocksOf(param.name, trace.cell, trace.H);
  const layerOptions = Array.from({ length: trace.numLayers }, (_, k) => ({ value: String(k), label: `Layer ${k + 1}` }));
  const isGated = trace.cell === "lstm" || trace.cell === "gru";

  return (
    <div className="sine-charts">
      <ChartCard
        wide
        note={
          <>
            The target is the true series, {example.horizon === 1 ? "one step" : `${example.horizon} steps`} ahead of each input. The
            teacher-forced line predicts each step from the true values before it. Right of the divider the network is fed its own
            predictions (free-running): watch it follow the wave early in training, and drift from it later in the run.
            {example.freeRun ? "" : " Free-running is shown for horizon 1 only."}
          </>
        }
      >
        <SeriesChart
          target={example.target}
          teacherForced={example.teacherForced}
          freeRun={example.freeRun ?? undefined}
          futureTarget={example.futureTarget ?? undefined}
          hoverT={hoverT}
          onHoverT={onHoverT}
        />
      </ChartCard>
      <ChartCard
        wide
        note="Mean squared error per optimiser step, on a log scale. Both lines falling together means the network is learning the
          pattern; validation rising while training keeps falling means it is memorising the training sequences."
      >
        <LossChart train={train} validation={validation} height={170} title="Training and validation loss" />
      </ChartCard>

      <div className="sine-chart sine-chart-wide sine-chart-controls">
        <SelectField
          label="Layer shown"
          value={String(layer)}
          options={layerOptions}
          hint={trace.numLayers > 1 ? "For the hidden state, gates and gradients below." : "The network has one layer."}
          disabled={trace.numLayers === 1}
          onChange={(v) => {
            setLayerChoice(Number(v));
          }}
        />
      </div>
      <ChartCard note="Each row is a hidden unit, each column a timestep of the example above. Look for units that swing with the wave (a clock) and units that settle to a level (a memory).">
        <StateHeatmap values={trace.h[layer]} T={trace.T} H={trace.H} label={`Hidden state h, layer ${layer + 1}`} hoverT={hoverT} onHoverT={onHoverT} />
      </ChartCard>
      {trace.c ? (
        <ChartCard note="The LSTM's cell state c: the memory the forget and input gates edit. It is not squashed, so it can grow beyond ±1 where h cannot.">
          <StateHeatmap values={trace.c[layer]} T={trace.T} H={trace.H} label={`Cell state c, layer ${layer + 1}`} hoverT={hoverT} onHoverT={onHoverT} />
        </ChartCard>
      ) : null}
      <ChartCard
        wide
        note={
          isGated
            ? "Gate activations per unit and timestep. A sigmoid gate near 1 (yellow) lets its signal through, near 0 (dark purple) shuts it: see which gates stay open to carry memory across the sequence."
            : "A plain RNN has no gates: its state is rewritten through tanh at every step. Choose LSTM or GRU to see gates."
        }
      >
        {isGated ? (
          <GateHeatmaps gates={gates} T={trace.T} H={trace.H} cell={trace.cell as "lstm" | "gru"} title={`Gate activations, layer ${layer + 1}`} hoverT={hoverT} onHoverT={onHoverT} />
        ) : (
          <p className="sine-note">No gates in a plain RNN.</p>
        )}
      </ChartCard>
      <ChartCard
        wide
        note="How strongly the loss depends on the state at each timestep (log scale). A line falling steeply towards t = 0 is a vanishing gradient: early inputs barely change the weights. A rising one explodes; clipping caps it."
      >
        <GradNormChart series={norms} title={`Gradient norms per timestep, layer ${layer + 1}`} hoverT={hoverT} onHoverT={onHoverT} />
      </ChartCard>

      <div className="sine-chart sine-chart-wide sine-chart-controls">
        <SelectField
          label="Parameter shown"
          value={param.name}
          options={params.map((p) => ({ value: p.name, label: `${paramLabel(p.name)} (${p.name}, ${p.shape.join(" × ")})` }))}
          onChange={setParamChoice}
        />
      </div>
      <ChartCard note="The weights, one cell per entry, gate blocks stacked as in PyTorch. Red is positive, blue negative, white zero; watch structure appear as training goes on.">
        <MatrixHeatmap data={param.value} rows={rows} cols={cols} rowBlocks={blocks} label={paramLabel(param.name)} />
      </ChartCard>
      <ChartCard note="∂L/∂θ of the last training step, before clipping: where the next update will push. Large blocks show which gate is learning now.">
        <MatrixHeatmap data={param.grad} rows={rows} cols={cols} rowBlocks={blocks} label={`∂L/∂${paramLabel(param.name)}`} />
      </ChartCard>
    </div>
  );
}
