// src/widgets/controls/NumberField.tsx: a labelled number box that commits on Enter or blur and shows why a value was refused.
import { useId, useState, type ReactNode } from "react";
import { useIsLocked } from "../../embed/EmbedContext";
import { describedBy, FieldMessage } from "./FieldMessage";

export interface NumberFieldProps {
  label: string;
  /** The value in force (the store's). */
  value: number;
  /** Why the last value typed here was refused; the value in force is kept. */
  error?: string | undefined;
  /** A short note under the control (units, what it does). */
  hint?: ReactNode;
  /**
   * Offers the typed text; returns whether it was accepted. Refused text stays in the box, beside the message,
   * so the learner can correct it.
   */
  onCommit: (raw: string) => boolean;
  disabled?: boolean;
  /** The setting's URL key ("lr"): a link that locks it (lock=lr) disables the control and says why. */
  settingKey?: string;
}

/**
 * A text box, not `type="number"`: a number input empties itself on "abc" or "1e", so the message could not
 * quote what was typed. While the learner edits, the box shows their text; otherwise the value in force.
 */
export function NumberField({ label, value, error, hint, onCommit, disabled = false, settingKey }: NumberFieldProps) {
  const id = useId();
  const isLocked = useIsLocked(settingKey);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    if (onCommit(draft)) setDraft(null);
  };
  const revert = () => {
    setDraft(null);
    // Re-offering the value in force clears any message about the refused text.
    onCommit(String(value));
  };
  return (
    <div className="control" data-invalid={error ? "" : undefined}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? String(value)}
        disabled={disabled || isLocked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint, locked: isLocked })}
        onChange={(e) => {
          setDraft(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          } else if (e.key === "Escape" && (draft !== null || error)) {
            e.preventDefault();
            revert();
          }
        }}
      />
      <FieldMessage id={id} error={error} hint={hint} kept={String(value)} locked={isLocked} />
    </div>
  );
}
