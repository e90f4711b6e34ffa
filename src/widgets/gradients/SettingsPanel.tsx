// src/widgets/gradients/SettingsPanel.tsx: every setting of the visualizer, grouped as Task, Weights and Training.
import type { ReactNode } from "react";
import { inLang, useLang, useT } from "../../i18n";
import { optionLabel } from "../../i18n/controls";
import { GRADS } from "../../i18n/gradients";
import { GRAD_SCHEMA, type GradKey } from "../../store/gradSettings";
import { labelOf } from "../../store/schema";
import { NumberField, SelectField, ToggleField, type SelectOption } from "../controls";
import { useGrad, useGradStore } from "./GradStoreProvider";

/** Choices whose words differ here from the other widgets' (src/i18n/controls.ts OPTIONS has the rest). */
const OWN_OPTIONS = { identity: "option_identity", init: "option_init", radius: "option_radius", scale: "option_scale" } as const;

function isOwnOption(value: string): value is keyof typeof OWN_OPTIONS {
  return value in OWN_OPTIONS;
}

function SettingControl({ name, hint, disabled }: { name: GradKey; hint?: ReactNode; disabled?: boolean }) {
  const store = useGradStore();
  const t = useT(GRADS);
  const lang = useLang();
  const value = useGrad((s) => s.settings[name]);
  const fieldError = useGrad((s) => s.fieldErrors[name]);
  const error = fieldError === undefined ? undefined : inLang(fieldError, lang);
  const spec = GRAD_SCHEMA[name];
  const label = labelOf(spec, lang);
  const offer = (raw: unknown): boolean => {
    store.getState().setSetting(name, raw);
    return store.getState().fieldErrors[name] === undefined;
  };
  switch (spec.kind) {
    case "enum": {
      const options: SelectOption[] = spec.options.map((o) => ({ value: o, label: isOwnOption(o) ? t(OWN_OPTIONS[o]) : optionLabel(o, lang) }));
      return <SelectField settingKey={name} label={label} value={String(value)} options={options} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    }
    case "bool":
      return <ToggleField settingKey={name} label={label} checked={value === true} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    case "int":
    case "number":
      return <NumberField settingKey={name} label={label} value={Number(value)} error={error} hint={hint} disabled={disabled} onCommit={offer} />;
  }
}

export function SettingsPanel() {
  const t = useT(GRADS);
  const whh = useGrad((s) => s.settings.whh);
  const clip = useGrad((s) => s.settings.clip);
  return (
    <div className="grad-settings">
      <p className="grad-note">{t("settingsNote")}</p>
      <fieldset>
        <legend>{t("groupTask")}</legend>
        <SettingControl name="seqLength" hint={t("hintSeqLength")} />
        <SettingControl name="classes" hint={t("hintClasses")} />
        <SettingControl name="distractors" hint={t("hintDistractors")} />
      </fieldset>
      <fieldset>
        <legend>{t("groupWeights")}</legend>
        <SettingControl name="hidden" hint={t("hintHidden")} />
        <SettingControl name="init" />
        <SettingControl name="whh" hint={t("hintWhh")} />
        <SettingControl
          name="whhValue"
          disabled={whh === "init"}
          hint={whh === "init" ? t("hintWhhInit") : whh === "radius" ? t("hintWhhRadius") : t("hintWhhScale")}
        />
        <SettingControl name="forgetBias" hint={t("hintForgetBias")} />
        <SettingControl name="updateBias" hint={t("hintUpdateBias")} />
      </fieldset>
      <fieldset>
        <legend>{t("groupTraining")}</legend>
        <SettingControl name="optimizer" />
        <SettingControl name="lr" />
        <SettingControl name="batch" hint={t("hintBatch")} />
        <SettingControl name="clip" hint={t("hintClip")} />
        <SettingControl name="clipNorm" disabled={!clip} />
        <SettingControl name="seed" hint={t("hintSeed")} />
      </fieldset>
    </div>
  );
}
