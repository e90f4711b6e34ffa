// src/widgets/chars/TextPanel.tsx: which text to learn: a built-in one, pasted text or a .txt file; its vocabulary.
import { useId, useState } from "react";
import { MAX_TEXT_CHARS } from "../../data/text";
import { inLang, useT } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { CORPORA } from "../../store/charSettings";
import { corpusName } from "../../store/charStore";
import { SelectField, type SelectOption } from "../controls";
import { useChar, useCharStore } from "./CharStoreProvider";
import { useIsLocked } from "../../embed/EmbedContext";
import { symbolName } from "./text";

const grouped = (n: number): string => n.toLocaleString("en");

export function TextPanel() {
  const store = useCharStore();
  const t = useT(CHARS);
  const source = useChar((s) => s.source);
  const corpus = useChar((s) => s.settings.corpus);
  const textNotice = useChar((s) => s.textNotice);
  const textError = useChar((s) => s.textError);
  const hasLarge = useChar((s) => s.largeText !== null);
  const corpusError = useChar((s) => s.fieldErrors.corpus);
  const [draft, setDraft] = useState("");
  const isCorpusLocked = useIsLocked("corpus");
  const pasteId = useId();
  const fileId = useId();
  const options: SelectOption[] = CORPORA.map((c) => ({ value: c.id, label: corpusName(c, t.lang) }));
  if (source.kind === "custom") options.push({ value: "custom", label: t("yourText", { name: source.name }) });
  const credit = source.kind === "builtin" ? CORPORA.find((c) => c.id === source.id) : undefined;
  return (
    <section className="chars-panel" aria-labelledby={`${pasteId}-h`}>
      <h2 id={`${pasteId}-h`}>{t("textHeading")}</h2>
      <SelectField
        settingKey="corpus"
        label={t("textToLearn")}
        value={corpus}
        options={options}
        error={corpusError === undefined ? undefined : inLang(corpusError, t.lang)}
        hint={credit ? t("corpusCredit", t.lang === "zh" ? credit.zh : credit) : undefined}
        onChange={(v) => {
          store.getState().setSetting("corpus", v);
        }}
      />
      {textNotice && <p className="chars-note">{inLang(textNotice, t.lang)}</p>}
      <Vocabulary />
      {textError && (
        <div className="chars-message chars-error" role="alert">
          <p>{inLang(textError, t.lang)}</p>
          {hasLarge && (
            <button type="button" onClick={() => { store.getState().useFirstPart(); }}>
              {t("useFirstPart", { n: grouped(MAX_TEXT_CHARS) })}
            </button>
          )}
        </div>
      )}
      {/* A text the course locked is not replaced by the learner's own (the store would refuse it too). */}
      {!isCorpusLocked && (
        <details className="chars-own">
          <summary>{t("ownText")}</summary>
          <label htmlFor={pasteId}>{t("pasteText")}</label>
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
              store.getState().useText(draft, t("pastedText"));
            }}
          >
            {t("trainOnPasted")}
          </button>
          <label htmlFor={fileId}>{t("openTextFile")}</label>
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
          <p className="chars-note">{t("ownTextNote", { n: grouped(MAX_TEXT_CHARS) })}</p>
        </details>
      )}
    </section>
  );
}

function Vocabulary() {
  const t = useT(CHARS);
  const vocabulary = useChar((s) => s.vocabulary);
  const isSampleOnly = useChar((s) => s.isSampleOnly);
  if (vocabulary.length === 0) return null;
  const shown = vocabulary.slice(0, 300);
  return (
    <details className="chars-vocab">
      <summary>
        {t("vocabulary", { n: grouped(vocabulary.length) })}
        {isSampleOnly ? t("modelsVocabulary") : ""}
      </summary>
      <p lang="und">
        {shown.map((s) => symbolName(t, s)).join(" ")}
        {vocabulary.length > shown.length ? t("andMore", { n: grouped(vocabulary.length - shown.length) }) : ""}
      </p>
    </details>
  );
}
