// src/widgets/sine/SeriesSection.tsx: "Your own series": paste or upload one CSV column to train on instead of sines.
import { useId, useState } from "react";
import { MAX_CSV_CHARS } from "../../data/csv";
import { useSine, useSineStore } from "../../store/WidgetStoreProvider";
import { formatCount, formatValue } from "../../viz/format";

export function SeriesSection() {
  const id = useId();
  const store = useSineStore();
  const series = useSine((s) => s.series);
  const seriesError = useSine((s) => s.fieldErrors.series);
  const stats = useSine((s) => s.snapshot?.dataStats);
  // What is typed in the box and a file that could not be read are the learner's drafts, not settings.
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const message = fileError ?? seriesError;

  const loadText = () => {
    setFileError(null);
    store.getState().loadSeries(text, null);
  };
  const loadFile = (file: File) => {
    setFileError(null);
    // Refused before reading: a file this large would hold the page while it is read and split into lines.
    if (file.size > MAX_CSV_CHARS) {
      setFileError(
        `${file.name}: the file has ${formatCount(file.size)} bytes; the limit is ${formatCount(MAX_CSV_CHARS)}. ` +
          "Use a shorter series (the most recent part). The current data is kept.",
      );
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      store.getState().loadSeries(typeof reader.result === "string" ? reader.result : "", file.name);
    };
    reader.onerror = () => {
      setFileError(`${file.name} could not be read (${reader.error?.message ?? "unknown error"}). The current data is kept.`);
    };
    reader.readAsText(file);
  };

  const seriesName = series ? (series.fileName ?? (series.name ? `column “${series.name}”` : "your pasted series")) : "";
  return (
    <section className="sine-series" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Your own series</h3>
      <p className="sine-note">
        One column of numbers, one per line; a header row is fine, and with several columns the last one is used. It
        is standardised (mean 0, std 1) and cut into windows the same way as the sine waves.
      </p>
      <label htmlFor={`${id}-text`}>CSV to use</label>
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
          Use this series
        </button>
        <label className="sine-file">
          Upload a .csv file
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
            Training on {seriesName}: {formatCount(series.values.length)} values
            {stats ? `, mean ${formatValue(stats.mean)}, std ${formatValue(stats.std)}` : ""}.
            {stats ? ` ${formatCount(stats.trainWindows)} training and ${formatCount(stats.validationWindows)} validation windows.` : ""}
          </p>
          <button
            type="button"
            onClick={() => {
              store.getState().clearSeries();
            }}
          >
            Back to sine waves
          </button>
        </div>
      ) : null}
    </section>
  );
}
