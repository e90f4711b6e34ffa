// src/widgets/chars/SettingControl.tsx: one lab setting as the control its schema kind calls for, wired to the store.
import type { ReactNode } from "react";
import { CHAR_SCHEMA, type CharKey } from "../../store/charSettings";
import { NumberField, SelectField, ToggleField, type SelectOption } from "../controls";
import { useChar, useCharStore } from "./CharStoreProvider";

/** How each choice reads on screen (the URL keeps the short value). */
const OPTION_LABELS: Record<string, string> = {
  rnn: "RNN (tanh)",
  lstm: "LSTM",
  gru: "GRU",
  adam: "Adam",
  rmsprop: "RMSprop",
  momentum: "SGD with momentum",
  sgd: "SGD",
};

export function SettingControl({ name, hint, disabled }: { name: Exclude<CharKey, "corpus">; hint?: ReactNode; disabled?: boolean }) {
  const store = useCharStore();
  const value = useChar((s) => s.settings[name]);
  const error = useChar((s) => s.fieldErrors[name]);
  const spec = CHAR_SCHEMA[name];
  const offer = (raw: unknown): boolean => {
    store.getState().setSetting(name, raw);
    return store.getState().fieldErrors[name] === undefined;
  };
  switch (spec.kind) {
    case "enum": {
      const options: SelectOption[] = spec.options.map((o) => ({ value: o, label: OPTION_LABELS[o] ?? o }));
      return <SelectField label={spec.label} value={String(value)} options={options} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    }
    case "bool":
      return <ToggleField label={spec.label} checked={value === true} error={error} hint={hint} disabled={disabled} onChange={offer} />;
    case "int":
    case "number":
      return <NumberField label={spec.label} value={Number(value)} error={error} hint={hint} disabled={disabled} onCommit={offer} />;
  }
}
