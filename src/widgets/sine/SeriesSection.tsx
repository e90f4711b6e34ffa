// src/widgets/sine/SeriesSection.tsx: "Your own series": paste or upload one CSV column to train on instead of sines.
import { useId, useState } from "react";
import { MAX_CSV_CHARS } from "../../data/csv";
import { inLang, msgOf, msgPer, useT, type Msg } from "../../i18n";
import { SINE } from "../../i18n/sine";
import { useSine, useSineStore } from "./SineStoreProvider";
import { formatCount, formatValue } from "../../viz/format";

export function SeriesSection() {
  const id = useId();
  const store = useSineStore();
  const t = useT(SINE);
  const series = useSine((s) => s.series);
  const seriesError = useSine((s) => s.fieldErrors.series);
  const stats = useSine((s) => s.snapshot?.dataStats);
  // What is typed in the box and a file that could not be read are the learner's drafts, not settings.
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<Msg | null>(null);
  const problem = fileError ?? seriesError;
  const message = problem === undefined ? undefined : inLang(problem, t.lang);

  const loadText = () => {
    setFileError(null);
    store.getState().loadSeries(text, null);
  };
  const loadFile = (file: File) => {
    setFileError(null);
    // Refused before reading: a file this large would hold the page while it is read and split into lines.
    if (file.size > MAX_CSV_CHARS) {
      setFileError(msgOf(SINE, "fileTooLarge", { name: file.name, size: formatCount(file.size), limit: formatCount(MAX_CSV_CHARS) }));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      store.getState().loadSeries(typeof reader.result === "string" ? reader.result : "", file.name);
    };
    reader.onerror = () => {
      const why = reader.error?.message;
      setFileError(msgPer(SINE, "fileUnreadable", (lang) => ({ name: file.name, why: why ?? msgOf(SINE, "unknownError")[lang] })));
    };
    reader.readAsText(file);
  };

  const seriesName = series ? (series.fileName ?? (series.name ? t("columnNamed", { name: series.name }) : t("pastedSeries"))) : "";
  return (
    <section className="sine-series" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("ownSeries")}</h3>
      <p className="sine-note">{t("ownSeriesNote")}</p>
      <p className="sine-note">{t("ownSeriesNotInLink")}</p>
      <label htmlFor={`${id}-text`}>{t("csvToUse")}</label>
      <textarea
        id={`${id}-text`}
        rows={4}
        spellCheck={false}
        value={text}
        placeholder={"price\n101.2\n102.9\n…"}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <div className="sine-row">
        <button type="button" onClick={loadText}>
          {t("useThisSeries")}
        </button>
        <label className="sine-file">
          {t("uploadCsv")}
          <input
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so that choosing the same file again (after fixing it) reads it again.
              e.target.value = "";
              if (file) loadFile(file);
            }}
          />
        </label>
      </div>
      {message ? (
        <p id={`${id}-error`} className="control-error" role="alert">
          {message}
        </p>
      ) : null}
      {series ? (
        <div className="sine-series-loaded">
          <p>
            {t("trainingOn", {
              name: seriesName,
              n: formatCount(series.values.length),
              ...(stats
                ? { mean: formatValue(stats.mean), std: formatValue(stats.std), trainWindows: formatCount(stats.trainWindows), validationWindows: formatCount(stats.validationWindows) }
                : {}),
            })}
          </p>
          <button
            type="button"
            onClick={() => {
              store.getState().clearSeries();
            }}
          >
            {t("backToSines")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
