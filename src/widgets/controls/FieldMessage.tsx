// src/widgets/controls/FieldMessage.tsx: the line under a control: why a value was refused, or a hint.
import type { ReactNode } from "react";
import { useT } from "../../i18n";
import { CONTROLS } from "../../i18n/controls";
import { EMBED } from "../../i18n/embed";

/** The ids of the lines FieldMessage shows, for the control's aria-describedby (the lock note first). */
export function describedBy(id: string, { error, hint, locked }: { error?: string | undefined; hint?: ReactNode; locked?: boolean }): string | undefined {
  const ids = [locked ? `${id}-locked` : null, error ? `${id}-error` : hint ? `${id}-hint` : null].filter((x) => x !== null);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/**
 * Ids are `${id}-locked`, `${id}-error` and `${id}-hint` (see describedBy). A setting the course locked (lock=… in
 * the link) says so above the hint, so a learner knows why the control does not respond.
 */
export function FieldMessage({ id, error, hint, kept, locked = false }: { id: string; error?: string | undefined; hint?: ReactNode; kept?: string; locked?: boolean }) {
  const t = useT(CONTROLS);
  const te = useT(EMBED);
  const lockNote = locked ? (
    <p id={`${id}-locked`} className="control-locked">
      {te("lockedNote")}
    </p>
  ) : null;
  if (error) {
    return (
      <>
        {lockNote}
        <p id={`${id}-error`} className="control-error">
          {error}
          {kept !== undefined ? t("stillUsing", { kept }) : null}
        </p>
      </>
    );
  }
  if (hint) {
    return (
      <>
        {lockNote}
        <p id={`${id}-hint`} className="control-hint">
          {hint}
        </p>
      </>
    );
  }
  return lockNote;
}
