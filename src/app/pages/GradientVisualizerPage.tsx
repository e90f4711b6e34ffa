// src/app/pages/GradientVisualizerPage.tsx: the gradient-vanishing visualizer (#/visualizer/gradients?preset=exploding).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { GRAD_SCHEMA, type GradSettings, type PresetName } from "../../store/gradSettings";
import { useEmbed } from "../../embed/EmbedContext";
import { lockedSettings } from "../../embed/locks";
import { ShareBar } from "../../embed/ShareBar";
import { GradientVisualizer } from "../../widgets/gradients/GradientVisualizer";
import { gradHash, readGradUrl } from "../../widgets/gradients/url";
import { pathFromHash } from "../router";

interface Loaded {
  /** Bumped when the learner edits the link by hand: a new widget (and worker) for the new settings. */
  key: number;
  settings: GradSettings;
  warnings: string[];
  preset: PresetName | null;
}

function load(key: number): Loaded {
  return { key, ...readGradUrl(window.location.hash) };
}

export function GradientVisualizerPage() {
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
          <h1>Gradient visualizer</h1>
          <p className="lead">
            Why do tanh-RNNs forget, while LSTMs and GRUs remember? Three networks learn the same task side by side: read a
            symbol, then T − 1 distractors, then say which symbol came first. Watch how much of the gradient ∂L/∂h<sub>t</sub>{" "}
            makes it back from the answer to that first step.
          </p>
          <p className="note">
            Training runs in the background of this page. Every setting is kept in the link, so copying the address shares
            this exact run.
          </p>
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
      />
    </article>
  );
}
