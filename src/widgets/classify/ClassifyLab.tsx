// src/widgets/classify/ClassifyLab.tsx: the text-classification lab: data, model, training, what the model reads,
// its mistakes, and a side-by-side comparison of cells and directions.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Panel } from "../../embed/EmbedContext";
import { inLang, useLang, useT, type MsgLike } from "../../i18n";
import { CLASSIFY } from "../../i18n/classify";
import { CONTROLS, optionLabel } from "../../i18n/controls";
import { CLASSIFY_SCHEMA, type ClassifyKey, type ClassifySettings } from "../../store/classifySettings";
import { labelOf } from "../../store/schema";
import { NumberField, SelectField, ToggleField, type SelectOption } from "../controls";
import { ClassifyStoreProvider, useClassify, useClassifyStore, type ClassifyStoreProviderProps } from "./ClassifyStoreProvider";
import { ComparePanel } from "./ComparePanel";
import { ErrorsPanel } from "./ErrorsPanel";
import { ExamplePanel } from "./ExamplePanel";
import { MetricsPanel } from "./MetricsPanel";
import { statusText } from "./text";
import "./classify.css";

export interface ClassifyLabProps extends ClassifyStoreProviderProps {
  /** Told of every settings change (the page writes them to the link). */
  onSettingsChange?: (settings: ClassifySettings) => void;
}

export function ClassifyLab({ onSettingsChange, ...props }: ClassifyLabProps) {
  return (
    <ClassifyStoreProvider {...props}>
      <div className="classify-lab">
        <SettingsEcho onChange={onSettingsChange} />
        <Messages />
        <RunBar />
        <div className="classify-columns">
          <div className="classify-side">
            <DataPanel />
            <SettingsPanel />
          </div>
          <div className="classify-main">
            <Panel id="metrics">
              <MetricsPanel />
            </Panel>
            <Panel id="example">
              <ExamplePanel />
            </Panel>
            <Panel id="errors">
              <ErrorsPanel />
            </Panel>
            <Panel id="compare">
              <ComparePanel />
            </Panel>
          </div>
        </div>
      </div>
    </ClassifyStoreProvider>
  );
}

function SettingsEcho({ onChange }: { onChange: ((s: ClassifySettings) => void) | undefined }) {
  const settings = useClassify((s) => s.settings);
  useEffect(() => {
    onChange?.(settings);
  }, [settings, onChange]);
  return null;
}

function Alert({ message, onDismiss }: { message: MsgLike; onDismiss: () => void }) {
  const lang = useLang();
  const tc = useT(CONTROLS);
  return (
    <div className="classify-alert" role="alert">
      <p>{inLang(message, lang)}</p>
      <button type="button" onClick={onDismiss}>
        {tc("dismiss")}
      </button>
    </div>
  );
}

function Messages() {
  const store = useClassifyStore();
  const lang = useLang();
  const t = useT(CLASSIFY);
  const error = useClassify((s) => s.error);
  const notice = useClassify((s) => s.notice);
  const warnings = useClassify((s) => s.urlWarnings);
  return (
    <>
      {warnings.length > 0 && (
        <div className="classify-note">
          <p>{t("urlIgnored")}</p>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{inLang(w, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      {notice !== null && <p className="classify-note">{inLang(notice, lang)}</p>}
      {error !== null && <Alert message={error} onDismiss={() => { store.getState().dismissError(); }} />}
    </>
  );
}

export function RunBar() {
  const store = useClassifyStore();
  const t = useT(CLASSIFY);
  const tc = useT(CONTROLS);
  const status = useClassify((s) => s.status);
  const text = useClassify((s) => statusText(t, s.status, s.snapshot));
  const isTraining = status === "training";
  const canTrain = status === "idle" || status === "training" || status === "diverged";
  return (
    <div className="classify-runbar">
      <div className="classify-row">
        <button type="button" className="classify-primary" disabled={!canTrain} onClick={() => { store.getState().toggleTraining(); }}>
          {isTraining ? tc("pause") : tc("train")}
        </button>
        <button type="button" disabled={status !== "idle"} onClick={() => { store.getState().step(); }}>
          {tc("step")}
        </button>
        <button type="button" disabled={status === "loading" || status === "noData" || status === "starting"} onClick={() => { store.getState().reset(); }}>
          {tc("reset")}
        </button>
      </div>
      {/* Silent while training (ten updates a second would drown a screen reader); read out once it stops. */}
      <p className="classify-status" role="status" aria-live={isTraining ? "off" : "polite"} aria-atomic="true">
        {text}
      </p>
    </div>
  );
}

export function SettingControl({ name, hint }: { name: ClassifyKey; hint?: ReactNode }) {
  const store = useClassifyStore();
  const lang = useLang();
  const value = useClassify((s) => s.settings[name]);
  const fieldError = useClassify((s) => s.fieldErrors[name]);
  const error = fieldError === undefined ? undefined : inLang(fieldError, lang);
  const spec = CLASSIFY_SCHEMA[name];
  const label = labelOf(spec, lang);
  const t = useT(CLASSIFY);
  const offer = (raw: unknown): boolean => {
    store.getState().setSetting(name, raw);
    return store.getState().fieldErrors[name] === undefined;
  };
  switch (spec.kind) {
    case "enum": {
      const options: SelectOption[] = spec.options.map((o) => ({ value: o, label: enumLabel(t, o, lang) }));
      return <SelectField settingKey={name} label={label} value={String(value)} options={options} error={error} hint={hint} onChange={offer} />;
    }
    case "bool":
      return <ToggleField settingKey={name} label={label} checked={value === true} error={error} hint={hint} onChange={offer} />;
    case "int":
    case "number":
      return <NumberField settingKey={name} label={label} value={Number(value)} error={error} hint={hint} onCommit={offer} />;
  }
}

function enumLabel(t: ReturnType<typeof useT<typeof CLASSIFY>>, o: string, lang: "en" | "zh"): string {
  switch (o) {
    case "names":
      return t("dataNames");
    case "spam":
      return t("dataSpam");
    case "own":
      return t("dataOwn");
    case "char":
      return t("tokChar");
    case "word":
      return t("tokWord");
    default:
      return optionLabel(o, lang);
  }
}

function SettingsPanel() {
  const t = useT(CLASSIFY);
  return (
    <section className="classify-panel" aria-labelledby="classify-model-h">
      <h2 id="classify-model-h">{t("modelHeading")}</h2>
      <SettingControl name="cell" />
      <SettingControl name="layers" />
      <SettingControl name="bidir" hint={t("bidirHint")} />
      <SettingControl name="hidden" />
      <SettingControl name="embed" />
      <SettingControl name="dropout" hint={t("dropoutHint")} />
      <h3>{t("trainingHeading")}</h3>
      <SettingControl name="optimizer" />
      <SettingControl name="lr" />
      <SettingControl name="batch" />
      <SettingControl name="clip" />
      <SettingControl name="clipNorm" />
      <SettingControl name="seed" />
    </section>
  );
}

/** The most lines a file may have in bytes before it is refused unread. */
const MAX_FILE_BYTES = 5_000_000;

function DataPanel() {
  const store = useClassifyStore();
  const t = useT(CLASSIFY);
  const lang = useLang();
  const loaded = useClassify((s) => s.loaded);
  const dataset = useClassify((s) => s.settings.dataset);
  const dataError = useClassify((s) => s.dataError);
  const counts = useClassify((s) => s.snapshot?.counts ?? null);
  const majority = useClassify((s) => s.snapshot?.majorityTrain ?? NaN);
  const vocabSize = useClassify((s) => s.snapshot?.vocabSize ?? null);
  const unknownRate = useClassify((s) => s.snapshot?.unknownRate ?? NaN);
  const [draft, setDraft] = useState("");
  const fileRef = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const errorId = useId();
  const use = (text: string): void => {
    store.getState().useOwnLines(text);
  };
  const classes = loaded?.data.classes ?? [];
  return (
    <section className="classify-panel" aria-labelledby="classify-data-h">
      <h2 id="classify-data-h">{t("dataHeading")}</h2>
      <SettingControl name="dataset" hint={dataset === "spam" ? t("spamHint") : dataset === "names" ? t("namesHint") : t("ownHint")} />
      <SettingControl name="tokens" hint={t("tokensHint")} />
      <SettingControl name="maxLen" />
      <label htmlFor={pasteId}>{t("pasteLabel")}</label>
      <textarea
        id={pasteId}
        className="classify-paste"
        rows={5}
        value={draft}
        placeholder={"spam\tWIN A FREE PRIZE now\nham\tLunch at noon?"}
        aria-describedby={dataError ? errorId : undefined}
        aria-invalid={dataError !== null}
        onChange={(e) => { setDraft(e.target.value); }}
      />
      <div className="classify-row">
        <button type="button" onClick={() => { use(draft); }}>
          {t("useLines")}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t("openFile")}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".txt,.tsv,text/plain,text/tab-separated-values"
          hidden
          aria-label={t("openFile")}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (!f) return;
            if (f.size > MAX_FILE_BYTES) {
              store.setState({ dataError: { en: `The file is ${f.size.toLocaleString("en")} bytes; the lab takes up to ${MAX_FILE_BYTES.toLocaleString("en")}.`, zh: `文件有 ${f.size} 字节；本实验最多接受 ${MAX_FILE_BYTES} 字节。` } });
              return;
            }
            void f.text().then((text) => {
              setDraft(text);
              use(text);
            });
          }}
        />
      </div>
      {dataError !== null && (
        <p id={errorId} className="classify-field-error" role="alert">
          {inLang(dataError, lang)} {t("keptData")}
        </p>
      )}
      {counts && (
        <table className="classify-table">
          <caption>{t("classCounts")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("classCol")}</th>
              <th scope="col">{t("trainCol")}</th>
              <th scope="col">{t("valCol")}</th>
              <th scope="col">{t("testCol")}</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                <td>{counts.train[i]}</td>
                <td>{counts.validation[i]}</td>
                <td>{counts.test[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {counts && <p className="classify-small">{t("balancedNote", { chance: `${(100 / classes.length).toFixed(1)}%`, majority: `${(100 * majority).toFixed(1)}%` })}</p>}
      {vocabSize !== null && <p className="classify-small">{t("vocabNote", { size: vocabSize, unk: `${(100 * unknownRate).toFixed(1)}%` })}</p>}
    </section>
  );
}
