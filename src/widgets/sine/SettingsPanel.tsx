// src/widgets/sine/SettingsPanel.tsx: every sine setting, grouped as Data, Model and Training, plus the learner's own series.
import { useT } from "../../i18n";
import { SINE } from "../../i18n/sine";
import { useSine } from "./SineStoreProvider";
import { SeriesSection } from "./SeriesSection";
import { SettingControl } from "./SettingControl";

export function SettingsPanel() {
  const t = useT(SINE);
  const hasSeries = useSine((s) => s.series !== null);
  const sineOnly = hasSeries ? t("sineOnly") : undefined;
  return (
    <div className="sine-settings">
      <p className="sine-note">{t("settingsNote")}</p>
      <fieldset>
        <legend>{t("groupData")}</legend>
        <SettingControl name="waves" disabled={hasSeries} hint={sineOnly ?? t("hintWaves")} />
        <SettingControl name="periodMin" disabled={hasSeries} hint={sineOnly ?? t("hintPeriod")} />
        <SettingControl name="periodMax" disabled={hasSeries} hint={sineOnly} />
        <SettingControl name="ampMin" disabled={hasSeries} hint={sineOnly} />
        <SettingControl name="ampMax" disabled={hasSeries} hint={sineOnly} />
        <SettingControl name="phase" disabled={hasSeries} hint={sineOnly ?? t("hintPhase")} />
        <SettingControl name="noise" disabled={hasSeries} hint={sineOnly ?? t("hintNoise")} />
        <SettingControl name="seqLength" hint={t("hintSeqLength")} />
        <SettingControl name="horizon" hint={t("hintHorizon")} />
        <SettingControl name="validation" hint={t("hintValidation")} />
        <SeriesSection />
      </fieldset>
      <fieldset>
        <legend>{t("groupModel")}</legend>
        <SettingControl name="cell" />
        <SettingControl name="hidden" hint={t("hintHidden")} />
        <SettingControl name="layers" />
        <SettingControl name="init" />
      </fieldset>
      <fieldset>
        <legend>{t("groupTraining")}</legend>
        <SettingControl name="optimizer" />
        <SettingControl name="lr" />
        <SettingControl name="batch" hint={t("hintBatch")} />
        <SettingControl name="clip" hint={t("hintClip")} />
        <SettingControl name="clipNorm" />
        <SettingControl name="seed" hint={t("hintSeed")} />
      </fieldset>
    </div>
  );
}
