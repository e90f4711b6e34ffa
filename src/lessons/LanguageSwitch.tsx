// src/lessons/LanguageSwitch.tsx: the visible English / 简体中文 switch; the choice is remembered (localStorage).
import { LANG_NAME, LANG_TAG, LANGS, setLang, type Lang } from "./i18n";
import { STRINGS } from "./strings";

export function LanguageSwitch({ lang }: { lang: Lang }) {
  // Named in both languages, so a learner who cannot read the current one still finds it.
  const label = `${STRINGS.en.language} / ${STRINGS.zh.language}`;
  return (
    <div className="language-switch" role="group" aria-label={label}>
      <span aria-hidden="true" className="language-switch-label">
        {label}:
      </span>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={LANG_TAG[l]}
          aria-pressed={l === lang}
          onClick={() => {
            setLang(l);
          }}
        >
          {LANG_NAME[l]}
        </button>
      ))}
    </div>
  );
}
