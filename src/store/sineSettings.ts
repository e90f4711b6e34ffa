// src/store/sineSettings.ts: the sine playground's settings: the schema, cross-field rules, and the trainer setup.
import type { DataSetup, TrainerSetup } from "../worker/sine/protocol";
import type { OptimSettings } from "../worker/kit/protocol";
import { msgOf, type Msg } from "../i18n";
import { SINE_LINK } from "../i18n/sineLink";
import type { Schema, Values } from "./schema";
import { randomWalk, SERIES, type SeriesId } from "../data/forecast";

export const SINE_SCHEMA = {
  // data: sums of sines, or a built-in real series (fetched when chosen) forecast against baselines
  data: { kind: "enum", label: "Data set", labelZh: "数据集", options: ["sines", "births", "births2000", "sensor", "randomwalk"], default: "sines" },
  waves: { kind: "int", label: "Number of sines", labelZh: "正弦波个数", min: 1, max: 3, default: 2 },
  periodMin: { kind: "number", label: "Shortest period", labelZh: "最短周期", min: 4, max: 500, default: 12 },
  periodMax: { kind: "number", label: "Longest period", labelZh: "最长周期", min: 4, max: 500, default: 40 },
  ampMin: { kind: "number", label: "Smallest amplitude", labelZh: "最小振幅", min: 0, max: 10, default: 0.3 },
  ampMax: { kind: "number", label: "Largest amplitude", labelZh: "最大振幅", min: 0, max: 10, default: 1 },
  phase: { kind: "number", label: "Phase range (radians)", labelZh: "相位范围（弧度）", min: 0, max: 6.2832, default: 6.2832 },
  noise: { kind: "number", label: "Noise (std)", labelZh: "噪声（标准差）", min: 0, max: 2, default: 0.02 },
  seqLength: { kind: "int", label: "Sequence length", labelZh: "序列长度", min: 5, max: 200, default: 50 },
  horizon: { kind: "int", label: "Prediction horizon k", labelZh: "预测步长 k", min: 1, max: 50, default: 1 },
  validation: { kind: "number", label: "Validation fraction", labelZh: "验证集比例", min: 0.05, max: 0.5, default: 0.2 },
  // model
  cell: { kind: "enum", label: "Cell", labelZh: "单元类型", options: ["rnn", "lstm", "gru"], default: "lstm" },
  hidden: { kind: "int", label: "Hidden size", labelZh: "隐藏层大小", min: 1, max: 256, default: 24 },
  layers: { kind: "int", label: "Layers", labelZh: "层数", min: 1, max: 4, default: 1 },
  init: { kind: "enum", label: "Initialiser", labelZh: "初始化方法", options: ["pytorch", "xavier", "orthogonal", "identity"], default: "pytorch" },
  // training
  optimizer: { kind: "enum", label: "Optimiser", labelZh: "优化器", options: ["adam", "rmsprop", "momentum", "sgd"], default: "adam" },
  lr: { kind: "number", label: "Learning rate", labelZh: "学习率", min: 0, max: 100, default: 0.01, minExclusive: true },
  batch: { kind: "int", label: "Batch size", labelZh: "批大小", min: 1, max: 128, default: 16 },
  clip: { kind: "bool", label: "Gradient clipping", labelZh: "梯度裁剪", default: true },
  clipNorm: { kind: "number", label: "Clipping max norm", labelZh: "裁剪最大范数", min: 0, max: 1000, default: 1, minExclusive: true },
  seed: { kind: "int", label: "Seed", labelZh: "随机种子", min: 0, max: 2 ** 31 - 1, default: 1 },
} as const satisfies Schema;

export type SineSettings = Values<typeof SINE_SCHEMA>;
export type SineKey = keyof SineSettings;

/** Settings a running network takes without a restart. */
export const LIVE_KEYS: readonly SineKey[] = ["optimizer", "lr", "clip", "clipNorm"];

/** Rules between fields; returns an error per offending field, in both languages (empty when consistent). */
export function crossCheck(s: SineSettings, seriesLength: number | null): Partial<Record<SineKey, Msg>> {
  const e: Partial<Record<SineKey, Msg>> = {};
  if (s.periodMin > s.periodMax) e.periodMin = msgOf(SINE_LINK, "periodOrder", { min: String(s.periodMin), max: String(s.periodMax) });
  if (s.ampMin > s.ampMax) e.ampMin = msgOf(SINE_LINK, "ampOrder", { min: String(s.ampMin), max: String(s.ampMax) });
  if (s.horizon >= s.seqLength) e.horizon = msgOf(SINE_LINK, "horizonTooLong", { horizon: s.horizon, seqLength: s.seqLength });
  if (seriesLength !== null) {
    // The same split as makeSeriesDataset (src/data/csv.ts): the last `validation` of the series is held out, and
    // both parts must hold a whole window, or the trainer would refuse the setup after the store accepted it.
    const win = s.seqLength + s.horizon;
    const split = Math.floor(seriesLength * (1 - s.validation));
    if (split < win + 1 || seriesLength - split < win) {
      e.seqLength = msgOf(SINE_LINK, "seriesTooShort", { n: String(seriesLength), win, seqLength: s.seqLength, horizon: s.horizon, validation: String(s.validation) });
    }
  }
  return e;
}

/** The built-in series behind each `data` choice other than sines. */
export const DATA_SERIES: Readonly<Record<string, SeriesId>> = {
  births: "births1969",
  births2000: "births2000",
  sensor: "sensor",
  randomwalk: "randomWalk",
};

/** Values of the random-walk "price" (generated from the seed, so another seed is another walk). */
export const RANDOM_WALK_LENGTH = 2000;

/** A built-in series the page has fetched (or generated), with the label of each value (dates, seconds). */
export interface BuiltinSeries {
  id: SeriesId;
  values: Float64Array;
  labels: readonly string[];
}

/** The series `data` names, if it is built in: its id, and whether it is a file to fetch (else generated). */
export function seriesOfData(data: string): SeriesId | null {
  return DATA_SERIES[data] ?? null;
}

/** The built-in series these settings train on: the fetched one when it is the chosen one, the walk from the seed. */
export function builtinFor(s: SineSettings, fetched: BuiltinSeries | null): BuiltinSeries | null {
  const id = seriesOfData(s.data);
  if (id === null) return null;
  if (SERIES[id].file === null) {
    const walk = randomWalk({ length: RANDOM_WALK_LENGTH, seed: s.seed });
    return { id, values: walk.values, labels: walk.labels };
  }
  return fetched?.id === id ? fetched : null;
}

export interface SeriesInput {
  values: Float64Array;
  name: string | null;
  fileName: string | null;
}

export function optimOf(s: SineSettings): OptimSettings {
  return { optimizer: s.optimizer as OptimSettings["optimizer"], learningRate: s.lr, clipMaxNorm: s.clip ? s.clipNorm : null };
}

/**
 * The trainer's setup. An own series (pasted CSV) comes first; then a built-in series when its values are at hand
 * (`builtin`, from builtinFor); else sines.
 */
export function toSetup(s: SineSettings, series: SeriesInput | null, builtin: BuiltinSeries | null = null): TrainerSetup {
  const data: DataSetup = series
    ? { kind: "series", values: series.values, name: series.name, seqLength: s.seqLength, horizon: s.horizon, validationFraction: s.validation }
    : builtin
    ? { kind: "forecast", series: builtin.id, values: builtin.values, seqLength: s.seqLength, horizon: s.horizon, period: SERIES[builtin.id].period, validationFraction: s.validation }
    : {
        kind: "sine",
        spec: {
          waves: s.waves, periodMin: s.periodMin, periodMax: s.periodMax, ampMin: s.ampMin, ampMax: s.ampMax,
          phaseMax: s.phase, noise: s.noise, seqLength: s.seqLength, horizon: s.horizon, count: 256,
          validationFraction: s.validation, seed: s.seed,
        },
      };
  return {
    model: { cell: s.cell as TrainerSetup["model"]["cell"], hiddenSize: s.hidden, numLayers: s.layers, init: s.init as TrainerSetup["model"]["init"] },
    optim: optimOf(s),
    batchSize: s.batch,
    seed: s.seed,
    data,
  };
}
