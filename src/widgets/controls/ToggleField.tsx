// src/widgets/controls/ToggleField.tsx: a labelled on/off switch (a checkbox, so every browser and reader knows it).
import { useId, type ReactNode } from "react";
import { useIsLocked } from "../../embed/EmbedContext";
import { describedBy, FieldMessage } from "./FieldMessage";

export interface ToggleFieldProps {
  label: string;
  checked: boolean;
  error?: string | undefined;
  hint?: ReactNode;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** The setting's URL key ("cell"): a link that locks it (lock=cell) disables the control and says why. */
  settingKey?: string;
}

export function ToggleField({ label, checked, error, hint, onChange, disabled = false, settingKey }: ToggleFieldProps) {
  const id = useId();
  const isLocked = useIsLocked(settingKey);
  return (
    <div className="control control-toggle" data-invalid={error ? "" : undefined}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled || isLocked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint, locked: isLocked })}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
      <FieldMessage id={id} error={error} hint={hint} locked={isLocked} />
    </div>
  );
}
