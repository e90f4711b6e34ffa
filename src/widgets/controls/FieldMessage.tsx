// src/widgets/controls/FieldMessage.tsx: the line under a control: why a value was refused, or a hint.
import type { ReactNode } from "react";

/** Ids are `${id}-error` and `${id}-hint`, which the control names in aria-describedby. */
export function FieldMessage({ id, error, hint, kept }: { id: string; error?: string | undefined; hint?: ReactNode; kept?: string }) {
  if (error) {
    return (
      <p id={`${id}-error`} className="control-error">
        {error}
        {kept !== undefined ? ` Still using ${kept}.` : null}
      </p>
    );
  }
  if (hint) {
    return (
      <p id={`${id}-hint`} className="control-hint">
        {hint}
      </p>
    );
  }
  return null;
}
