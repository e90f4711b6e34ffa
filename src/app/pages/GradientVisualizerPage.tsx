// src/app/pages/GradientVisualizerPage.tsx: the gradient-vanishing visualizer (#/visualizer/gradients?preset=exploding).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useT, type Msg } from "../../i18n";
import { APP } from "../../i18n/app";
import { GRADS } from "../../i18n/gradients";
import { GRAD_SCHEMA, type GradSettings, type PresetName } from "../../store/gradSettings";
import { useEmbed } from "../../embed/EmbedContext";
import { lockedSettings } from "../../store/locks";
import { ShareBar } from "../../embed/ShareBar";
import { GradientVisualizer } from "../../widgets/gradients/GradientVisualizer";
import { gradHash, readGradUrl } from "../../store/gradUrl";
import { pathFromHash } from "../router";

interface Loaded {
  /** Bumped when the learner edits the link by hand: a new widget (and worker) for the new settings. */
  key: number;
  settings: GradSettings;
  warnings: Msg[];
  preset: PresetName | null;
}

function load(key: number): Loaded {
  const { settings, messages, preset } = readGradUrl(window.location.hash);
  return { key, settings, warnings: messages, preset };
}

export function GradientVisualizerPage() {
  const t = useT(APP);
  const tg = useT(GRADS);
  const embed = useEmbed();
  const locked = useMemo(() => lockedSettings(GRAD_SCHEMA, embed.locks), [embed.locks]);
  const [loaded, setLoaded] = useState(() => load(0));
  /** The hash this page wrote last (replaceState fires no hashchange, but a typed or pasted link does). */
  const written = useRef(window.location.hash);

  const onSettingsChange = useCallback((settings: GradSettings) => {
    const hash = gradHash(window.location.hash, settings);
    written.current = hash;
    // replaceState, not a new history entry per setting: Back leaves the page instead of undoing a setting.
    window.history.replaceState(window.history.state, "", hash);
  }, []);

  useEffect(() => {
    const onHashChange = () => {
      const hash = window.location.hash;
      if (hash === written.current || pathFromHash(hash) !== pathFromHash(written.current)) return;
      written.current = hash;
      setLoaded((prev) => load(prev.key + 1));
    };
    window.addEventListener("hashchange", onHashChange);
    return () => {
      window.removeEventListener("hashchange", onHashChange);
    };
  }, []);

  return (
    <article className="grad-page">
      {/* Embedded (embed=1), the widget stands alone: the course page around it says what it is for. */}
      {!embed.isEmbed && (
        <>
          <h1>{t("titleGradients")}</h1>
          <p className="lead">
            {tg("pageLeadBefore")}
            <sub>t</sub>
            {tg("pageLeadAfter")}
          </p>
          <p className="note">{t("linkKeepsSettings")}</p>
          <ShareBar widgetId="gradients" />
        </>
      )}
      <GradientVisualizer
        locked={locked}
        key={loaded.key}
        settings={loaded.settings}
        urlWarnings={loaded.warnings}
        preset={loaded.preset}
        onSettingsChange={onSettingsChange}
        // Embedded or with locked settings, the course decides the run: nothing is kept across reloads.
        {...(embed.isEmbed || Object.keys(locked).length > 0 ? { storage: null } : {})}
      />
    </article>
  );
}
