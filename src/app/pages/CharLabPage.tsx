// src/app/pages/CharLabPage.tsx: the character lab page (#/lab/chars?cell=gru&hidden=256).
import { useCallback, useState } from "react";
import type { CharSettings } from "../../store/charSettings";
import { CharLab } from "../../widgets/chars/CharLab";
import { charHash, readCharUrl } from "../../widgets/chars/url";

export function CharLabPage() {
  // Read once: the lab keeps its own state from here on and writes its settings back to the link.
  const [loaded] = useState(() => readCharUrl(window.location.hash));
  const onSettingsChange = useCallback((settings: CharSettings) => {
    // replaceState, not a new history entry per setting: Back leaves the lab instead of undoing a setting.
    window.history.replaceState(window.history.state, "", charHash(window.location.hash, settings));
  }, []);
  return (
    <article className="chars-page">
      <h1>Character lab</h1>
      <p className="lead">
        Train a character-level language model on a text, watch it learn to write, and look for the neurons that track
        quotes, line ends or spaces.
      </p>
      <p className="note">
        Training runs in the background of this page, in your browser. The model reads one character at a time and learns to
        predict the next; its loss is in bits per character.
      </p>
      <CharLab settings={loaded.settings} urlWarnings={loaded.warnings} hasUrlSettings={loaded.hasSettings} onSettingsChange={onSettingsChange} />
    </article>
  );
}
