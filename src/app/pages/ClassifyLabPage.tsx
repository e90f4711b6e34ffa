// src/app/pages/ClassifyLabPage.tsx: the text-classification lab page (#/lab/classify?dataset=spam&tokens=word).
import { useCallback, useMemo, useState } from "react";
import { useT } from "../../i18n";
import { CLASSIFY } from "../../i18n/classify";
import { CLASSIFY_SCHEMA, type ClassifySettings } from "../../store/classifySettings";
import { useEmbed } from "../../embed/EmbedContext";
import { lockedSettings } from "../../store/locks";
import { ClassifyLab } from "../../widgets/classify/ClassifyLab";
import { classifyHash, readClassifyUrl } from "../../store/classifyUrl";

export function ClassifyLabPage() {
  const t = useT(CLASSIFY);
  const [loaded] = useState(() => readClassifyUrl(window.location.hash));
  const embed = useEmbed();
  const locked = useMemo(() => lockedSettings(CLASSIFY_SCHEMA, embed.locks), [embed.locks]);
  const onSettingsChange = useCallback((settings: ClassifySettings) => {
    window.history.replaceState(window.history.state, "", classifyHash(window.location.hash, settings));
  }, []);
  return (
    <article className="classify-page">
      {!embed.isEmbed && (
        <>
          <h1>{t("pageTitle")}</h1>
          <p className="lead">{t("pageLead")}</p>
        </>
      )}
      <ClassifyLab settings={loaded.settings} urlWarnings={loaded.messages} onSettingsChange={onSettingsChange} locked={locked} />
    </article>
  );
}
