// src/widgets/speech/SpeechLab.tsx: the speech lab (#/lab/speech): train a GRU / LSTM / tanh-RNN on spoken words,
// look inside one example frame by frame, record your own words, and "Listen" live.
import { useEffect, useMemo, useState } from "react";
import { inLang, useLang, useT } from "../../i18n";
import { SPEECH } from "../../i18n/speech";
import { FRAME_SIZE, FRAMES_PER_SECOND, MEL_BANDS, SAMPLE_RATE } from "../../audio/features";
import { LossChart, MatrixHeatmap, StateHeatmap } from "../../viz";
import type { CellType, OptimizerKind } from "../../engine";
import { SPEECH_RANGES, type SpeechSettings } from "../../store/speechStore";
import type { SpeechSource } from "../../worker/speech/protocol";
import { SpeechStoreProvider, useSpeech, useSpeechStore, type SpeechStoreProviderProps } from "./SpeechStoreProvider";
import "./speech.css";

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "–");

/** Plays 8 kHz samples through Web Audio (does nothing where there is none). */
function play(samples: Float32Array): void {
  const Ctx = globalThis.AudioContext as typeof AudioContext | undefined;
  if (!Ctx) return;
  const ctx = new Ctx();
  const buffer = ctx.createBuffer(1, samples.length, SAMPLE_RATE);
  buffer.copyToChannel(Float32Array.from(samples), 0);
  const src = ctx.createBufferSource();
  src.buffer = buffer;
  src.connect(ctx.destination);
  src.onended = () => {
    void ctx.close();
  };
  src.start();
}

function RunBar() {
  const t = useT(SPEECH);
  const lang = useLang();
  const api = useSpeechStore();
  const status = useSpeech((s) => s.status);
  const snapshot = useSpeech((s) => s.snapshot);
  const isLoading = useSpeech((s) => s.isLoading);
  const ready = status === "idle" || status === "training";
  let line: string;
  if (isLoading) line = t("loadingData");
  else if (status === "starting") line = t("starting");
  else if (status === "restarting") line = t("restarting");
  else if (status === "failed") line = t("failedStatus");
  else if (!snapshot) line = t("starting");
  else {
    const loss = Number.isFinite(snapshot.loss) ? snapshot.loss.toFixed(4) : "–";
    line = Number.isFinite(snapshot.testAcc)
      ? t("statusLine", { step: snapshot.step, loss, test: pct(snapshot.testAcc) })
      : t("statusNoTest", { step: snapshot.step, loss, train: pct(snapshot.trainAcc) });
    if (snapshot.step === 0 && status === "idle") line += ` · ${t("pressTrain")}`;
  }
  return (
    <div className="speech-runbar">
      <button type="button" disabled={!ready} onClick={() => { api.getState().toggleTraining(); }}>
        {status === "training" ? t("pause") : t("train")}
      </button>
      <button type="button" disabled={status !== "idle"} onClick={() => { api.getState().step(); }}>{t("step")}</button>
      <button type="button" disabled={isLoading} onClick={() => { api.getState().reset(); }}>{t("reset")}</button>
      <p role="status" aria-live="polite" lang={lang}>{line}</p>
    </div>
  );
}

function Messages() {
  const lang = useLang();
  const error = useSpeech((s) => s.error);
  const notice = useSpeech((s) => s.notice);
  return (
    <>
      {error && <p role="alert" className="speech-error">{inLang(error, lang)}</p>}
      {notice && <p className="speech-notice">{inLang(notice, lang)}</p>}
    </>
  );
}

function NumberSetting({ k, label, step }: { k: keyof typeof SPEECH_RANGES; label: string; step: number }) {
  const api = useSpeechStore();
  const lang = useLang();
  const value = useSpeech((s) => s.settings[k]);
  const error = useSpeech((s) => s.fieldErrors[k]);
  const id = `speech-${k}`;
  const [min, max] = SPEECH_RANGES[k];
  return (
    <div className="speech-field">
      <label htmlFor={id}>{label}</label>
      <input
        // Keyed on the value: a refused entry stays in the box (with the reason) until a new value is taken.
        key={String(value)} id={id} type="number" inputMode="decimal" min={min} max={max} step={step} defaultValue={String(value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        onBlur={(e) => { if (e.currentTarget.value !== String(value)) api.getState().setSetting(k, Number(e.currentTarget.value)); }}
        onKeyDown={(e) => { if (e.key === "Enter") api.getState().setSetting(k, Number(e.currentTarget.value)); }}
      />
      {error && <span id={`${id}-error`} className="speech-field-error">{inLang(error, lang)}</span>}
    </div>
  );
}

function SettingsPanel() {
  const t = useT(SPEECH);
  const api = useSpeechStore();
  const settings = useSpeech((s) => s.settings);
  const info = useSpeech((s) => s.info);
  const set = <K extends keyof SpeechSettings>(k: K, v: SpeechSettings[K]) => {
    api.getState().setSetting(k, v);
  };
  return (
    <section className="speech-panel" aria-labelledby="speech-settings-h">
      <h2 id="speech-settings-h">{t("settings")}</h2>
      <div className="speech-fields">
        <div className="speech-field">
          <label htmlFor="speech-source">{t("source")}</label>
          <select id="speech-source" value={settings.source} onChange={(e) => { set("source", e.target.value as SpeechSource); }}>
            <option value="builtin">{t("sourceBuiltin")}</option>
            <option value="mine">{t("sourceMine")}</option>
            <option value="both">{t("sourceBoth")}</option>
          </select>
        </div>
        <div className="speech-field">
          <label htmlFor="speech-cell">{t("cell")}</label>
          <select id="speech-cell" value={settings.cell} onChange={(e) => { set("cell", e.target.value as CellType); }}>
            <option value="gru">GRU</option>
            <option value="lstm">LSTM</option>
            <option value="rnn">tanh-RNN</option>
          </select>
        </div>
        <NumberSetting k="hidden" label={t("hidden")} step={1} />
        <NumberSetting k="layers" label={t("layers")} step={1} />
        <NumberSetting k="batch" label={t("batch")} step={1} />
        <div className="speech-field">
          <label htmlFor="speech-optimizer">{t("optimizer")}</label>
          <select id="speech-optimizer" value={settings.optimizer} onChange={(e) => { set("optimizer", e.target.value as OptimizerKind); }}>
            {(["adam", "adamw", "sgd", "momentum", "rmsprop", "adagrad"] as const).map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </div>
        <NumberSetting k="lr" label={t("lr")} step={0.001} />
        <NumberSetting k="clip" label={t("clip")} step={0.5} />
      </div>
      <p className="speech-note">{t("featuresLine", { bands: MEL_BANDS, fps: FRAMES_PER_SECOND, win: (1000 * FRAME_SIZE) / SAMPLE_RATE })}</p>
      {info && <p className="speech-note">{t("dataLine", { train: info.train, trainVoices: info.trainVoices, test: info.test, testVoices: info.testVoices })}</p>}
    </section>
  );
}

function LossPanel() {
  const t = useT(SPEECH);
  const snapshot = useSpeech((s) => s.snapshot);
  const h = snapshot?.history;
  const empty = new Float64Array(0);
  return (
    <section className="speech-panel" aria-labelledby="speech-loss-h">
      <h2 id="speech-loss-h">{t("lossTitle")}</h2>
      <LossChart title={t("lossHeader")} train={{ step: h?.step ?? empty, loss: h?.loss ?? empty }} />
      <LossChart
        title={`${t("accTrain")} / ${t("accTest")}`}
        train={{ step: h?.accStep ?? empty, loss: h?.trainAcc ?? empty }}
        validation={{ step: h?.accStep ?? empty, loss: h?.testAcc ?? empty }}
      />
      {snapshot && <p className="speech-note">{`${t("accTrain")}: ${pct(snapshot.trainAcc)} · ${t("accTest")}: ${pct(snapshot.testAcc)}`}</p>}
    </section>
  );
}

function ConfusionPanel() {
  const t = useT(SPEECH);
  const snapshot = useSpeech((s) => s.snapshot);
  const words = useSpeech((s) => s.info?.words);
  if (!snapshot || !words) return null;
  const O = words.length;
  const of = snapshot.confusionOf === "test" ? t("confusionTest") : t("confusionTrain");
  return (
    <section className="speech-panel" aria-labelledby="speech-confusion-h">
      <h2 id="speech-confusion-h">{t("confusionTitle", { of })}</h2>
      <MatrixHeatmap data={Float64Array.from(snapshot.confusion)} rows={O} cols={O} label={`${t("confusionTitle", { of })}: ${t("trueWord")} × ${t("answer")}`} domain={[0, Math.max(1, ...snapshot.confusion)]} />
      <table className="speech-confusion">
        <caption>{`${t("trueWord")} ↓ · ${t("answer")} →`}</caption>
        <thead>
          <tr><th scope="col" />{words.map((w) => <th key={w} scope="col">{w}</th>)}</tr>
        </thead>
        <tbody>
          {words.map((w, i) => (
            <tr key={w}>
              <th scope="row">{w}</th>
              {words.map((_, j) => <td key={j} className={i === j ? "speech-diag" : undefined}>{snapshot.confusion[i * O + j]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function InsidePanel() {
  const t = useT(SPEECH);
  const api = useSpeechStore();
  const info = useSpeech((s) => s.info);
  const selected = useSpeech((s) => s.selected);
  const insp = useSpeech((s) => s.inspection);
  const [hoverT, setHoverT] = useState<number | null>(null);
  const decided = useMemo(() => {
    if (!insp || !info) return null;
    const { T, O, probs } = insp;
    const argmax = (t0: number): number => {
      let b = 0;
      for (let o = 1; o < O; o++) if (probs[t0 * O + o] > probs[t0 * O + b]) b = o;
      return b;
    };
    const final = argmax(T - 1);
    let first = T - 1;
    while (first > 0 && argmax(first - 1) === final) first--;
    return { word: info.words[final], p: pct(probs[(T - 1) * O + final]), t: first + 1, T };
  }, [insp, info]);
  if (!info) return null;
  return (
    <section className="speech-panel" aria-labelledby="speech-inside-h">
      <h2 id="speech-inside-h">{t("insideTitle")}</h2>
      <div className="speech-fields">
        <div className="speech-field speech-wide">
          <label htmlFor="speech-example">{t("example")}</label>
          <select id="speech-example" value={selected} onChange={(e) => { api.getState().select(Number(e.target.value)); }}>
            {info.examples.map((e, i) => (
              <option key={i} value={i}>{t("exampleOption", { split: e.split === "test" ? t("splitTest") : t("splitTrain"), word: info.words[e.word], voice: e.voice, frames: e.frames })}</option>
            ))}
          </select>
        </div>
        <button type="button" disabled={!insp} onClick={() => { if (insp) play(insp.samples); }}>{t("play")}</button>
      </div>
      {insp && (
        <>
          {decided && <p className="speech-note">{t("decided", decided)}</p>}
          <StateHeatmap values={insp.features} T={insp.T} H={insp.D} label={t("spectrogram")} domain={[-1, 1]} hoverT={hoverT} onHoverT={setHoverT} />
          <StateHeatmap values={insp.h} T={insp.T} H={insp.H} label={t("hiddenState")} domain={[-1, 1]} hoverT={hoverT} onHoverT={setHoverT} />
          {Object.entries(insp.gates).map(([name, g]) => (
            <StateHeatmap key={name} values={g} T={insp.T} H={insp.H} label={t("gate", { name })} domain={[0, 1]} hoverT={hoverT} onHoverT={setHoverT} />
          ))}
          <StateHeatmap values={insp.probs} T={insp.T} H={insp.O} label={t("probsOverTime")} domain={[0, 1]} hoverT={hoverT} onHoverT={setHoverT} />
        </>
      )}
    </section>
  );
}

function Meter() {
  const t = useT(SPEECH);
  const level = useSpeech((s) => s.level);
  if (level === null) return null;
  const db = Math.max(-60, Math.min(0, level));
  return (
    <meter className="speech-meter" min={-60} max={0} low={-45} high={-6} value={db} aria-label={t("level")} title={t("levelValue", { db: db.toFixed(0) })} />
  );
}

function RecordPanel() {
  const t = useT(SPEECH);
  const lang = useLang();
  const api = useSpeechStore();
  const words = useSpeech((s) => s.info?.words) ?? ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"];
  const recordings = useSpeech((s) => s.recordings);
  const isRecording = useSpeech((s) => s.isRecording);
  const isListening = useSpeech((s) => s.isListening);
  const micError = useSpeech((s) => s.micError);
  const [word, setWord] = useState(words[0]);
  const numbered = recordings.map((r, i) => ({ r, n: recordings.slice(0, i + 1).filter((x) => x.word === r.word).length }));
  return (
    <section className="speech-panel" aria-labelledby="speech-record-h">
      <h2 id="speech-record-h">{t("recordTitle")}</h2>
      <p className="speech-note">{t("recordLead")}</p>
      <div className="speech-fields">
        <div className="speech-field">
          <label htmlFor="speech-word">{t("wordToRecord")}</label>
          <select id="speech-word" value={word} onChange={(e) => { setWord(e.target.value); }}>
            {words.map((w) => <option key={w} value={w}>{w}</option>)}
          </select>
        </div>
        <button type="button" disabled={isRecording || isListening} onClick={() => { void api.getState().record(word); }}>
          {isRecording ? t("recording") : t("recordButton", { word })}
        </button>
        {isRecording && <Meter />}
      </div>
      {micError && <p role="alert" className="speech-error">{inLang(micError, lang)}</p>}
      <p className="speech-note">{recordings.length === 0 ? t("noRecordings") : t("recordingsCount", { n: recordings.length })}</p>
      {recordings.length > 0 && (
        <ul className="speech-recordings">
          {numbered.map(({ r, n }) => (
            <li key={r.id}>
              <span>{`${r.word} #${n} · ${(r.samples.length / r.sampleRate).toFixed(2)} s`}</span>
              <button type="button" onClick={() => { play(r.samples); }}>{t("playRecording", { word: r.word, n })}</button>
              <button type="button" onClick={() => { void api.getState().deleteRecording(r.id); }}>{t("deleteRecording", { word: r.word, n })}</button>
            </li>
          ))}
        </ul>
      )}
      {recordings.length > 0 && (
        <button type="button" onClick={() => { api.getState().reset(); }}>{t("applyRecordings")}</button>
      )}
    </section>
  );
}

function ListenPanel() {
  const t = useT(SPEECH);
  const api = useSpeechStore();
  const isListening = useSpeech((s) => s.isListening);
  const isRecording = useSpeech((s) => s.isRecording);
  const heard = useSpeech((s) => s.heard);
  const words = useSpeech((s) => s.info?.words);
  const status = useSpeech((s) => s.status);
  const best = heard ? heard.probs.indexOf(Math.max(...heard.probs)) : -1;
  return (
    <section className="speech-panel" aria-labelledby="speech-listen-h">
      <h2 id="speech-listen-h">{t("listenTitle")}</h2>
      <p className="speech-note">{t("listenLead")}</p>
      <div className="speech-fields">
        {isListening ? (
          <button type="button" onClick={() => { api.getState().stopListening(); }}>{t("stopListening")}</button>
        ) : (
          <button type="button" disabled={isRecording || !words || status === "failed"} onClick={() => { void api.getState().listen(); }}>{t("listen")}</button>
        )}
        {isListening && <Meter />}
      </div>
      <p aria-live="polite" className="speech-heard">
        {heard && words ? t("heardLine", { word: words[best], p: pct(heard.probs[best]), ms: heard.ms.toFixed(1) }) : t("nothingHeard")}
      </p>
      {heard && words && (
        <ul className="speech-bars" aria-label={t("listenTitle")}>
          {words.map((w, i) => (
            <li key={w}>
              <span className="speech-bar-word">{w}</span>
              <span className="speech-bar" role="img" aria-label={t("wordProb", { word: w, p: pct(heard.probs[i]) })}>
                <span className="speech-bar-fill" style={{ width: `${(100 * heard.probs[i]).toFixed(1)}%` }} />
              </span>
              <span className="speech-bar-p">{pct(heard.probs[i])}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Keyboard() {
  const api = useSpeechStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const el = e.target as HTMLElement | null;
      if (el && (el.closest("input, select, textarea, button, [contenteditable]") ?? null)) return;
      if (e.key === " ") {
        e.preventDefault();
        api.getState().toggleTraining();
      } else if (e.key === "ArrowRight") api.getState().step();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
    };
  }, [api]);
  return null;
}

/** Writes the settings back to the page (its link) whenever they change. */
function SettingsSync({ onChange }: { onChange?: (s: SpeechSettings) => void }) {
  const settings = useSpeech((s) => s.settings);
  useEffect(() => {
    onChange?.(settings);
  }, [settings, onChange]);
  return null;
}

export function SpeechLab({ onSettingsChange, ...props }: SpeechStoreProviderProps & { onSettingsChange?: (s: SpeechSettings) => void }) {
  const t = useT(SPEECH);
  return (
    <SpeechStoreProvider {...props}>
      <SettingsSync onChange={onSettingsChange} />
      <div className="speech-lab">
        <h1>{t("widgetName")}</h1>
        <p>{t("pageLead")}</p>
        <RunBar />
        <Messages />
        <Keyboard />
        <div className="speech-grid">
          <SettingsPanel />
          <LossPanel />
          <ConfusionPanel />
          <ListenPanel />
          <RecordPanel />
        </div>
        <InsidePanel />
      </div>
    </SpeechStoreProvider>
  );
}
