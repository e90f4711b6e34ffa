// src/widgets/sine/SettingsPanel.tsx: every sine setting, grouped as Data, Model and Training, plus the learner's own series.
import { useT } from "../../i18n";
import { SINE } from "../../i18n/sine";
import { useSine } from "./SineStoreProvider";
import { SeriesSection } from "./SeriesSection";
import { SettingControl } from "./SettingControl";
import { SERIES_CATALOG } from "../../data/catalog";
import { seriesOfData } from "../../store/sineSettings";
import type { Lang } from "../../i18n";

/** The name of a `data` choice: "Sums of sines" or the built-in series' name from the catalogue. */
export function dataLabel(data: string, lang: Lang): string {
  const id = seriesOfData(data);
  return id === null ? SINE.dataSines[lang] : SERIES_CATALOG[id].name[lang];
}

export function SettingsPanel() {
  const t = useT(SINE);
  const hasSeries = useSine((s) => s.series !== null);
  const isSines = useSine((s) => s.settings.data === "sines");
  const loading = useSine((s) => s.dataLoading);
  // The sines' own settings do nothing on a real series or an own CSV.
  const sineOnly = hasSeries ? t("sineOnly") : !isSines ? t("sinesOnly") : undefined;
  const notSines = hasSeries || !isSines;
  return (
    <div className="sine-settings">
      <p className="sine-note">{t("settingsNote")}</p>
      <fieldset>
        <legend>{t("groupData")}</legend>
        <SettingControl
          name="data"
          disabled={hasSeries}
          optionLabel={(o) => dataLabel(o, t.lang)}
          hint={hasSeries ? t("sineOnly") : loading ? t("loadingData", { name: dataLabel(loading, t.lang) }) : t("hintData")}
        />
        <SettingControl name="waves" disabled={notSines} hint={sineOnly ?? t("hintWaves")} />
        <SettingControl name="periodMin" disabled={notSines} hint={sineOnly ?? t("hintPeriod")} />
        <SettingControl name="periodMax" disabled={notSines} hint={sineOnly} />
        <SettingControl name="ampMin" disabled={notSines} hint={sineOnly} />
        <SettingControl name="ampMax" disabled={notSines} hint={sineOnly} />
        <SettingControl name="phase" disabled={notSines} hint={sineOnly ?? t("hintPhase")} />
        <SettingControl name="noise" disabled={notSines} hint={sineOnly ?? t("hintNoise")} />
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
