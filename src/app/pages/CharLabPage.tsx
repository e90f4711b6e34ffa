// src/app/pages/CharLabPage.tsx: the character lab page (#/lab/chars?cell=gru&hidden=256).
import { useCallback, useMemo, useState } from "react";
import { useT } from "../../i18n";
import { APP } from "../../i18n/app";
import { CHAR_SCHEMA, type CharSettings } from "../../store/charSettings";
import { useEmbed } from "../../embed/EmbedContext";
import { lockedSettings } from "../../store/locks";
import { ShareBar } from "../../embed/ShareBar";
import { CharLab } from "../../widgets/chars/CharLab";
import { charHash, readCharUrl } from "../../store/charUrl";

export function CharLabPage() {
  const t = useT(APP);
  // Read once: the lab keeps its own state from here on and writes its settings back to the link.
  const [loaded] = useState(() => readCharUrl(window.location.hash));
  const embed = useEmbed();
  const locked = useMemo(() => lockedSettings(CHAR_SCHEMA, embed.locks), [embed.locks]);
  // A lab a course set up (embedded, or with locks) starts from the link every time and keeps nothing: labs on
  // several course pages would otherwise overwrite one saved lab, and a saved one would replace the course's text.
  const isCourseLab = embed.isEmbed || Object.keys(locked).length > 0;
  const onSettingsChange = useCallback((settings: CharSettings) => {
    // replaceState, not a new history entry per setting: Back leaves the lab instead of undoing a setting.
    window.history.replaceState(window.history.state, "", charHash(window.location.hash, settings));
  }, []);
  return (
    <article className="chars-page">
      {!embed.isEmbed && (
        <>
          <h1>{t("titleChars")}</h1>
          <p className="lead">{t("charsLead")}</p>
          <p className="note">{t("charsNote")}</p>
          <ShareBar widgetId="chars" />
        </>
      )}
      <CharLab
        settings={loaded.settings}
        urlWarnings={loaded.messages}
        hasUrlSettings={loaded.hasSettings || isCourseLab}
        onSettingsChange={onSettingsChange}
        locked={locked}
        {...(isCourseLab ? { storage: null } : {})}
      />
    </article>
  );
}
