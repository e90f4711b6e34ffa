// src/widgets/controls/ToggleField.tsx: a labelled on/off switch (a checkbox, so every browser and reader knows it).
import { useId, type ReactNode } from "react";
import { FieldMessage } from "./FieldMessage";

export interface ToggleFieldProps {
  label: string;
  checked: boolean;
  error?: string | undefined;
  hint?: ReactNode;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function ToggleField({ label, checked, error, hint, onChange, disabled = false }: ToggleFieldProps) {
  const id = useId();
  return (
    <div className="control control-toggle" data-invalid={error ? "" : undefined}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}
