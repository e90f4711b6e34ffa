// src/widgets/chars/SettingControl.tsx: one lab setting as the control its schema kind calls for, wired to the store.
import type { ReactNode } from "react";
import { inLang, useLang } from "../../i18n";
import { optionLabel } from "../../i18n/controls";
import { CHAR_SCHEMA, type CharKey } from "../../store/charSettings";
import { labelOf } from "../../store/schema";
import { NumberField, SelectField, ToggleField, type SelectOption } from "../controls";
import { useChar, useCharStore } from "./CharStoreProvider";

export function SettingControl({ name, hint, disabled }: { name: Exclude<CharKey, "corpus">; hint?: ReactNode; disabled?: boolean }) {
  const store = useCharStore();
  const lang = useLang();
  const value = useChar((s) => s.settings[name]);
  const fieldError = useChar((s) => s.fieldErrors[name]);
  const error = fieldError === undefined ? undefined : inLang(fieldError, lang);
  const spec = CHAR_SCHEMA[name];
  const label = labelOf(spec, lang);
  const offer = (raw: unknown): boolean => {
    store.getState().setSetting(name, raw);
    return store.getState().fieldErrors[name] === undefined;
  };
  switch (spec.kind) {
    case "enum": {
      const options: SelectOption[] = spec.options.map((o) => ({ value: o, label: optionLabel(o, lang) }));
      return <SelectField settingKey={name} label={label} value={String(value)} options={options} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    }
    case "bool":
      return <ToggleField settingKey={name} label={label} checked={value === true} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    case "int":
    case "number":
      return <NumberField settingKey={name} label={label} value={Number(value)} error={error} hint={hint} disabled={disabled} onCommit={offer} />;
  }
}
