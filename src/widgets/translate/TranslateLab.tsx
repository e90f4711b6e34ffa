// src/widgets/translate/TranslateLab.tsx: the translation lab (#/lab/translate): run bar, settings, test scores,
// the attention matrix of the current example, decoded test examples, states, output distributions, attention vs
// no attention, and a box to decode one's own input.
import { useEffect, useState, type ReactNode } from "react";
import { inLang, useLang, useT, type Lang, type MsgLike } from "../../i18n";
import { CONTROLS, optionLabel } from "../../i18n/controls";
import { TRANSLATE_OPTIONS, TRANSLATE_TEXT } from "../../i18n/translate";
import type { SavedRecord } from "../../store/persist";
import { labelOf } from "../../store/schema";
import type { TranslateSavedRun, TranslateState, TranslateWorkerLike } from "../../store/translateStore";
import { TRANSLATE_SCHEMA, type TranslateKey, type TranslateSettings } from "../../store/translateSettings";
import type { DecodeMetrics, DecodedExample, ExampleView, TranslateModelView } from "../../worker/translate/protocol";
import { LossChart } from "../../viz/LossChart";
import { MatrixHeatmap } from "../../viz/MatrixHeatmap";
import { NumberField, SelectField, ToggleField, type SelectOption } from "../controls";
import { AttentionMatrix, showSymbol } from "./AttentionMatrix";
import { TranslateStoreProvider, useTranslate, useTranslateStore } from "./TranslateStoreProvider";
import { Panel } from "../../embed/EmbedContext";
import "./translate.css";

export interface TranslateLabProps {
  settings: TranslateSettings;
  urlWarnings?: readonly MsgLike[];
  createWorker?: () => TranslateWorkerLike;
  fetchText?: (path: string) => Promise<string>;
  onSettingsChange?: (settings: TranslateSettings) => void;
  locked?: Partial<TranslateSettings>;
  storage?: SavedRecord<TranslateSavedRun> | null;
}

export function TranslateLab({ settings, urlWarnings, createWorker, fetchText, onSettingsChange, locked, storage }: TranslateLabProps) {
  return (
    <TranslateStoreProvider settings={settings} urlWarnings={urlWarnings} createWorker={createWorker} fetchText={fetchText} locked={locked} storage={storage}>
      <LabBody onSettingsChange={onSettingsChange} />
    </TranslateStoreProvider>
  );
}

function LabBody({ onSettingsChange }: { onSettingsChange: ((s: TranslateSettings) => void) | undefined }) {
  const store = useTranslateStore();
  const t = useT(TRANSLATE_TEXT);
  useEffect(() => {
    if (!onSettingsChange) return;
    return store.subscribe((state, prev) => {
      if (state.settings !== prev.settings) onSettingsChange(state.settings);
    });
  }, [store, onSettingsChange]);
  return (
    <section className="tr-widget" aria-label={t("widgetName")}>
      <RunBar />
      <Messages />
      <SavedRunNote />
      <div className="tr-layout">
        <div className="tr-side">
          <SettingsPanel />
        </div>
        <div className="tr-main">
          <Panel id="metrics">
            <MetricsPanel />
          </Panel>
          <Panel id="attention">
            <AttentionPanel />
          </Panel>
          <Panel id="samples">
            <SamplesPanel />
          </Panel>
          <Panel id="compare">
            <ComparePanel />
          </Panel>
          <Panel id="type">
            <TypePanel />
          </Panel>
          <Panel id="distribution">
            <DistributionPanel />
          </Panel>
          <Panel id="states">
            <StatesPanel />
          </Panel>
          <Panel id="loss">
            <LossPanel />
          </Panel>
        </div>
      </div>
    </section>
  );
}

const NO_SAMPLES: readonly DecodedExample[] = [];

const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : "–");

/** "Step 120 · loss 0.0123 · exact match 45.0% greedy, 47.0% beam · 12 steps/s", or what the lab is doing instead. */
export function statusText(t: ReturnType<typeof useT<typeof TRANSLATE_TEXT>>, s: Pick<TranslateState, "status" | "snapshot">): string {
  if (s.status === "starting") return t("starting");
  if (s.status === "loading") return t("loading");
  if (s.status === "restarting") return t("restarting");
  if (s.status === "failed") return t("failedStatus");
  const snap = s.snapshot;
  if (!snap) return t("starting");
  const parts = [t("stepLoss", { step: snap.step, loss: Number.isFinite(snap.main.loss) ? snap.main.loss.toPrecision(3) : "–" })];
  const e = snap.main.eval;
  if (e) parts.push(t("exactBoth", { greedy: pct(e.greedy.exactMatch), beam: pct(e.beam.exactMatch) }));
  if (s.status === "training") parts.push(t("stepsPerSec", { rate: snap.stepsPerSec.toFixed(1) }));
  else parts.push(snap.step === 0 ? t("pressTrain") : t("paused"));
  return parts.join(" · ");
}

function RunBar() {
  const store = useTranslateStore();
  const t = useT(TRANSLATE_TEXT);
  const tc = useT(CONTROLS);
  const status = useTranslate((s) => s.status);
  const text = useTranslate((s) => statusText(t, s));
  const isTraining = status === "training";
  const hasWorker = status === "idle" || status === "training";
  return (
    <div className="tr-runbar">
      <div className="tr-row">
        <button
          type="button"
          className="tr-primary"
          disabled={!hasWorker}
          onClick={() => {
            store.getState().toggleTraining();
          }}
        >
          {isTraining ? tc("pause") : tc("train")}
        </button>
        <button
          type="button"
          disabled={status !== "idle"}
          onClick={() => {
            store.getState().step();
          }}
        >
          {tc("step")}
        </button>
        <button
          type="button"
          disabled={!hasWorker}
          onClick={() => {
            store.getState().reset();
          }}
        >
          {tc("reset")}
        </button>
      </div>
      <p className="tr-status" role="status" aria-live={isTraining ? "off" : "polite"} aria-atomic="true">
        {text}
      </p>
    </div>
  );
}

function Messages() {
  const store = useTranslateStore();
  const t = useT(TRANSLATE_TEXT);
  const urlWarnings = useTranslate((s) => s.urlWarnings);
  const notice = useTranslate((s) => s.notice);
  const error = useTranslate((s) => s.error);
  const mainDiverged = useTranslate((s) => s.snapshot?.main.diverged ?? null);
  const twinDiverged = useTranslate((s) => s.snapshot?.twin?.diverged ?? null);
  const diverged = [mainDiverged, twinDiverged].flatMap((d, k) => (d ? [{ k, ...d }] : []));
  return (
    <>
      {urlWarnings.length > 0 && (
        <div role="alert" className="tr-alert tr-alert-warning">
          <ul>
            {urlWarnings.map((w) => (
              <li key={inLang(w, "en")}>{inLang(w, t.lang)}</li>
            ))}
          </ul>
        </div>
      )}
      {notice && (
        <div role="alert" className="tr-alert tr-alert-info">
          <p>{inLang(notice, t.lang)}</p>
          <button
            type="button"
            onClick={() => {
              store.getState().dismissNotice();
            }}
          >
            {t("dismiss")}
          </button>
        </div>
      )}
      {error && (
        <div role="alert" className="tr-alert tr-alert-danger">
          <p>{inLang(error, t.lang)}</p>
        </div>
      )}
      {diverged.map((d) => (
        <div key={d.k} role="alert" className="tr-alert tr-alert-danger">
          <p>{t("diverged", { which: d.k === 0 ? t("mainModel") : t("twinModel"), step: d.step })}</p>
        </div>
      ))}
    </>
  );
}

function SavedRunNote() {
  const store = useTranslateStore();
  const t = useT(TRANSLATE_TEXT);
  const canPersist = useTranslate((s) => s.canPersist);
  const saved = useTranslate((s) => s.saved);
  if (!canPersist || saved === null) return null;
  return (
    <div className="tr-saved">
      <p>{saved.isRestored ? t("savedRestored", { step: saved.step }) : t("savedStep", { step: saved.step })}</p>
      <button
        type="button"
        onClick={() => {
          void store.getState().forgetSaved();
        }}
      >
        {t("forget")}
      </button>
    </div>
  );
}

function optionText(value: string, lang: Lang): string {
  const own = (TRANSLATE_OPTIONS as Record<string, { en: string; zh: string } | undefined>)[value];
  return own ? own[lang] : optionLabel(value, lang);
}

function SettingControl({ name }: { name: TranslateKey }) {
  const store = useTranslateStore();
  const lang = useLang();
  const value = useTranslate((s) => s.settings[name]);
  const fieldError = useTranslate((s) => s.fieldErrors[name]);
  const error = fieldError === undefined ? undefined : inLang(fieldError, lang);
  const spec = TRANSLATE_SCHEMA[name];
  const label = labelOf(spec, lang);
  const offer = (raw: unknown): boolean => {
    store.getState().setSetting(name, raw);
    return store.getState().fieldErrors[name] === undefined;
  };
  switch (spec.kind) {
    case "enum": {
      const options: SelectOption[] = spec.options.map((o) => ({ value: o, label: optionText(o, lang) }));
      return <SelectField settingKey={name} label={label} value={String(value)} options={options} error={error} onChange={offer} />;
    }
    case "bool":
      return <ToggleField settingKey={name} label={label} checked={value === true} error={error} onChange={offer} />;
    case "int":
    case "number":
      return <NumberField settingKey={name} label={label} value={Number(value)} error={error} onCommit={offer} />;
  }
}

function SettingsPanel() {
  const t = useT(TRANSLATE_TEXT);
  const clip = useTranslate((s) => s.settings.clip);
  return (
    <div className="tr-settings">
      <h2>{t("settingsHeading")}</h2>
      {(["task", "cell", "attention", "embedding", "hidden", "compare", "seed"] as const).map((k) => (
        <SettingControl key={k} name={k} />
      ))}
      <h2>{t("trainingHeading")}</h2>
      {(["teacherForcing", "beam", "optimizer", "lr", "batch", "clip"] as const).map((k) => (
        <SettingControl key={k} name={k} />
      ))}
      {clip && <SettingControl name="clipNorm" />}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="tr-panel" aria-labelledby={`tr-${id}`}>
      <h2 id={`tr-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function MetricRows({ greedy, beam, task }: { greedy: DecodeMetrics; beam: DecodeMetrics; task: string }) {
  const t = useT(TRANSLATE_TEXT);
  const rows: [string, number, number][] = [
    [t("exactMatch"), greedy.exactMatch, beam.exactMatch],
    [t("tokenAccuracy"), greedy.tokenAccuracy, beam.tokenAccuracy],
    [task === "cmudict" ? t("per") : t("cer"), greedy.errorRate, beam.errorRate],
  ];
  return (
    <>
      {rows.map(([name, g, b]) => (
        <tr key={name}>
          <th scope="row">{name}</th>
          <td>{pct(g)}</td>
          <td>{pct(b)}</td>
        </tr>
      ))}
    </>
  );
}

function ModelMetrics({ model, task, beam, caption }: { model: TranslateModelView; task: string; beam: number; caption: string }) {
  const t = useT(TRANSLATE_TEXT);
  const e = model.eval;
  if (!e) return <p className="tr-note">{t("notScored")}</p>;
  return (
    <>
      <table className="tr-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("measure")}</th>
            <th scope="col">{t("greedy")}</th>
            <th scope="col">{t("beamK", { k: beam })}</th>
          </tr>
        </thead>
        <tbody>
          <MetricRows greedy={e.greedy} beam={e.beam} task={task} />
        </tbody>
      </table>
      <p className="tr-note">{t("forced", { acc: pct(e.forcedAccuracy), loss: Number.isFinite(e.testLoss) ? e.testLoss.toFixed(3) : "–" })}</p>
    </>
  );
}

function MetricsPanel() {
  const t = useT(TRANSLATE_TEXT);
  const lang = useLang();
  const snap = useTranslate((s) => s.snapshot);
  const beam = useTranslate((s) => s.settings.beam);
  if (!snap) return null;
  const count = snap.main.eval?.count ?? 0;
  return (
    <Section id="metrics" title={t("metricsHeading")}>
      <p className="tr-note">{t("metricsNote", { count, total: snap.testCount, k: beam })}</p>
      <div className="tr-pair">
        <ModelMetrics model={snap.main} task={snap.task} beam={beam} caption={optionText(snap.main.attention, lang)} />
        {snap.twin && <ModelMetrics model={snap.twin} task={snap.task} beam={beam} caption={optionText(snap.twin.attention, lang)} />}
      </div>
    </Section>
  );
}

function ExampleNav({ view, total }: { view: ExampleView; total: number }) {
  const store = useTranslateStore();
  const t = useT(TRANSLATE_TEXT);
  return (
    <div className="tr-row">
      <button
        type="button"
        disabled={view.index <= 0}
        onClick={() => {
          store.getState().setExample(view.index - 1);
        }}
      >
        {t("previous")}
      </button>
      <span>{t("exampleOf", { n: view.index + 1, total })}</span>
      <button
        type="button"
        disabled={view.index >= total - 1}
        onClick={() => {
          store.getState().setExample(view.index + 1);
        }}
      >
        {t("next")}
      </button>
    </div>
  );
}

function joinerOf(task: string): string {
  return task === "cmudict" ? " " : "";
}

function ExampleLines({ view, task }: { view: ExampleView; task: string }) {
  const t = useT(TRANSLATE_TEXT);
  const j = joinerOf(task);
  const out = view.output.filter((s) => s !== "</s>");
  const isRight = view.reference !== null && out.join("\u0000") === view.reference.join("\u0000");
  return (
    <dl className="tr-lines">
      <dt>{t("input")}</dt>
      <dd>{view.source.join("")}</dd>
      {view.reference && (
        <>
          <dt>{t("reference")}</dt>
          <dd>{view.reference.join(j)}</dd>
        </>
      )}
      <dt>{t("output")}</dt>
      <dd>
        {out.join(j)}
        {view.reference && <span className={isRight ? "tr-right" : "tr-wrong"}> ({isRight ? t("right") : t("wrong")})</span>}
      </dd>
    </dl>
  );
}

function AttentionView({ view, attends }: { view: ExampleView; attends: boolean }) {
  const store = useTranslateStore();
  const t = useT(TRANSLATE_TEXT);
  const hoverRow = useTranslate((s) => s.hoverRow);
  if (!attends) return <p className="tr-note">{t("attentionNone")}</p>;
  return (
    <AttentionMatrix
      weights={view.attention}
      outputs={view.output}
      inputs={[...view.source, "</s>"]}
      hoverRow={hoverRow}
      onHoverRow={(r) => {
        store.getState().setHoverRow(r);
      }}
    />
  );
}

function AttentionPanel() {
  const t = useT(TRANSLATE_TEXT);
  const view = useTranslate((s) => s.snapshot?.example ?? null);
  const total = useTranslate((s) => s.snapshot?.main.eval?.count ?? 0);
  const task = useTranslate((s) => s.snapshot?.task ?? "dates");
  const attends = useTranslate((s) => (s.snapshot?.main.attention ?? "none") !== "none");
  if (!view) return null;
  return (
    <Section id="attention" title={t("attentionHeading")}>
      <ExampleNav view={view} total={total} />
      <ExampleLines view={view} task={task} />
      <AttentionView view={view} attends={attends} />
    </Section>
  );
}

function Hypotheses({ ex, joiner }: { ex: DecodedExample; joiner: string }) {
  const t = useT(TRANSLATE_TEXT);
  return (
    <ol className="tr-hyps">
      {ex.beam.map((h, i) => (
        <li key={i}>
          {h.symbols.join(joiner)} <span className="tr-score">({t("scoreOf", { score: h.score.toFixed(3), finished: h.finished })})</span>
        </li>
      ))}
    </ol>
  );
}

function SamplesPanel() {
  const t = useT(TRANSLATE_TEXT);
  const samples = useTranslate((s) => s.snapshot?.samples ?? NO_SAMPLES);
  const task = useTranslate((s) => s.snapshot?.task ?? "dates");
  const beam = useTranslate((s) => s.settings.beam);
  if (samples.length === 0) return null;
  const j = joinerOf(task);
  return (
    <Section id="samples" title={t("samplesHeading")}>
      <div className="tr-scroll">
        <table className="tr-table">
          <caption>{t("samplesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("input")}</th>
              <th scope="col">{t("reference")}</th>
              <th scope="col">{t("greedy")}</th>
              <th scope="col">{t("beamK", { k: beam })}</th>
            </tr>
          </thead>
          <tbody>
            {samples.map((ex, i) => (
              <tr key={i}>
                <td>{ex.source.join("")}</td>
                <td>{ex.reference?.join(j)}</td>
                <td>
                  {ex.greedy.symbols.join(j)} <span className="tr-score">({t("scoreOf", { score: ex.greedy.score.toFixed(3), finished: ex.greedy.finished })})</span>
                </td>
                <td>
                  <Hypotheses ex={ex} joiner={j} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function lengthLabel(t: ReturnType<typeof useT<typeof TRANSLATE_TEXT>>, from: number, to: number | null): string {
  return to === null || !Number.isFinite(to) ? t("lengthFrom", { from }) : t("lengthRange", { from, to });
}

function ComparePanel() {
  const t = useT(TRANSLATE_TEXT);
  const lang = useLang();
  const snap = useTranslate((s) => s.snapshot);
  if (!snap) return null;
  if (!snap.twin) {
    return (
      <Section id="compare" title={t("compareHeading")}>
        <p className="tr-note">{t("compareOff")}</p>
      </Section>
    );
  }
  const withAtt = snap.main.attention !== "none" ? snap.main : snap.twin;
  const without = snap.main.attention === "none" ? snap.main : snap.twin;
  const a = withAtt.eval?.byLength ?? [];
  const b = without.eval?.byLength ?? [];
  return (
    <Section id="compare" title={t("compareHeading")}>
      <table className="tr-table tr-compare">
        <caption>{t("compareCaption", { step: snap.step })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("lengthCol")}</th>
            <th scope="col">{t("withAttention", { kind: optionText(withAtt.attention, lang) })}</th>
            <th scope="col">{t("withoutAttention")}</th>
          </tr>
        </thead>
        <tbody>
          {a.map((bucket, i) => (
            <tr key={bucket.from}>
              <th scope="row">{lengthLabel(t, bucket.from, Number.isFinite(bucket.to) ? bucket.to : null)}</th>
              <td>
                <Bar value={bucket.exactMatch} text={t("countOf", { pct: pct(bucket.exactMatch), n: bucket.count })} />
              </td>
              <td>
                <Bar value={b[i]?.exactMatch ?? NaN} text={t("countOf", { pct: pct(b[i]?.exactMatch ?? NaN), n: b[i]?.count ?? 0 })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function Bar({ value, text }: { value: number; text: string }) {
  const w = Number.isFinite(value) ? Math.round(100 * value) : 0;
  return (
    <span className="tr-bar">
      <span className="tr-bar-fill" style={{ width: `${w}%` }} aria-hidden="true" />
      <span className="tr-bar-text">{text}</span>
    </span>
  );
}

function TypePanel() {
  const store = useTranslateStore();
  const t = useT(TRANSLATE_TEXT);
  const translation = useTranslate((s) => s.translation);
  const task = useTranslate((s) => s.settings.task);
  const ready = useTranslate((s) => s.snapshot !== null && (s.status === "idle" || s.status === "training"));
  const [text, setText] = useState("");
  const hint = task === "dates" ? t("typeHintDates") : task === "cmudict" ? t("typeHintWord") : t("typeHintToy");
  const j = joinerOf(task);
  return (
    <Section id="type" title={t("typeHeading")}>
      <form
        className="tr-row"
        onSubmit={(e) => {
          e.preventDefault();
          store.getState().translate(text);
        }}
      >
        <label className="tr-field">
          <span>{t("typeLabel")}</span>
          <input type="text" value={text} maxLength={200} aria-describedby="tr-type-hint" onChange={(e) => {
              setText(e.target.value);
            }} />
        </label>
        <button type="submit" disabled={!ready}>
          {t("translateButton")}
        </button>
      </form>
      <p id="tr-type-hint" className="tr-note">
        {hint}
      </p>
      {translation.kind === "pending" && <p className="tr-note">{t("translating")}</p>}
      {translation.kind === "problem" && (
        <p role="alert" className="tr-alert tr-alert-danger">
          {inLang(translation.message, t.lang)}
        </p>
      )}
      {translation.kind === "done" && (
        <div>
          <p className="tr-typed">{t("typedResult", { greedy: translation.result.greedy.symbols.join(j), beam: (translation.result.beam[0]?.symbols ?? []).join(j) })}</p>
          <Hypotheses ex={translation.result} joiner={j} />
          <AttentionView view={translation.view} attends={translation.view.attention.length > 0} />
        </div>
      )}
    </Section>
  );
}

function DistributionPanel() {
  const t = useT(TRANSLATE_TEXT);
  const view = useTranslate((s) => s.snapshot?.example ?? null);
  if (!view || view.top.length === 0) return null;
  return (
    <Section id="distribution" title={t("distributionHeading")}>
      <div className="tr-scroll">
        <table className="tr-table tr-dist">
          <caption>{t("distributionCaption", { k: view.top[0].symbols.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stepCol")}</th>
              <th scope="col">{t("candidates")}</th>
            </tr>
          </thead>
          <tbody>
            {view.top.map((step, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>
                  {step.symbols.map((s, k) => (
                    <span key={k} className="tr-cand">
                      <Bar value={step.probs[k]} text={`${showSymbol(s)} ${step.probs[k].toFixed(2)}`} />
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function StatesPanel() {
  const t = useT(TRANSLATE_TEXT);
  const view = useTranslate((s) => s.snapshot?.example ?? null);
  if (!view) return null;
  const n = view.source.length + 1;
  const steps = view.output.length;
  return (
    <Section id="states" title={t("statesHeading")}>
      <MatrixHeatmap data={view.encoderStates} rows={n} cols={view.H} label={t("encoderStates")} domain={[-1, 1]} />
      <MatrixHeatmap data={view.decoderStates} rows={steps} cols={view.H} label={t("decoderStates")} domain={[-1, 1]} />
    </Section>
  );
}

function LossPanel() {
  const t = useT(TRANSLATE_TEXT);
  const history = useTranslate((s) => s.snapshot?.main.history ?? null);
  if (!history) return null;
  return (
    <Section id="loss" title={t("lossHeading")}>
      <LossChart train={{ step: history.step, loss: history.loss }} title={t("lossChart")} />
    </Section>
  );
}
