// src/app/pages/SinePlaygroundPage.tsx: the sine-wave playground page (#/playground/sine?cell=gru&hidden=32).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useT, type Msg } from "../../i18n";
import { APP } from "../../i18n/app";
import { SINE_SCHEMA, type SineSettings } from "../../store/sineSettings";
import { useEmbed } from "../../embed/EmbedContext";
import { lockedSettings } from "../../store/locks";
import { ShareBar } from "../../embed/ShareBar";
import { SinePlayground } from "../../widgets/sine/SinePlayground";
import { paramsOfHash, readSineUrl, sineHash } from "../../store/sineUrl";
import { pathFromHash } from "../router";

interface Loaded {
  /** Bumped when the learner edits the link by hand: a new widget (and worker) for the new settings. */
  key: number;
  settings: SineSettings;
  warnings: Msg[];
}

function load(key: number): Loaded {
  const { settings, messages } = readSineUrl(window.location.hash);
  return { key, settings, warnings: messages };
}

export function SinePlaygroundPage() {
  const t = useT(APP);
  const embed = useEmbed();
  const locked = useMemo(() => lockedSettings(SINE_SCHEMA, embed.locks), [embed.locks]);
  const [loaded, setLoaded] = useState(() => load(0));
  /** The hash this page wrote last (replaceState fires no hashchange, but a typed or pasted link does). */
  const written = useRef(window.location.hash);

  const onSettingsChange = useCallback((settings: SineSettings) => {
    const hash = sineHash(window.location.hash, settings);
    written.current = hash;
    // replaceState, not a new history entry per setting: Back leaves the playground instead of undoing a setting.
    window.history.replaceState(window.history.state, "", hash);
  }, []);

  useEffect(() => {
    const onHashChange = () => {
      const hash = window.location.hash;
      // Leaving the route unmounts this page; only a new query on this same route means new settings.
      if (hash === written.current || pathFromHash(hash) !== pathFromHash(written.current)) return;
      written.current = hash;
      setLoaded((prev) => load(prev.key + 1));
    };
    window.addEventListener("hashchange", onHashChange);
    return () => {
      window.removeEventListener("hashchange", onHashChange);
    };
  }, []);

  const exposeTestHooks = paramsOfHash(window.location.hash).get("testHooks") === "1";
  return (
    <article className="sine-page">
      {/* Embedded (embed=1), the widget stands alone: the course page around it says what it is for. */}
      {!embed.isEmbed && (
        <>
          <h1>{t("titleSine")}</h1>
          <p className="lead">{t("sineLead")}</p>
          <p className="note">{t("linkKeepsSettings")}</p>
          <ShareBar widgetId="sine" />
        </>
      )}
      <SinePlayground
        locked={locked}
        key={loaded.key}
        settings={loaded.settings}
        urlWarnings={loaded.warnings}
        onSettingsChange={onSettingsChange}
        exposeTestHooks={exposeTestHooks}
      />
    </article>
  );
}
