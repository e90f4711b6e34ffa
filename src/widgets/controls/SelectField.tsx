// src/widgets/controls/SelectField.tsx: a labelled drop-down over a fixed list of options.
import { useId, type ReactNode } from "react";
import { FieldMessage } from "./FieldMessage";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  error?: string | undefined;
  hint?: ReactNode;
  onChange: (value: string) => void;
  disabled?: boolean;
}

export function SelectField({ label, value, options, error, hint, onChange, disabled = false }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="control" data-invalid={error ? "" : undefined}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}
