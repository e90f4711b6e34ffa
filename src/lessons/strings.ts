// src/lessons/strings.ts: every word the lesson widgets show, in English and Simplified Chinese.
// Lesson prose lives in lessons/<lang>/*.mdx; this file holds only the widgets' labels and messages.
import type { Lang } from "./i18n";

const OPTIMIZERS_EN: Partial<Record<string, string>> = { sgd: "SGD", momentum: "SGD with momentum", adagrad: "Adagrad", rmsprop: "RMSprop", adam: "Adam", adamw: "AdamW" };
const OPTIMIZERS_ZH: Partial<Record<string, string>> = { sgd: "SGD", momentum: "带动量的 SGD", adagrad: "Adagrad", rmsprop: "RMSprop", adam: "Adam", adamw: "AdamW" };

const en = {
  // Lesson pages
  lessonsTitle: "Lessons",
  lessonsIntro:
    "Nine short lessons on recurrent networks. Each one puts the equations beside a small network running in your page: step through time, hover a symbol to see its value, and change the numbers.",
  lessonNumber: (n: number) => `Lesson ${n}`,
  language: "Language",
  previousLesson: "Previous lesson",
  nextLesson: "Next lesson",
  allLessons: "All lessons",
  lessonNotFound: "No such lesson",
  lessonNotFoundBody: (slug: string) => `There is no lesson called “${slug}”. Pick one from the list of lessons.`,
  loadingLesson: "Loading the lesson…",
  loadingWidget: "Loading the widget…",
  widgetUnknown: (name: string) => `This lesson asks for a widget called “${name}”, which does not exist.`,

  // Step controls
  stepControls: "Step through time",
  forwardPass: "Forward pass",
  backwardPass: "Backward pass",
  previousStep: "Previous timestep",
  nextStep: "Next timestep",
  play: "Play",
  pause: "Pause",
  timestep: "Timestep",
  stepStatus: (t: number, T: number, forward: boolean) =>
    `Timestep t = ${t} of ${T}, ${forward ? "forward pass" : "backward pass"}.`,
  keyboardHint: "Keys: ← → move one timestep, Home and End jump to the first and last.",

  // Step-through widget
  stepThroughTitle: (cell: string, H: number) => `A tiny ${cell} (hidden size ${H}), step by step`,
  equations: "Equations",
  atThisStep: (t: number) => `With the numbers of timestep ${t}`,
  valuesCaption: (t: number) => `Values at timestep ${t}`,
  symbolHeader: "Symbol",
  valueHeader: "Value",
  symbolsLabel: "Symbols: hover or focus one to see its current value",
  hoverHint: "Hover a symbol in the equations or the diagram, or focus one in the list, to see its value.",
  diagramLabel: (T: number, t: number, forward: boolean, many: boolean) =>
    `The network unrolled over ${T} timesteps, ${many ? "with an output at every step" : "with one output after the last step"}; timestep ${t} is highlighted (${forward ? "forward pass" : "backward pass"}).`,
  diagramTitle: "Unrolled network",
  lossLine: (loss: string) => `Loss of this sequence: L = ${loss}`,
  hiddenUntilAnswered: "A value marked ? is the answer to the exercise below: it appears once you have checked or revealed your answer.",
  noFutureStep: "no step T + 1",

  // Weight editor
  weights: "Weights",
  weightsHelp: "Type a new value and the whole pass is recomputed by the engine.",
  resetWeights: "Reset weights",
  weightLabel: (name: string, r: number, c: number) => `${name} row ${r}, column ${c}`,
  biasLabel: (name: string, r: number) => `${name} entry ${r}`,
  notANumber: "Type a number, e.g. 0.5 or −1.2.",

  // Predict, then reveal
  predictTitle: "Predict, then reveal",
  yourAnswer: "Your answer",
  answerFor: (what: string) => `Your answer for ${what}`,
  predictAsk: (what: string, decimals: number) =>
    `Compute ${what} by hand, rounded to ${decimals} decimal${decimals === 1 ? "" : "s"} (a decimal comma is fine), type it, then check. Until then it shows as ? in the widget above.`,
  entryOf: (symbol: string, k: number) => `entry ${k} of ${symbol}`,
  check: "Check",
  reveal: "Reveal",
  correct: (v: string) => `Right: the engine computed ${v}.`,
  wrong: (tol: string) => `Not quite. Check your arithmetic (answers within ±${tol} count), or reveal the answer.`,
  revealed: (v: string) => `The engine computed ${v}.`,
  enterNumber: "Type a number first (e.g. 0.42 or −0.17).",

  // Gradient check
  gradCheckTitle: "Gradient check",
  runGradCheck: "Run the gradient check",
  gradCheckCaption: "Every weight once: BPTT gradients against central finite differences, (L(θ + ε) − L(θ − ε)) / 2ε with ε = 10⁻⁵",
  gradCheckCaptionDropped: "Every weight once: gradients without the t + 1 term against central finite differences of the full loss (ε = 10⁻⁵)",
  dropNextTerm: "Drop the t + 1 term (a BPTT bug)",
  bpttDropped: "BPTT without the t + 1 term",
  droppedExplained: "Without the t + 1 term each step's gradient forgets what it did to later steps: only the head's weights, which see no recurrence, still agree.",
  parameter: "Parameter",
  entry: "Entry",
  bptt: "BPTT",
  finiteDiff: "Finite difference",
  relError: "Relative error",
  gradCheckVerdict: (maxRel: string, ok: boolean) =>
    ok ? `They agree: the largest relative error is ${maxRel}.` : `They disagree: the largest relative error is ${maxRel}.`,

  // Gradient flow
  gradientFlowTitle: "Gradient flowing back through time",
  chartData: "The numbers behind the chart",
  cellDiagramLabel: (cell: string, t: number) =>
    `Inside the ${cell} cell at timestep ${t}: the state's path along the top, each gate's value on its wire`,
  waveTitle: "An RNN continues a wave it has not seen",
  activationsTitle: "Activation functions and their slopes",
  activationChoice: "Activation function",
  preActivation: "pre-activation a",
  saturated: "saturated",
  deadRelu: "slope 0",
  activationLine: (name: string, a: string, f: string, df: string, saturated: boolean, edge: string | null) =>
    `At a = ${a}: ${name}(a) = ${f}, slope ${name}′(a) = ${df}. ` +
    (edge === null
      ? saturated
        ? "ReLU passes no gradient back here: its slope is 0 for every negative a."
        : "ReLU's slope is 1 for every positive a: no saturation, but no bound either."
      : saturated
        ? `Saturated (|a| > ${edge}, where the slope is below a tenth of its peak): a gradient passing back through this unit nearly vanishes.`
        : `Not saturated (the slope falls below a tenth of its peak only for |a| > ${edge}).`),
  trueWave: "the true wave",
  networkWave: "the network's continuation",
  waveAxis: (prompt: number) => `step (the network reads steps 1–${prompt}, then continues on its own)`,
  valueAxis: "value",
  waveError: (err: string, steps: number) =>
    `After ${steps} training steps, the continuation is off by ${err} on average (the wave's amplitude is 1).`,
  scrollCue: "⇆ scroll sideways",
  stepAxis: "training step",
  lossAxis: "loss (log scale)",
  pressTrain: "press Train to draw the curve",
  timeAxis: "timestep t (t = 1 is the first input; the loss is at t = T)",
  gradNormAxis: "norm (log scale)",
  spectralRadius: "Spectral radius ρ of W_hh",
  forgetBias: "Forget-gate bias",
  measuredRadius: (r: string) => `ρ(W_hh) measured by the engine: ${r}`,
  ratioLine: (first: string, last: string, ratio: string) =>
    `‖∂L/∂h_T‖ = ${last}, ‖∂L/∂h_1‖ = ${first}: the gradient changed by a factor ${ratio} on its way back.`,
  clipThreshold: "Clipping threshold (maximum norm)",
  clipLine: (before: string, after: string, clipped: boolean) =>
    clipped ? `Gradient norm ${before} is clipped to ${after}: same direction, shorter step.` : `Gradient norm ${before} is below the threshold: left unchanged.`,
  cellLabel: "Cell",
  normSeries: (what: string) => `‖∂L/∂${what}_t‖`,
  gradientsLink: "Explore further in the gradient visualizer",

  // Training experiments
  train: "Train",
  pauseTraining: "Pause",
  reset: "Reset",
  stepsDone: (n: number) => `${n} optimiser steps`,
  optimizer: "Optimiser",
  learningRate: "Learning rate",
  clipping: "Gradient clipping",
  clippingOff: "off",
  weightDecay: "Weight decay λ",
  hiddenSize: "Hidden size",
  errorAnalysisCaption: "Error analysis: accuracy on the held-out sequences by the distance between a and b",
  markerDistance: "Steps between a and b",
  sequencesHeader: "Sequences",
  testAccuracy: "Accuracy",
  decayKind: "Weight decay applied as",
  decayAdamL2: "Adam + L2 (PyTorch Adam weight_decay)",
  decayAdamW: "AdamW (decoupled)",
  augmentLabel: "Augment: 5 copies of each training wave, shifted up or down, with extra noise",
  trainingLoss: "Training loss",
  validationLoss: "Validation loss",
  diverged: (step: number) => `Diverged at step ${step}: the loss became NaN or infinite. Lower the learning rate or turn on clipping, then reset.`,
  bestValidation: (step: number, loss: string) => `Best validation loss ${loss} at step ${step}: early stopping would keep these weights.`,
  finalLoss: (loss: string) => `final loss ${loss}`,
  lossName: "Loss function",
  optimizerName: (kind: string) => OPTIMIZERS_EN[kind] ?? kind,
  runLabel: (optimizer: string, lr: string, clip: string | null, wd: string | null) =>
    `${optimizer}, learning rate ${lr}${clip ? `, clipping at ${clip}` : ""}${wd ? `, weight decay ${wd}` : ""}`,
  trainingWidgetTitle: (what: string) => `Live experiment: ${what}`,
  clippedSteps: (n: number, of: number) => `${n} of ${of} steps clipped`,
  lossChartTitle: (label: string) => `Loss: ${label}`,
  fitTitle: "Live experiment: capacity, early stopping and weight decay",
  fitLossTitle: (H: number, wd: string) => `Training and validation loss (hidden size ${H}, weight decay ${wd})`,
  lossExplorerTitle: "Live experiment: softmax and cross-entropy",
  score: (k: number) => `Score y${k}`,
  correctClass: "Correct class",
  classLabel: (k: number) => `class ${k}`,
  classifierTitle: "Live experiment: which comes first, a or b?",
  cellChoice: "Cell",
  testLoss: "Held-out loss",
  attentionDiagramTitle: "Encoder–decoder with attention",
  attentionIllustrative: "The weights drawn here are illustrative (chosen by hand), not computed by a trained model.",
  chooseDecoderStep: "Decoder step",
  bidirectionalTitle: "A bidirectional RNN",
  bidirectionalLabel: (T: number) =>
    `A bidirectional RNN over ${T} steps: a forward RNN reads x_1 to x_${T}, a backward RNN reads x_${T} to x_1, and each output y_t reads both states at step t.`,
  attentionLabel: (t: number, target: string, strongest: string) =>
    `Encoder–decoder with attention. Decoder step ${t} (“${target}”) attends most to the source word “${strongest}”.`,
  encoder: "encoder",
  decoder: "decoder",
  context: "context",

  // Classification
  accuracy: (train: string, test: string) => `Accuracy: ${train} on the training set, ${test} on held-out sequences.`,
  trySequence: "Try a sequence",
  sequenceInput: "Sequence (letters a, b, c, d)",
  prediction: (label: string, p: string) => `The network says: ${label} (probability ${p}).`,
  sequenceInvalid: (n: number) => `Type exactly ${n} letters, each a, b, c or d, with exactly one a and one b.`,
  classAFirst: "a comes first",
  classBFirst: "b comes first",
  examplesCaption: "Held-out sequences and the network's answers",
  sequence: "Sequence",
  truth: "True class",
  predicted: "Predicted",

  // Attention
  attentionTitle: "Attention weights",
  decoderStep: "Decoder step",
  sourceToken: "Source word",
} as const;

export type Strings = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const zh: Strings = {
  lessonsTitle: "课程",
  lessonsIntro:
    "九节关于循环神经网络的短课。每一节都把公式和一个在你的页面里实时运行的小网络并排放在一起：沿时间逐步前进或后退，把鼠标移到符号上查看它当前的数值，并亲手修改数字。",
  lessonNumber: (n) => `第 ${n} 课`,
  language: "语言",
  previousLesson: "上一课",
  nextLesson: "下一课",
  allLessons: "全部课程",
  lessonNotFound: "没有这节课",
  lessonNotFoundBody: (slug) => `不存在名为“${slug}”的课程。请从课程列表中选择。`,
  loadingLesson: "正在加载课程…",
  loadingWidget: "正在加载交互组件…",
  widgetUnknown: (name) => `本课需要名为“${name}”的交互组件，但它不存在。`,

  stepControls: "沿时间逐步查看",
  forwardPass: "前向传播",
  backwardPass: "反向传播",
  previousStep: "上一个时间步",
  nextStep: "下一个时间步",
  play: "播放",
  pause: "暂停",
  timestep: "时间步",
  stepStatus: (t, T, forward) => `时间步 t = ${t}（共 ${T} 步），${forward ? "前向传播" : "反向传播"}。`,
  keyboardHint: "键盘：← → 前后移动一个时间步，Home 和 End 跳到第一步和最后一步。",

  stepThroughTitle: (cell, H) => `逐步运行一个很小的 ${cell}（隐藏层大小 ${H}）`,
  equations: "公式",
  atThisStep: (t) => `代入第 ${t} 个时间步的数值`,
  valuesCaption: (t) => `第 ${t} 个时间步的数值`,
  symbolHeader: "符号",
  valueHeader: "数值",
  symbolsLabel: "符号：将鼠标移到或用键盘聚焦某个符号，查看它当前的数值",
  hoverHint: "把鼠标移到公式或示意图中的符号上，或在列表中用键盘聚焦某个符号，即可看到它的数值。",
  diagramLabel: (T, t, forward, many) =>
    `沿时间展开 ${T} 步的网络，${many ? "每一步都有输出" : "只在最后一步之后有一个输出"}；当前高亮第 ${t} 个时间步（${forward ? "前向传播" : "反向传播"}）。`,
  diagramTitle: "展开后的网络",
  lossLine: (loss) => `这个序列的损失：L = ${loss}`,
  hiddenUntilAnswered: "标为 ? 的值是下方练习的答案：检查或揭晓答案之后才会显示。",
  noFutureStep: "没有第 T + 1 步",

  weights: "权重",
  weightsHelp: "输入新的数值，引擎会重新计算整个前向和反向过程。",
  resetWeights: "恢复初始权重",
  weightLabel: (name, r, c) => `${name} 第 ${r} 行第 ${c} 列`,
  biasLabel: (name, r) => `${name} 第 ${r} 个分量`,
  notANumber: "请输入一个数，例如 0.5 或 −1.2。",

  predictTitle: "先预测，再揭晓",
  yourAnswer: "你的答案",
  answerFor: (what) => `你对 ${what} 的答案`,
  predictAsk: (what, decimals) => `请手算 ${what}，保留 ${decimals} 位小数（小数点写成逗号也可以），输入后点击“检查”。作答之前，上方组件里的这个值显示为 ?。`,
  entryOf: (symbol, k) => `${symbol} 的第 ${k} 个分量`,
  check: "检查",
  reveal: "揭晓答案",
  correct: (v) => `正确：引擎算出的是 ${v}。`,
  wrong: (tol) => `还不对。请检查计算（误差在 ±${tol} 以内都算对），或者揭晓答案。`,
  revealed: (v) => `引擎算出的是 ${v}。`,
  enterNumber: "请先输入一个数（例如 0.42 或 −0.17）。",

  gradCheckTitle: "梯度检验",
  runGradCheck: "运行梯度检验",
  gradCheckCaption: "每个权重检验一次：BPTT 梯度与中心有限差分 (L(θ + ε) − L(θ − ε)) / 2ε（ε = 10⁻⁵）的对比",
  gradCheckCaptionDropped: "每个权重检验一次：去掉 t + 1 项的梯度与完整损失的中心有限差分（ε = 10⁻⁵）的对比",
  dropNextTerm: "去掉 t + 1 项（一个 BPTT 错误）",
  bpttDropped: "去掉 t + 1 项的 BPTT",
  droppedExplained: "去掉 t + 1 项后，每一步的梯度都忘了它对后面各步的影响：只有不经过循环的输出层权重仍然一致。",
  parameter: "参数",
  entry: "分量",
  bptt: "BPTT",
  finiteDiff: "有限差分",
  relError: "相对误差",
  gradCheckVerdict: (maxRel, ok) => (ok ? `两者一致：最大相对误差为 ${maxRel}。` : `两者不一致：最大相对误差为 ${maxRel}。`),

  gradientFlowTitle: "沿时间反向流动的梯度",
  spectralRadius: "W_hh 的谱半径 ρ",
  forgetBias: "遗忘门偏置",
  chartData: "图中的数据",
  cellDiagramLabel: (cell, t) => `第 ${t} 个时间步的 ${cell} 单元内部：顶部是状态的通路，每个门的取值标在它的连线上`,
  waveTitle: "RNN 接着画出一条没见过的波形",
  activationsTitle: "激活函数及其斜率",
  activationChoice: "激活函数",
  preActivation: "预激活值 a",
  saturated: "饱和区",
  deadRelu: "斜率为 0",
  activationLine: (name, a, f, df, saturated, edge) =>
    `在 a = ${a} 处：${name}(a) = ${f}，斜率 ${name}′(a) = ${df}。` +
    (edge === null
      ? saturated
        ? "这里 ReLU 不往回传任何梯度：对所有负的 a，它的斜率都是 0。"
        : "对所有正的 a，ReLU 的斜率都是 1：不会饱和，但也没有上界。"
      : saturated
        ? `处于饱和区（|a| > ${edge}，斜率不到峰值的十分之一）：经过这个单元往回传的梯度几乎消失。`
        : `未饱和（只有当 |a| > ${edge} 时，斜率才会低于峰值的十分之一）。`),
  trueWave: "真实的波形",
  networkWave: "网络续写的部分",
  waveAxis: (prompt) => `时间步（网络先读第 1–${prompt} 步，然后自己接着往下写）`,
  valueAxis: "数值",
  waveError: (err, steps) => `训练 ${steps} 步之后，续写部分与真实波形平均相差 ${err}（波形的振幅为 1）。`,
  scrollCue: "⇆ 左右滑动查看",
  stepAxis: "训练步数",
  lossAxis: "损失（对数刻度）",
  pressTrain: "按“训练”开始画曲线",
  timeAxis: "时间步 t（t = 1 是第一个输入；损失在 t = T）",
  gradNormAxis: "范数（对数刻度）",
  measuredRadius: (r) => `引擎测得的 ρ(W_hh)：${r}`,
  ratioLine: (first, last, ratio) => `‖∂L/∂h_T‖ = ${last}，‖∂L/∂h_1‖ = ${first}：梯度在反向传回的途中变为原来的 ${ratio} 倍。`,
  clipThreshold: "裁剪阈值（最大范数）",
  clipLine: (before, after, clipped) =>
    clipped ? `梯度范数 ${before} 被裁剪为 ${after}：方向不变，步子变短。` : `梯度范数 ${before} 低于阈值，保持不变。`,
  cellLabel: "单元类型",
  normSeries: (what) => `‖∂L/∂${what}_t‖`,
  gradientsLink: "到梯度可视化页面进一步探索",

  train: "训练",
  pauseTraining: "暂停",
  reset: "重置",
  stepsDone: (n) => `已进行 ${n} 次优化步`,
  optimizer: "优化器",
  learningRate: "学习率",
  clipping: "梯度裁剪",
  clippingOff: "关闭",
  weightDecay: "权重衰减 λ",
  hiddenSize: "隐藏层大小",
  errorAnalysisCaption: "错误分析：按 a 与 b 之间的距离统计留出序列上的准确率",
  markerDistance: "a 与 b 相隔的步数",
  sequencesHeader: "序列数",
  testAccuracy: "准确率",
  decayKind: "权重衰减的方式",
  decayAdamL2: "Adam + L2（PyTorch Adam 的 weight_decay）",
  decayAdamW: "AdamW（解耦）",
  augmentLabel: "扩充：每条训练波形再加 5 个上下平移、额外加噪的副本",
  trainingLoss: "训练损失",
  validationLoss: "验证损失",
  diverged: (step) => `在第 ${step} 步发散：损失变成了 NaN 或无穷大。请降低学习率或打开梯度裁剪，然后重置。`,
  bestValidation: (step, loss) => `验证损失在第 ${step} 步最低，为 ${loss}：早停会保留这一步的权重。`,
  finalLoss: (loss) => `最终损失 ${loss}`,
  lossName: "损失函数",
  optimizerName: (kind) => OPTIMIZERS_ZH[kind] ?? kind,
  runLabel: (optimizer, lr, clip, wd) =>
    `${optimizer}，学习率 ${lr}${clip ? `，裁剪阈值 ${clip}` : ""}${wd ? `，权重衰减 ${wd}` : ""}`,
  trainingWidgetTitle: (what) => `现场实验：${what}`,
  clippedSteps: (n, of) => `${of} 步中有 ${n} 步被裁剪`,
  lossChartTitle: (label) => `损失：${label}`,
  fitTitle: "现场实验：模型容量、早停与权重衰减",
  fitLossTitle: (H, wd) => `训练损失与验证损失（隐藏层大小 ${H}，权重衰减 ${wd}）`,
  lossExplorerTitle: "现场实验：softmax 与交叉熵",
  score: (k) => `分数 y${k}`,
  correctClass: "正确类别",
  classLabel: (k) => `类别 ${k}`,
  classifierTitle: "现场实验：a 和 b 谁先出现？",
  cellChoice: "单元类型",
  testLoss: "留出集损失",
  attentionDiagramTitle: "带注意力机制的编码器–解码器",
  attentionIllustrative: "图中画出的权重只是示意（手工选定），并非由训练好的模型计算得到。",
  chooseDecoderStep: "解码器时间步",
  bidirectionalTitle: "双向 RNN",
  bidirectionalLabel: (T) =>
    `一个展开 ${T} 步的双向 RNN：前向 RNN 从 x_1 读到 x_${T}，反向 RNN 从 x_${T} 读到 x_1，每个输出 y_t 同时读取第 t 步的两个状态。`,
  attentionLabel: (t, target, strongest) => `带注意力机制的编码器–解码器。解码器第 ${t} 步（“${target}”）最关注源语言词“${strongest}”。`,
  encoder: "编码器",
  decoder: "解码器",
  context: "上下文",

  accuracy: (train, test) => `准确率：训练集 ${train}，未参与训练的序列 ${test}。`,
  trySequence: "试一个序列",
  sequenceInput: "序列（字母 a、b、c、d）",
  prediction: (label, p) => `网络的判断：${label}（概率 ${p}）。`,
  sequenceInvalid: (n) => `请输入恰好 ${n} 个字母，只能是 a、b、c、d，并且 a 和 b 各出现一次。`,
  classAFirst: "a 在前",
  classBFirst: "b 在前",
  examplesCaption: "未参与训练的序列与网络的回答",
  sequence: "序列",
  truth: "真实类别",
  predicted: "预测",

  attentionTitle: "注意力权重",
  decoderStep: "解码器时间步",
  sourceToken: "源语言词",
};

export const STRINGS: Record<Lang, Strings> = { en, zh };
