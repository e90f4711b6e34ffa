// src/widgets/chars/SettingsPanel.tsx: the network and how it trains.
import { SettingControl } from "./SettingControl";
import { useChar } from "./CharStoreProvider";

export function SettingsPanel() {
  const clip = useChar((s) => s.settings.clip);
  return (
    <section className="chars-panel" aria-labelledby="chars-settings-h">
      <h2 id="chars-settings-h">Model and training</h2>
      <SettingControl name="cell" />
      <SettingControl name="hidden" />
      <SettingControl name="layers" />
      <SettingControl name="bptt" hint="Truncated BPTT: gradients flow back this many characters; the state carries on." />
      <SettingControl name="batch" hint="Parallel streams over the text, each reading its own stretch." />
      <SettingControl name="optimizer" />
      <SettingControl name="lr" />
      <SettingControl name="clip" />
      {clip && <SettingControl name="clipNorm" />}
      <SettingControl name="validation" hint="The last part of the text, never trained on." />
      <SettingControl name="seed" />
      <p className="chars-note">Changing the optimiser, learning rate or clipping keeps the network; anything else starts a new one.</p>
    </section>
  );
}
