// src/widgets/sine/SavedRunNote.tsx: whether the run is kept in this browser across reloads, and the button to forget it.
import { useT } from "../../i18n";
import { SAVED } from "../../i18n/saved";
import { useSine, useSineStore } from "./SineStoreProvider";

export function SavedRunNote() {
  const t = useT(SAVED);
  const store = useSineStore();
  const canPersist = useSine((s) => s.canPersist);
  const saved = useSine((s) => s.saved);
  if (!canPersist) return <p className="sine-saved">{t("noStorage")}</p>;
  return (
    <div className="sine-saved">
      <p>{saved === null ? t("willSave") : saved.isRestored ? t("restored", { step: saved.step }) : t("savedAt", { step: saved.step })}</p>
      <button
        type="button"
        onClick={() => {
          void store.getState().forgetSaved();
        }}
      >
        {t("forget")}
      </button>
    </div>
  );
}
