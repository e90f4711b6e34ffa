// src/widgets/sine/SettingsPanel.tsx: every sine setting, grouped as Data, Model and Training, plus the learner's own series.
import { useSine } from "../../store/WidgetStoreProvider";
import { SeriesSection } from "./SeriesSection";
import { SettingControl } from "./SettingControl";

export function SettingsPanel() {
  const hasSeries = useSine((s) => s.series !== null);
  const sineOnly = hasSeries ? "Not used while your own series is loaded." : undefined;
  return (
    <div className="sine-settings">
      <p className="sine-note">
        Changing a Data or Model setting starts a new network. The optimiser, learning rate and clipping apply to the
        running one. Type a value, then press Enter.
      </p>
      <fieldset>
        <legend>Data</legend>
        <SettingControl name="waves" disabled={hasSeries} hint={sineOnly ?? "Sines summed into each sequence."} />
        <SettingControl name="periodMin" disabled={hasSeries} hint={sineOnly ?? "In timesteps."} />
        <SettingControl name="periodMax" disabled={hasSeries} hint={sineOnly} />
        <SettingControl name="ampMin" disabled={hasSeries} hint={sineOnly} />
        <SettingControl name="ampMax" disabled={hasSeries} hint={sineOnly} />
        <SettingControl name="phase" disabled={hasSeries} hint={sineOnly ?? "Each wave starts at a random phase up to this."} />
        <SettingControl name="noise" disabled={hasSeries} hint={sineOnly ?? "Gaussian noise added to every value."} />
        <SettingControl name="seqLength" hint="Timesteps the network reads per sequence (T)." />
        <SettingControl name="horizon" hint="Predict the value k steps after each input." />
        <SettingControl name="validation" hint="Share of the data held out to measure generalisation." />
        <SeriesSection />
      </fieldset>
      <fieldset>
        <legend>Model</legend>
        <SettingControl name="cell" />
        <SettingControl name="hidden" hint="Units in h (H)." />
        <SettingControl name="layers" />
        <SettingControl name="init" />
      </fieldset>
      <fieldset>
        <legend>Training</legend>
        <SettingControl name="optimizer" />
        <SettingControl name="lr" />
        <SettingControl name="batch" hint="Sequences per optimiser step." />
        <SettingControl name="clip" hint="Rescales the gradient when its norm is above the max norm." />
        <SettingControl name="clipNorm" />
        <SettingControl name="seed" hint="Same seed, same data and initial weights." />
      </fieldset>
    </div>
  );
}
