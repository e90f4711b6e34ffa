// src/widgets/sine/SeriesSection.tsx: "Your own series": paste or upload one CSV column to train on instead of sines.
import { useId, useState } from "react";
import { MAX_CSV_CHARS, MAX_PASTE_CHARS } from "../../data/csv";
import { parseCsvFile } from "../../worker/parse/client";
import { inLang, msgOf, useT, type Msg } from "../../i18n";
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
  // A file being read by the parsing worker: its name and size, shown while the learner waits.
  const [reading, setReading] = useState<{ name: string; size: number } | null>(null);
  const problem = fileError ?? seriesError;
  const message = problem === undefined ? undefined : inLang(problem, t.lang);

  const loadText = () => {
    setFileError(null);
    store.getState().loadSeries(text, null);
  };
  // The paste box refuses large pastes before they reach it: Chromium's own textarea holds the tab for minutes
  // with millions of lines. Large series come as files, read off this thread.
  const refusePaste = (size: number): void => {
    setFileError(msgOf(SINE, "pasteTooLarge", { size: formatCount(size), limit: formatCount(MAX_PASTE_CHARS) }));
  };
  const loadFile = (file: File) => {
    setFileError(null);
    // Refused before reading: a file this large would hold the page while it is read and split into lines.
    if (file.size > MAX_CSV_CHARS) {
      setFileError(msgOf(SINE, "fileTooLarge", { name: file.name, size: formatCount(file.size), limit: formatCount(MAX_CSV_CHARS) }));
      return;
    }
    setReading({ name: file.name, size: file.size });
    void parseCsvFile(file).then((r) => {
      setReading(null);
      if (r.ok) store.getState().loadColumn(r.values, r.name, file.name);
      else if (r.isInput) store.getState().refuseSeries(msgOf(SINE, "seriesRefused", { file: file.name, message: r.message }));
      else setFileError(msgOf(SINE, "fileUnreadable", { name: file.name, why: r.message }));
    });
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
        onPaste={(e) => {
          const pasted = e.clipboardData.getData("text/plain");
          if (text.length + pasted.length > MAX_PASTE_CHARS) {
            e.preventDefault();
            refusePaste(text.length + pasted.length);
          }
        }}
        onChange={(e) => {
          // Also for text dropped or typed in: what is already there stays.
          if (e.target.value.length > MAX_PASTE_CHARS) {
            refusePaste(e.target.value.length);
            return;
          }
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
      {reading ? (
        <p className="sine-note" aria-live="polite">
          {t("readingFile", { name: reading.name, size: formatCount(reading.size) })}
        </p>
      ) : null}
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
