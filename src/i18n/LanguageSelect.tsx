// src/i18n/LanguageSelect.tsx: the site-wide language choice (a drop-down), named in both languages; remembered.
import { useId } from "react";
import { LANG_NAME, LANG_TAG, LANGS, isLang, setLang, useLang } from "./index";

/** Named in both languages, so a learner who cannot read the current one still finds it. */
export const LANGUAGE_LABEL = "Language / 语言";

export function LanguageSelect({ className = "language-select" }: { className?: string }) {
  const lang = useLang();
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{LANGUAGE_LABEL}</label>
      <select
        id={id}
        value={lang}
        onChange={(e) => {
          if (isLang(e.target.value)) setLang(e.target.value);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={LANG_TAG[l]}>
            {LANG_NAME[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
