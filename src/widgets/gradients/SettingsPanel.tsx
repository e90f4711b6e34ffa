// src/widgets/gradients/SettingsPanel.tsx: every setting of the visualizer, grouped as Task, Weights and Training.
import type { ReactNode } from "react";
import { GRAD_SCHEMA, type GradKey } from "../../store/gradSettings";
import { NumberField, SelectField, ToggleField, type SelectOption } from "../controls";
import { useGrad, useGradStore } from "./GradStoreProvider";

/** How each choice reads on screen (the URL keeps the short value). */
const OPTION_LABELS: Record<string, string> = {
  pytorch: "PyTorch default (uniform ±1/√H)",
  xavier: "Xavier",
  orthogonal: "Orthogonal",
  identity: "Identity",
  init: "as initialised",
  radius: "rescaled to a spectral radius",
  scale: "multiplied by a factor",
  adam: "Adam",
  rmsprop: "RMSprop",
  momentum: "SGD with momentum",
  sgd: "SGD",
};

function SettingControl({ name, hint, disabled }: { name: GradKey; hint?: ReactNode; disabled?: boolean }) {
  const store = useGradStore();
  const value = useGrad((s) => s.settings[name]);
  const error = useGrad((s) => s.fieldErrors[name]);
  const spec = GRAD_SCHEMA[name];
  const offer = (raw: unknown): boolean => {
    store.getState().setSetting(name, raw);
    return store.getState().fieldErrors[name] === undefined;
  };
  switch (spec.kind) {
    case "enum": {
      const options: SelectOption[] = spec.options.map((o) => ({ value: o, label: OPTION_LABELS[o] ?? o }));
      return <SelectField settingKey={name} label={spec.label} value={String(value)} options={options} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    }
    case "bool":
      return <ToggleField settingKey={name} label={spec.label} checked={value === true} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    case "int":
    case "number":
      return <NumberField settingKey={name} label={spec.label} value={Number(value)} error={error} hint={hint} disabled={disabled} onCommit={offer} />;
  }
}

export function SettingsPanel() {
  const whh = useGrad((s) => s.settings.whh);
  const clip = useGrad((s) => s.settings.clip);
  return (
    <div className="grad-settings">
      <p className="grad-note">
        Task and weight settings start three new networks. The optimiser, learning rate and clipping apply to the running
        ones. Type a value, then press Enter.
      </p>
      <fieldset>
        <legend>Task: recall the first symbol</legend>
        <SettingControl name="seqLength" hint="Steps between the symbol and the answer, plus one." />
        <SettingControl name="classes" hint="The first symbol is one of K; chance is 1/K." />
        <SettingControl name="distractors" hint="Symbols that fill steps 1 … T − 1 at random." />
      </fieldset>
      <fieldset>
        <legend>Weights</legend>
        <SettingControl name="hidden" hint="Units in h (H), the same for all three cells." />
        <SettingControl name="init" />
        <SettingControl name="whh" hint="Every gate block of W_hh is treated alike." />
        <SettingControl
          name="whhValue"
          disabled={whh === "init"}
          hint={whh === "init" ? "Choose “rescaled” or “multiplied” above to use this." : whh === "radius" ? "ρ(W_hh): below 1 shrinks, above 1 stretches." : "Multiplies W_hh."}
        />
        <SettingControl name="forgetBias" hint="b_f: σ(b_f) is the share of c kept per step at the start." />
        <SettingControl name="updateBias" hint="b_z: σ(b_z) is the share of h the GRU keeps per step at the start." />
      </fieldset>
      <fieldset>
        <legend>Training</legend>
        <SettingControl name="optimizer" />
        <SettingControl name="lr" />
        <SettingControl name="batch" hint="Sequences per step; all three cells get the same ones." />
        <SettingControl name="clip" hint="Rescales the gradient when its norm is above the max norm." />
        <SettingControl name="clipNorm" disabled={!clip} />
        <SettingControl name="seed" hint="Same seed, same data and initial weights." />
      </fieldset>
    </div>
  );
}
