// src/widgets/chars/TextPanel.tsx: which text to learn: a built-in one, pasted text or a .txt file; its vocabulary.
import { useId, useState } from "react";
import { describeSymbol, MAX_TEXT_CHARS } from "../../data/text";
import { CORPORA } from "../../store/charSettings";
import { SelectField, type SelectOption } from "../controls";
import { useChar, useCharStore } from "./CharStoreProvider";

const grouped = (n: number): string => n.toLocaleString("en");

export function TextPanel() {
  const store = useCharStore();
  const source = useChar((s) => s.source);
  const corpus = useChar((s) => s.settings.corpus);
  const textNotice = useChar((s) => s.textNotice);
  const textError = useChar((s) => s.textError);
  const hasLarge = useChar((s) => s.largeText !== null);
  const corpusError = useChar((s) => s.fieldErrors.corpus);
  const [draft, setDraft] = useState("");
  const pasteId = useId();
  const fileId = useId();
  const options: SelectOption[] = CORPORA.map((c) => ({ value: c.id, label: c.name }));
  if (source.kind === "custom") options.push({ value: "custom", label: `Your text: ${source.name}` });
  const credit = source.kind === "builtin" ? CORPORA.find((c) => c.id === source.id) : undefined;
  return (
    <section className="chars-panel" aria-labelledby={`${pasteId}-h`}>
      <h2 id={`${pasteId}-h`}>Text</h2>
      <SelectField
        label="Text to learn"
        value={corpus}
        options={options}
        error={corpusError}
        hint={credit ? `${credit.language}. ${credit.credit}.` : undefined}
        onChange={(v) => {
          store.getState().setSetting("corpus", v);
        }}
      />
      {textNotice && <p className="chars-note">{textNotice}</p>}
      <Vocabulary />
      {textError && (
        <div className="chars-message chars-error" role="alert">
          <p>{textError}</p>
          {hasLarge && (
            <button type="button" onClick={() => { store.getState().useFirstPart(); }}>
              Use the first {grouped(MAX_TEXT_CHARS)} characters
            </button>
          )}
        </div>
      )}
      <details className="chars-own">
        <summary>Use your own text</summary>
        <label htmlFor={pasteId}>Paste text</label>
        <textarea
          id={pasteId}
          rows={5}
          value={draft}
          spellCheck={false}
          onChange={(e) => {
            setDraft(e.target.value);
          }}
        />
        <button
          type="button"
          onClick={() => {
            store.getState().useText(draft, "Pasted text");
          }}
        >
          Train on the pasted text
        </button>
        <label htmlFor={fileId}>Open a text file (.txt, UTF-8)</label>
        <input
          id={fileId}
          type="file"
          accept=".txt,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void store.getState().openTextFile(file, file.name);
          }}
        />
        <p className="chars-note">
          Up to {grouped(MAX_TEXT_CHARS)} characters. Every distinct character (a letter, a Chinese character, an emoji) is one
          symbol of the vocabulary. The last part of the text is held out to measure the validation loss.
        </p>
      </details>
    </section>
  );
}

function Vocabulary() {
  const vocabulary = useChar((s) => s.vocabulary);
  const isSampleOnly = useChar((s) => s.isSampleOnly);
  if (vocabulary.length === 0) return null;
  const shown = vocabulary.slice(0, 300);
  return (
    <details className="chars-vocab">
      <summary>
        Vocabulary: {grouped(vocabulary.length)} characters{isSampleOnly ? " (the loaded model's)" : ""}
      </summary>
      <p lang="und">
        {shown.map((s) => describeSymbol(s)).join(" ")}
        {vocabulary.length > shown.length ? ` … and ${grouped(vocabulary.length - shown.length)} more` : ""}
      </p>
    </details>
  );
}
