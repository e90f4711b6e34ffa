// src/widgets/chars/ModelPanel.tsx: save the model as a file, load one (also from PyTorch), forget what is saved.
import { useId } from "react";
import { inLang, useT } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { useChar, useCharStore } from "./CharStoreProvider";
import { useEmbed } from "../../embed/EmbedContext";
import { EMBED } from "../../i18n/embed";
import { PytorchExport } from "./PytorchExport";

export function ModelPanel() {
  const store = useCharStore();
  const t = useT(CHARS);
  const te = useT(EMBED);
  const message = useChar((s) => s.modelMessage);
  const canPersist = useChar((s) => s.canPersist);
  const hasModel = useChar((s) => s.snapshot !== null);
  const fileId = useId();
  const embed = useEmbed();
  // The page gives such a lab no storage (src/app/pages/CharLabPage.tsx): say why, not "this browser has none".
  const isCourseLab = embed.isEmbed || Object.keys(embed.locks).length > 0;
  return (
    <section className="chars-panel" aria-labelledby={`${fileId}-h`}>
      <h2 id={`${fileId}-h`}>{t("models")}</h2>
      <div className="chars-row">
        <button type="button" disabled={!hasModel} onClick={() => { store.getState().saveModel(); }}>
          {t("saveModel")}
        </button>
      </div>
      <PytorchExport />
      <label htmlFor={fileId}>{t("loadModelFile")}</label>
      <input
        id={fileId}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          void file.text().then((text) => {
            store.getState().loadModelFile(text, file.name);
          });
        }}
      />
      {message && (
        <p className={message.kind === "error" ? "chars-message chars-error" : "chars-message chars-ok"} role={message.kind === "error" ? "alert" : undefined}>
          {inLang(message.text, t.lang)}
        </p>
      )}
      <p className="chars-note">{t("modelFileNote")}</p>
      {canPersist ? (
        <>
          <p className="chars-note">{t("keptInBrowser")}</p>
          <button type="button" onClick={() => { void store.getState().forgetSaved(); }}>
            {t("forgetSaved")}
          </button>
        </>
      ) : isCourseLab ? (
        <p className="chars-note">{te("courseLabNoStorage")}</p>
      ) : (
        <p className="chars-note">{t("noStorage")}</p>
      )}
    </section>
  );
}
