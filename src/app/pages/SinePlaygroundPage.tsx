// src/app/pages/SinePlaygroundPage.tsx: the sine-wave playground page (#/playground/sine?cell=gru&hidden=32).
import { useCallback, useEffect, useRef, useState } from "react";
import type { SineSettings } from "../../store/sineSettings";
import { SinePlayground } from "../../widgets/sine/SinePlayground";
import { paramsOfHash, readSineUrl, sineHash } from "../../widgets/sine/url";
import { pathFromHash } from "../router";

interface Loaded {
  /** Bumped when the learner edits the link by hand: a new widget (and worker) for the new settings. */
  key: number;
  settings: SineSettings;
  warnings: string[];
}

function load(key: number): Loaded {
  const { settings, warnings } = readSineUrl(window.location.hash);
  return { key, settings, warnings };
}

export function SinePlaygroundPage() {
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
      <h1>Sine playground</h1>
      <p className="lead">
        Train a real recurrent network to predict a wave a few steps ahead, and watch it learn: its predictions, its loss,
        its hidden state and the gradients flowing back through time.
      </p>
      <p className="note">
        Training runs in the background of this page. Every setting is kept in the link, so copying the address shares
        this exact run.
      </p>
      <SinePlayground
        key={loaded.key}
        settings={loaded.settings}
        urlWarnings={loaded.warnings}
        onSettingsChange={onSettingsChange}
        exposeTestHooks={exposeTestHooks}
      />
    </article>
  );
}
