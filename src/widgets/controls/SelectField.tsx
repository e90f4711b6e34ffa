// src/widgets/controls/SelectField.tsx: a labelled drop-down over a fixed list of options.
import { useId, type ReactNode } from "react";
import { useIsLocked } from "../../embed/EmbedContext";
import { describedBy, FieldMessage } from "./FieldMessage";

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
  /** The setting's URL key ("cell"): a link that locks it (lock=cell) disables the control and says why. */
  settingKey?: string;
}

export function SelectField({ label, value, options, error, hint, onChange, disabled = false, settingKey }: SelectFieldProps) {
  const id = useId();
  const isLocked = useIsLocked(settingKey);
  return (
    <div className="control" data-invalid={error ? "" : undefined}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled || isLocked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint, locked: isLocked })}
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
      <FieldMessage id={id} error={error} hint={hint} locked={isLocked} />
    </div>
  );
}
