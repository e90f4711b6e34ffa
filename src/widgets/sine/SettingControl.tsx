// src/widgets/sine/SettingControl.tsx: one sine setting as the control its schema kind calls for, wired to the store.
import type { ReactNode } from "react";
import { inLang, useLang } from "../../i18n";
import { optionLabel } from "../../i18n/controls";
import { labelOf } from "../../store/schema";
import { SINE_SCHEMA, type SineKey } from "../../store/sineSettings";
import { useSine, useSineStore } from "./SineStoreProvider";
import { NumberField, SelectField, ToggleField, type SelectOption } from "../controls";

export function SettingControl({
  name,
  hint,
  disabled,
  optionLabel: labelFor,
}: {
  name: SineKey;
  hint?: ReactNode;
  disabled?: boolean;
  /** Words for an enum's options, where the shared option names do not have them. */
  optionLabel?: (option: string) => string;
}) {
  const store = useSineStore();
  const lang = useLang();
  const value = useSine((s) => s.settings[name]);
  const fieldError = useSine((s) => s.fieldErrors[name]);
  const error = fieldError === undefined ? undefined : inLang(fieldError, lang);
  const spec = SINE_SCHEMA[name];
  const label = labelOf(spec, lang);
  const offer = (raw: unknown): boolean => {
    store.getState().setSetting(name, raw);
    return store.getState().fieldErrors[name] === undefined;
  };
  switch (spec.kind) {
    case "enum": {
      const options: SelectOption[] = spec.options.map((o) => ({ value: o, label: labelFor ? labelFor(o) : optionLabel(o, lang) }));
      return <SelectField settingKey={name} label={label} value={String(value)} options={options} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    }
    case "bool":
      return <ToggleField settingKey={name} label={label} checked={value === true} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    case "int":
    case "number":
      return <NumberField settingKey={name} label={label} value={Number(value)} error={error} hint={hint} disabled={disabled} onCommit={offer} />;
  }
}
