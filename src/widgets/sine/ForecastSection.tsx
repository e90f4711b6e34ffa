// src/widgets/sine/ForecastSection.tsx: a built-in series: its split in time, normalisation, and the Baselines table.
import { useId } from "react";
import { SERIES, type SeriesId } from "../../data/forecast";
import { SERIES_CATALOG } from "../../data/catalog";
import type { ForecastMetrics } from "../../data/baselines";
import { useT, type Translate } from "../../i18n";
import { SINE } from "../../i18n/sine";
import { SplitChart, type SplitRange } from "../../viz/SplitChart";
import { formatCount, formatValue } from "../../viz/format";
import type { ForecastView } from "../../worker/sine/protocol";
import type { ScoreRow } from "../../worker/sine/forecast";
import { useSine } from "./SineStoreProvider";

type T = Translate<typeof SINE>;

const STEP_KEY = { day: "stepDay", "5 s": "step5s", "trading day": "stepTradingDay" } as const;
const UNIT_KEY: Record<SeriesId, "unitBirths" | "unitCelsius" | "unitPrice"> = {
  births1969: "unitBirths",
  births2000: "unitBirths",
  sensor: "unitCelsius",
  randomWalk: "unitPrice",
};

/** The name of a row of the Baselines table, with what it needs said (period, window, epoch). */
export function modelLabel(t: T, row: ScoreRow, view: ForecastView): string {
  switch (row.name) {
    case "rnn":
      return row.test ? t("modelRnn", { step: formatCount(row.step ?? 0) }) : t("modelRnnUnscored");
    case "persistence":
      return t("modelPersistence");
    case "seasonalNaive":
      return view.period > 1 ? t("modelSeasonalNaive", { m: view.period }) : t("modelSeasonalNaiveNone");
    case "ar":
      return t("modelAr", { p: view.p });
    case "dense":
      return row.test ? t("modelDense", { p: view.p, best: row.bestEpoch ?? 0, epoch: row.epoch ?? 0 }) : t("modelDenseWaiting", { p: view.p });
  }
}

/** A level or spread in the series' units: whole births, hundredths of a degree. */
function level(v: number): string {
  return Math.abs(v) >= 100 ? formatCount(Math.round(v)) : formatValue(v);
}

/** A metric to 4 significant figures (MAE of births in the hundreds, of the sensor in thousandths). */
function metric(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "–" : v >= 1000 ? formatCount(Math.round(v)) : Number(v.toPrecision(4)).toString();
}

export function BaselinesTable({ view, unit }: { view: ForecastView; unit: string }) {
  const t = useT(SINE);
  const scored = view.rows.filter((r): r is ScoreRow & { test: ForecastMetrics } => r.test !== null);
  const best = scored.length > 0 ? Math.min(...scored.map((r) => r.test.mase)) : NaN;
  const naive = view.period > 1 ? t("naiveWeekly") : t("naivePlain");
  return (
    <>
      <table className="sine-baselines">
        <caption>{t("baselinesCaption", { k: view.k, n: formatCount(view.testWindows) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colModel")}</th>
            <th scope="col">{t("colMae")}</th>
            <th scope="col">{t("colRmse")}</th>
            <th scope="col">{t("colMase")}</th>
            {view.k > 1 ? <th scope="col">{t("colLastStep", { k: view.k })}</th> : null}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => {
            const m = row.test;
            const isBest = m !== null && m.mase === best;
            return (
              <tr key={row.name} className={row.name === "rnn" ? "sine-baselines-rnn" : undefined}>
                <th scope="row">{modelLabel(t, row, view)}</th>
                <td>{metric(m?.mae)}</td>
                <td>{metric(m?.rmse)}</td>
                <td className={isBest ? "sine-baselines-best" : undefined}>
                  {m ? m.mase.toFixed(3) : "–"}
                  {isBest ? <span className="sine-baselines-mark"> ({t("bestMark")})</span> : null}
                </td>
                {view.k > 1 ? <td>{metric(m?.maeByStep[view.k - 1])}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="sine-chart-note">{t("baselinesNote", { unit, naive, k: view.k, epochs: view.denseEpochs })}</p>
    </>
  );
}

export function ForecastSection() {
  const id = useId();
  const t = useT(SINE);
  const builtin = useSine((s) => (s.series === null ? s.builtin : null));
  const view = useSine((s) => s.snapshot?.forecast ?? null);
  if (!builtin || !view || view.n !== builtin.values.length) return null;
  const info = SERIES[builtin.id];
  const entry = SERIES_CATALOG[builtin.id];
  const unit = t(UNIT_KEY[builtin.id]);
  const ranges: SplitRange[] = [
    { label: t("rangeTrain"), from: 0, to: view.trainEnd },
    { label: t("rangeValidation"), from: view.trainEnd, to: view.validationEnd },
    { label: t("rangeTest"), from: view.validationEnd, to: view.n },
  ];
  const description = t("splitDescription", {
    n: formatCount(view.n),
    trainEnd: formatCount(view.trainEnd),
    validationStart: formatCount(view.trainEnd + 1),
    validationEnd: formatCount(view.validationEnd),
    testStart: formatCount(view.validationEnd + 1),
  });
  const about = builtin.id === "randomWalk" ? t("randomWalkNote") : builtin.id === "sensor" ? t("sensorNote") : t("birthsNote");
  return (
    <section className="sine-forecast" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("forecastHeading", { name: entry.name[t.lang] })}</h3>
      <p className="sine-note">
        {about} {t("credit", { credit: entry.credit[t.lang] })}
      </p>
      <BaselinesTable view={view} unit={unit} />
      <SplitChart
        values={builtin.values}
        ranges={ranges}
        title={t("splitTitle")}
        valueLabel={unit}
        stepLabel={t("stepAxis", { step: t(STEP_KEY[info.step]) })}
        description={description}
      />
      <p className="sine-chart-note">
        {description} {t("splitNote", { mean: level(view.mean), std: level(view.std), p: view.p })}
      </p>
    </section>
  );
}
