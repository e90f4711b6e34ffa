// src/app/pages/SpeechLabPage.tsx: the speech lab page (#/lab/speech?cell=lstm&hidden=48).
import { useCallback, useState } from "react";
import { SpeechLab } from "../../widgets/speech/SpeechLab";
import { readSpeechUrl, speechHash } from "../../widgets/speech/url";
import type { SpeechSettings } from "../../store/speechStore";

export function SpeechLabPage() {
  // Read once: the lab keeps its own state from here on and writes its settings back to the link.
  const [settings] = useState(() => readSpeechUrl(window.location.hash));
  const onSettingsChange = useCallback((s: SpeechSettings) => {
    window.history.replaceState(window.history.state, "", speechHash(window.location.hash, s));
  }, []);
  return (
    <article className="speech-page">
      <SpeechLab settings={settings} onSettingsChange={onSettingsChange} />
    </article>
  );
}
