// src/widgets/chars/SettingsPanel.tsx: the network and how it trains.
import { useT } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { SettingControl } from "./SettingControl";
import { useChar } from "./CharStoreProvider";

export function SettingsPanel() {
  const t = useT(CHARS);
  const clip = useChar((s) => s.settings.clip);
  return (
    <section className="chars-panel" aria-labelledby="chars-settings-h">
      <h2 id="chars-settings-h">{t("modelAndTraining")}</h2>
      <SettingControl name="cell" />
      <SettingControl name="hidden" />
      <SettingControl name="layers" />
      <SettingControl name="bptt" hint={t("hintBptt")} />
      <SettingControl name="batch" hint={t("hintBatch")} />
      <SettingControl name="optimizer" />
      <SettingControl name="lr" />
      <SettingControl name="clip" />
      {clip && <SettingControl name="clipNorm" />}
      <SettingControl name="validation" hint={t("hintValidation")} />
      <SettingControl name="seed" />
      <p className="chars-note">{t("settingsNote")}</p>
    </section>
  );
}
