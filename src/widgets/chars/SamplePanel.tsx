// src/widgets/chars/SamplePanel.tsx: how the model writes (temperature, priming text, seed) and its latest sample.
import { useId, useMemo } from "react";
import { inLang, useT } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { CHAR_SCHEMA } from "../../store/charSettings";
import { labelOf } from "../../store/schema";
import { SettingControl } from "./SettingControl";
import { useChar, useCharStore } from "./CharStoreProvider";

const T_SPEC = CHAR_SCHEMA.temperature;

export function SamplePanel() {
  const store = useCharStore();
  const t = useT(CHARS);
  const temperature = useChar((s) => s.settings.temperature);
  const prime = useChar((s) => s.prime);
  const primeError = useChar((s) => s.fieldErrors.prime);
  const id = useId();
  return (
    <section className="chars-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("samples")}</h2>
      <p className="chars-note">{t("samplesNote")}</p>
      <div className="chars-sampling">
        <div className="control">
          <label htmlFor={`${id}-t`}>
            {t("labelColon", { label: labelOf(T_SPEC, t.lang) })}
            <span className="chars-value">{temperature.toFixed(2)}</span>
          </label>
          <input
            id={`${id}-t`}
            type="range"
            min={T_SPEC.min}
            max={T_SPEC.max}
            step={0.05}
            value={temperature}
            aria-describedby={`${id}-th`}
            onChange={(e) => {
              store.getState().setSetting("temperature", e.target.value);
            }}
          />
          <p id={`${id}-th`} className="control-hint">
            {t("temperatureHint")}
          </p>
        </div>
        <div className="control" data-invalid={primeError ? "" : undefined}>
          <label htmlFor={`${id}-p`}>{t("primingText")}</label>
          <input
            id={`${id}-p`}
            type="text"
            value={prime}
            spellCheck={false}
            aria-invalid={primeError ? true : undefined}
            aria-describedby={`${id}-ph`}
            onChange={(e) => {
              store.getState().setPrime(e.target.value);
            }}
          />
          <p id={`${id}-ph`} className={primeError ? "control-error" : "control-hint"}>
            {primeError !== undefined ? inLang(primeError, t.lang) : t("primingHint")}
          </p>
        </div>
        <SettingControl name="sampleSeed" />
        <SettingControl name="sampleLength" />
      </div>
      <LiveSample />
    </section>
  );
}

function LiveSample() {
  const t = useT(CHARS);
  const sample = useChar((s) => s.liveSample);
  const vocabulary = useChar((s) => s.vocabulary);
  const text = useMemo(() => (sample ? Array.from(sample.indices, (i) => vocabulary[i] ?? "").join("") : ""), [sample, vocabulary]);
  const primeText = useMemo(() => (sample ? Array.from(sample.primeIds, (i) => vocabulary[i] ?? "").join("") : ""), [sample, vocabulary]);
  return (
    <section className="chars-sample" aria-label={t("latestSample")}>
      {sample ? (
        <>
          <p className="chars-caption">
            {t("sampleCaption", { step: sample.step.toLocaleString("en"), temperature: sample.settings.temperature.toFixed(2), seed: String(sample.settings.seed) })}
          </p>
          <pre>
            <span className="chars-prime">{primeText}</span>
            {text}
          </pre>
        </>
      ) : (
        <p className="chars-note">{t("noSample")}</p>
      )}
    </section>
  );
}
