// src/i18n/viz.ts: the charts' words: titles, axes, legends, readouts, the gist in aria-labels, data tables.
import { fn, formatNumber, translator, type Dict, type Translate } from "./index";

/** "1 timestep", "1,200 timesteps": English counts take a plural. */
const en = (one: string, many = `${one}s`) => (p: { n: number }) => `${formatNumber(p.n, "en")} ${p.n === 1 ? one : many}`;
/** "1,200 个时间步", "8 行": Chinese counts take a measure word, no plural. */
const zh = (unit: string) => (p: { n: number }) => `${formatNumber(p.n, "zh")} ${unit}`;

export const VIZ = {
  // Shared by every chart
  noData: { en: "No data yet — press Train", zh: "还没有数据——请按“训练”" },
  timestepHint: { en: "Hover, or focus the chart and use ← →, to read a timestep.", zh: "将鼠标悬停在图上，或聚焦图表后按 ← → 键，读取某个时间步的值。" },
  showData: { en: "Show data", zh: "显示数据" },
  // The button reads "Show data for Training loss"; the chart's name is for screen readers only.
  showDataFor: { en: " for {title}", zh: "（{title}）" },
  captionOf: { en: "{title}: {rows}", zh: "{title}：{rows}" },
  allRows: { en: "all {count}", zh: "全部 {count}" },
  someRows: { en: "{shown} of {count}, evenly spaced", zh: "均匀选取 {shown} 个（共 {count}）" },
  listSeparator: { en: ", ", zh: "，" },
  partSeparator: { en: "; ", zh: "；" },
  rangeFromTo: { en: "from {min} to {max}", zh: "从 {min} 到 {max}" },
  noFiniteValues: { en: "no finite values", zh: "没有有限值" },
  notFinite: { en: "; {count} not finite", zh: "；{count}不是有限值" },
  notFiniteLegend: { en: "not finite ({n})", zh: "非有限值（{n}）" },
  timestepAxis: { en: "timestep t", zh: "时间步 t" },
  unitAxis: { en: "unit", zh: "单元" },
  unitN: { en: "unit {j}", zh: "单元 {j}" },
  min: { en: "min", zh: "最小值" },
  mean: { en: "mean", zh: "均值" },
  max: { en: "max", zh: "最大值" },
  atT: { en: "t = {t}: {values}", zh: "t = {t}：{values}" },

  // Counts (a number with its noun)
  countLoggedSteps: fn(en("logged step"), zh("个已记录的步")),
  countSteps: fn(en("step"), zh("步")),
  countTimesteps: fn(en("timestep"), zh("个时间步")),
  countTeacherTimesteps: fn(en("teacher-forced timestep"), zh("个教师强制时间步")),
  countFreeTimesteps: fn(en("free-running timestep"), zh("个自由运行时间步")),
  countUnits: fn(en("unit"), zh("个单元")),
  countValues: fn(en("value"), zh("个值")),
  countPredictions: fn(en("prediction"), zh("个预测")),
  countRows: fn(en("row"), zh("行")),
  countColumns: fn(en("column"), zh("列")),

  // Loss chart
  lossTitle: { en: "Loss", zh: "损失" },
  lossAxis: { en: "loss (log)", zh: "损失（对数）" },
  stepAxis: { en: "optimiser step", zh: "优化步" },
  training: { en: "training", zh: "训练" },
  validation: { en: "validation", zh: "验证" },
  lossHint: { en: "Hover, or focus the chart and use ← →, to read a logged step.", zh: "将鼠标悬停在图上，或聚焦图表后按 ← → 键，读取某个已记录的步。" },
  lossReadout: { en: "step {step}: training {loss}", zh: "第 {step} 步：训练 {loss}" },
  lossReadoutValidation: { en: ", validation {loss}", zh: "，验证 {loss}" },
  lossReadoutAtStep: { en: " (step {step})", zh: "（第 {step} 步）" },
  trainingLoss: { en: "Training loss", zh: "训练损失" },
  validationLoss: { en: "validation loss", zh: "验证损失" },
  noValuesYet: { en: "{name}: no values yet", zh: "{name}：还没有数值" },
  neverFinite: { en: "{name} is not finite at any of {count}", zh: "{name}在全部 {count}上都不是有限值" },
  lossAt: { en: "{name} is {value} at step {step}", zh: "{name}在第 {step} 步为 {value}" },
  lossFell: { en: "{name} fell from {a} to {b} over {count}", zh: "{name}在 {count}内从 {a} 降到 {b}" },
  lossRose: { en: "{name} rose from {a} to {b} over {count}", zh: "{name}在 {count}内从 {a} 升到 {b}" },
  lossFlat: { en: "{name} stayed near {b} over {count}", zh: "{name}在 {count}内保持在 {b} 附近" },
  notFiniteBetween: { en: " ({count} in between not finite)", zh: "（其间有 {count}不是有限值）" },
  thenFrom: { en: ", then {value} from step {step}", zh: "，从第 {step} 步起变为 {value}" },
  stepHeader: { en: "step", zh: "步" },
  trainingLossHeader: { en: "training loss", zh: "训练损失" },
  validationLossHeader: { en: "validation loss", zh: "验证损失" },

  // Target vs prediction
  seriesTitle: { en: "Target vs prediction", zh: "目标与预测" },
  valueAxis: { en: "value", zh: "值" },
  teacherForcedMark: { en: "← teacher-forced", zh: "← 教师强制" },
  freeRunningMark: { en: "free-running →", zh: "自由运行 →" },
  drift: { en: "drift", zh: "偏离" },
  target: { en: "target", zh: "目标" },
  oneStepPrediction: { en: "one-step prediction (teacher-forced)", zh: "单步预测（教师强制）" },
  freeRunningPrediction: { en: "free-running prediction", zh: "自由运行预测" },
  freeRunningError: { en: "free-running error", zh: "自由运行误差" },
  readoutTeacher: { en: "t = {t} (teacher-forced): target {target}, prediction {prediction}", zh: "t = {t}（教师强制）：目标 {target}，预测 {prediction}" },
  readoutFree: { en: "t = {t} (free-running): target {target}, prediction {prediction}", zh: "t = {t}（自由运行）：目标 {target}，预测 {prediction}" },
  readoutError: { en: ", error {error}", zh: "，误差 {error}" },
  notAvailable: { en: "not available", zh: "无法计算" },
  teacherSummary: { en: "Teacher-forced prediction over {count}: RMS error {rms}", zh: "教师强制预测，共 {count}：均方根误差 {rms}" },
  someNotFinite: { en: " ({count} not finite)", zh: "（{count}不是有限值）" },
  freeNoTruth: { en: "free-running for {count} (no true continuation to compare with)", zh: "自由运行 {count}（没有真实的后续数据可供比较）" },
  freeSummary: { en: "free-running for {count}: RMS error {rms}", zh: "自由运行 {count}：均方根误差 {rms}" },
  freeStaysClose: { en: ", staying within 10% of the target's range", zh: "，始终在目标取值范围的 10% 以内" },
  freeDrifts: { en: ", drifting beyond 10% of the target's range from t = {t}", zh: "，从 t = {t} 起偏离超过目标取值范围的 10%" },
  andRows: { en: " and {rows}", zh: "，以及{rows}" },
  teacherForcedHeader: { en: "teacher-forced", zh: "教师强制" },
  freeRunningHeader: { en: "free-running", zh: "自由运行" },

  // Hidden and cell state heatmaps
  stateGist: { en: "{label}: {units} × {timesteps}, values {range}", zh: "{label}：{units} × {timesteps}，取值{range}" },
  colourRange: { en: " (colours from {a} to {b})", zh: "（颜色范围 {a} 到 {b}）" },
  mostActiveUnit: { en: "; most active unit {j} (mean |value| {m})", zh: "；最活跃的是单元 {j}（平均 |值| {m}）" },
  unitValue: { en: "unit {j} {value}", zh: "单元 {j} {value}" },
  columnRange: { en: "from {min} (unit {i}) to {max} (unit {j}), mean {mean}", zh: "从 {min}（单元 {i}）到 {max}（单元 {j}），均值 {mean}" },
  lowMeanHigh: { en: "{caption}; lowest, mean and highest of {count}", zh: "{caption}；{count}中的最小值、均值和最大值" },

  // Gate heatmaps
  gatesTitle: { en: "Gate activations", zh: "门激活值" },
  gate_i: { en: "input gate", zh: "输入门" },
  gateMeaning_i: { en: "how much of the candidate g is written into c", zh: "候选值 g 有多少写入 c" },
  gate_f: { en: "forget gate", zh: "遗忘门" },
  gateMeaning_f: { en: "how much of c_{t−1} is kept", zh: "c_{t−1} 保留多少" },
  gate_g: { en: "candidate", zh: "候选值" },
  gateMeaning_g: { en: "new content proposed for c", zh: "为 c 提出的新内容" },
  gate_o: { en: "output gate", zh: "输出门" },
  gateMeaning_o: { en: "how much of tanh(c_t) shows in h_t", zh: "tanh(c_t) 有多少体现在 h_t 中" },
  gate_r: { en: "reset gate", zh: "重置门" },
  gateMeaning_r: { en: "how much of h_{t−1} feeds the candidate n", zh: "h_{t−1} 有多少进入候选值 n" },
  gate_z: { en: "update gate", zh: "更新门" },
  gateMeaning_z: { en: "how much of h_{t−1} is kept (1 − z of n is taken)", zh: "h_{t−1} 保留多少（候选值 n 取 1 − z）" },
  gate_n: { en: "candidate", zh: "候选值" },
  gateMeaning_n: { en: "new content proposed for h", zh: "为 h 提出的新内容" },
  gateGist: {
    en: "{name}, {title} ({activation}, {lo} to {hi}): mean {mean}, values {range} over {timesteps} × {units}",
    zh: "{name}，{title}（{activation}，{lo} 到 {hi}）：均值 {mean}，取值{range}，共 {timesteps} × {units}",
  },
  gatesReadout: { en: "t = {t}, mean over units: {values}", zh: "t = {t}，各单元均值：{values}" },
  gatesCaption: { en: "{title}: mean over {units}, {rows}", zh: "{title}：{units}的均值，{rows}" },

  // Gradient norms
  gradNormTitle: { en: "‖∂L/∂h_t‖ per timestep", zh: "每个时间步的 ‖∂L/∂h_t‖" },
  normAxis: { en: "norm (log)", zh: "范数（对数）" },
  noPositiveValues: { en: "{label}: no positive finite values", zh: "{label}：没有正的有限值" },
  normAt: { en: "{label} {value} at t = {t}", zh: "{label} 在 t = {t} 时为 {value}" },
  normAtAlso: { en: ", {value} at t = {t}", zh: "，在 t = {t} 时为 {value}" },
  zeroOrNotFinite: { en: " ({count} zero or not finite)", zh: "（{count}为零或不是有限值）" },
  offScale: { en: "{label} (leaves the chart: {lo} to {hi})", zh: "{label}（超出图表：{lo} 到 {hi}）" },
  normsGist: { en: "{title} over {count}: {parts}", zh: "{title}，共 {count}：{parts}" },

  // Weight and gradient matrices
  matrixGist: { en: "{label}: {rows} × {cols} matrix", zh: "{label}：{rows} × {cols} 矩阵" },
  rowBlocks: { en: " (row blocks {blocks})", zh: "（行块：{blocks}）" },
  rowBlock: { en: "{name} of {size}", zh: "{name} 共 {size} 行" },
  matrixValues: { en: ", values {range}, mean |value| {mean}", zh: "，取值{range}，平均 |值| {mean}" },
  columnAxis: { en: "column", zh: "列" },
  rowAxis: { en: "row", zh: "行" },
  minMax: { en: "min {min}, max {max}", zh: "最小值 {min}，最大值 {max}" },
  matrixHint: { en: "Hover, or focus the matrix and use the arrow keys, to read a cell.", zh: "将鼠标悬停在矩阵上，或聚焦矩阵后按方向键，读取某个格子的值。" },
  cellReadout: { en: "{row}, column {col}: {value}", zh: "{row}，第 {col} 列：{value}" },
  rowInBlock: { en: "row {row} ({block}, unit {unit})", zh: "第 {row} 行（{block}，单元 {unit}）" },
  rowN: { en: "row {row}", zh: "第 {row} 行" },
  columnN: { en: "column {col}", zh: "第 {col} 列" },

  // Text coloured by a unit
  charReadout: { en: "Character {i}, \"{ch}\": {value}", zh: "第 {i} 个字符“{ch}”：{value}" },
  charHint: { en: "Hover a character to read its value.", zh: "将鼠标悬停在字符上，读取它的值。" },
  charNoValues: { en: "{title}: no values.", zh: "{title}：没有数值。" },
  charGist: {
    en: "{title} over {n} characters: highest {max} after \"{atMax}\", lowest {min} after \"{atMin}\".",
    zh: "{title}，共 {n} 个字符：在“{atMax}”之后最高，为 {max}；在“{atMin}”之后最低，为 {min}。",
  },
  charCaption: { en: "{title}: the first {n} of {total} characters", zh: "{title}：{total} 个字符中的前 {n} 个" },
  positionHeader: { en: "position", zh: "位置" },
  characterHeader: { en: "character", zh: "字符" },
  valueHeader: { en: "value", zh: "值" },

  // Next-character candidates
  candidatesEmpty: { en: "Press Generate to see the candidates at each step.", zh: "按“生成”查看每一步的候选字符。" },
  drawn: { en: " (drawn)", zh: "（抽中）" },
  drawnMark: { en: " ◀ drawn", zh: " ◀ 抽中" },
  sentenceEnd: { en: ".", zh: "。" },
} as const satisfies Dict;

export type VizT = Translate<typeof VIZ>;

/** English, for the exported helpers called outside a component (tests, other modules). */
export const VIZ_EN: VizT = translator(VIZ, "en");
