// src/app/pages/TranslateLabPage.tsx: the translation lab page (#/lab/translate?task=cmudict&attention=none).
import { useCallback, useMemo, useState } from "react";
import { useT } from "../../i18n";
import { APP } from "../../i18n/app";
import { TRANSLATE_TEXT } from "../../i18n/translate";
import { TRANSLATE_SCHEMA, type TranslateSettings } from "../../store/translateSettings";
import { useEmbed } from "../../embed/EmbedContext";
import { lockedSettings } from "../../store/locks";
import { ShareBar } from "../../embed/ShareBar";
import { TranslateLab } from "../../widgets/translate/TranslateLab";
import { readTranslateUrl, translateHash } from "../../store/translateUrl";

export function TranslateLabPage() {
  const t = useT(APP);
  const tt = useT(TRANSLATE_TEXT);
  // Read once: the lab keeps its own state from here on and writes its settings back to the link.
  const [loaded] = useState(() => readTranslateUrl(window.location.hash));
  const embed = useEmbed();
  const locked = useMemo(() => lockedSettings(TRANSLATE_SCHEMA, embed.locks), [embed.locks]);
  const isCourseLab = embed.isEmbed || Object.keys(locked).length > 0;
  const onSettingsChange = useCallback((settings: TranslateSettings) => {
    window.history.replaceState(window.history.state, "", translateHash(window.location.hash, settings));
  }, []);
  return (
    <article className="tr-page">
      {!embed.isEmbed && (
        <>
          <h1>{t("titleTranslate")}</h1>
          <p className="lead">{tt("pageLead")}</p>
          <p className="note">
            <a href="#/lessons/next-steps">{tt("lessonLink")}</a>
          </p>
          <ShareBar widgetId="translate" />
        </>
      )}
      <TranslateLab
        settings={loaded.settings}
        urlWarnings={loaded.messages}
        onSettingsChange={onSettingsChange}
        locked={locked}
        {...(isCourseLab ? { storage: null } : {})}
      />
    </article>
  );
}
