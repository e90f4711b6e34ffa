// src/widgets/sine/SettingControl.tsx: one sine setting as the control its schema kind calls for, wired to the store.
import type { ReactNode } from "react";
import { SINE_SCHEMA, type SineKey } from "../../store/sineSettings";
import { useSine, useSineStore } from "../../store/WidgetStoreProvider";
import { NumberField, SelectField, ToggleField, type SelectOption } from "../controls";

/** How each choice reads on screen (the URL keeps the short value). */
const OPTION_LABELS: Record<string, string> = {
  rnn: "RNN (tanh)",
  lstm: "LSTM",
  gru: "GRU",
  pytorch: "PyTorch default (uniform ±1/√H)",
  xavier: "Xavier",
  orthogonal: "Orthogonal",
  identity: "Identity (recurrent weights)",
  adam: "Adam",
  rmsprop: "RMSprop",
  momentum: "SGD with momentum",
  sgd: "SGD",
};

export function SettingControl({ name, hint, disabled }: { name: SineKey; hint?: ReactNode; disabled?: boolean }) {
  const store = useSineStore();
  const value = useSine((s) => s.settings[name]);
  const error = useSine((s) => s.fieldErrors[name]);
  const spec = SINE_SCHEMA[name];
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
