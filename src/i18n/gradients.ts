// src/i18n/gradients.ts: the gradient visualizer's words: page, run bar, presets, settings, per-cell panels, messages.
import { fn, type Dict } from "./index";
import { GRADS_LINK } from "./gradientsLink";

export const GRADS = {
  ...GRADS_LINK,
  widgetName: { en: "Gradient-vanishing visualizer", zh: "梯度消失可视化" },
  pageLeadBefore: {
    en: "Why do tanh-RNNs forget, while LSTMs and GRUs remember? Three networks learn the same task side by side: read a symbol, then T − 1 distractors, then say which symbol came first. Watch how much of the gradient ∂L/∂h",
    zh: "为什么 tanh-RNN 会遗忘，而 LSTM 和 GRU 能记住？三个网络并排学习同一个任务：先读入一个符号，再读入 T − 1 个干扰符号，最后说出最先出现的是哪个符号。观察梯度 ∂L/∂h",
  },
  pageLeadAfter: { en: " makes it back from the answer to that first step.", zh: " 有多少能从答案一路传回到第一步。" },

  // Status line: "Step 120 · loss 1.39 (tanh-RNN), 0.52 (LSTM), 0.31 (GRU) · 40 steps/s"
  starting: { en: "Starting the training worker…", zh: "正在启动训练 worker…" },
  restarting: { en: "Restarting the training worker…", zh: "正在重新启动训练 worker…" },
  failedStatus: {
    en: "Stopped: the training worker is not running (see the message below).",
    zh: "已停止：训练 worker 没有在运行（见下方消息）。",
  },
  preparing: { en: "Preparing the task and the networks…", zh: "正在准备任务和网络…" },
  stepN: { en: "Step {step}", zh: "第 {step} 步" },
  lossList: { en: "loss {list}", zh: "损失 {list}" },
  cellLoss: fn<{ loss: string; name: string; isStopped: boolean }>(
    (p) => `${p.loss} (${p.name}${p.isStopped ? ", stopped" : ""})`,
    (p) => `${p.loss}（${p.name}${p.isStopped ? "，已停止" : ""}）`,
  ),
  listSeparator: { en: ", ", zh: "，" },
  stepsPerSec: { en: "{rate} steps/s", zh: "每秒 {rate} 步" },
  training: { en: "training", zh: "训练中" },
  allDiverged: { en: "stopped: all three diverged", zh: "已停止：三个网络都发散了" },
  pressTrain: { en: "press Train or Step to start", zh: "按“训练”或“单步”开始" },
  paused: { en: "paused", zh: "已暂停" },

  // Per-cell summary: "LSTM: ‖∂L/∂h_0‖ / ‖∂L/∂h_39‖ = 0.42 (the gradient holds going back 39 steps)."
  cellSummary: fn<{ name: string; last: string; ratio: string; verdict: Verdict; steps: string; cRatio: string | null; cVerdict: Verdict | null }>(
    (p) =>
      `${p.name}: ‖∂L/∂h_0‖ / ‖∂L/∂h_${p.last}‖ = ${p.ratio} (the gradient ${p.verdict} going back ${p.steps} steps)` +
      (p.cRatio !== null ? `; ‖∂L/∂c_0‖ / ‖∂L/∂c_${p.last}‖ = ${p.cRatio} (the cell-state gradient ${p.cVerdict})` : "") +
      ".",
    (p) =>
      `${p.name}：‖∂L/∂h_0‖ / ‖∂L/∂h_${p.last}‖ = ${p.ratio}（梯度在回传 ${p.steps} 步的过程中${VERDICT_ZH[p.verdict]}）` +
      (p.cRatio !== null && p.cVerdict !== null ? `；‖∂L/∂c_0‖ / ‖∂L/∂c_${p.last}‖ = ${p.cRatio}（细胞状态的梯度${VERDICT_ZH[p.cVerdict]}）` : "") +
      "。",
  ),
  summaryHeading: { en: "How much gradient reaches the first step (step {step})", zh: "有多少梯度传回到第一步（第 {step} 步）" },
  notMeasured: { en: "Accuracy: not measured yet", zh: "准确率：尚未测量" },
  accuracyAt: {
    en: "Accuracy {accuracy} at step {step} (chance {chance})",
    zh: "第 {step} 步的准确率为 {accuracy}（随机猜测为 {chance}）",
  },

  // Divergence of one cell
  diverged: fn<{ name: string; step: string; what: string; cause: "nan" | "inf" | "blowUp"; gradNorm: string; update: { lr: string; norm: string; weights: string } | null; isBeyondFloat32: boolean; lastGoodLoss: string }>(
    (p) =>
      `The ${p.name} stopped at step ${p.step}: ${p.what} ${p.cause === "nan" ? "became NaN (not a number)" : p.cause === "inf" ? "became infinite" : "blew up"}. ` +
      `‖∂L/∂θ‖ was ${p.gradNorm}` +
      (p.update
        ? `, so one update at learning rate ${p.update.lr} moved the weights by ${p.update.norm}, against ${p.update.weights} for all the weights together: every tanh unit would sit at ±1, its gradient 0 from then on`
        : "") +
      ". " +
      (p.isBeyondFloat32
        ? "That gradient norm is beyond float32's largest number (3.4e38): in PyTorch's default precision it would be ∞, and the weights NaN after the update. "
        : "") +
      `The weights from before that step (loss ${p.lastGoodLoss}) are kept.`,
    (p) =>
      `${p.name} 在第 ${p.step} 步停止：${p.what}${p.cause === "nan" ? "变成了 NaN（非数）" : p.cause === "inf" ? "变成了无穷大" : "暴涨"}。` +
      `‖∂L/∂θ‖ 为 ${p.gradNorm}` +
      (p.update
        ? `，因此在学习率 ${p.update.lr} 下，一次更新就让权重移动了 ${p.update.norm}，而全部权重合起来也只有 ${p.update.weights}：此后每个 tanh 单元都会停在 ±1，梯度恒为 0`
        : "") +
      "。" +
      (p.isBeyondFloat32 ? "这个梯度范数超过了 float32 能表示的最大数（3.4e38）：在 PyTorch 的默认精度下它会是 ∞，更新后的权重会变成 NaN。" : "") +
      `已保留这一步之前的权重（损失 ${p.lastGoodLoss}）。`,
  ),
  whatLoss: { en: "the loss", zh: "损失" },
  whatLossTimes: { en: "the loss ({n} times its first value)", zh: "损失（达到初始值的 {n} 倍）" },
  whatGradNorm: { en: "the gradient norm ‖∂L/∂θ‖", zh: "梯度范数 ‖∂L/∂θ‖" },
  whatWeights: { en: "the weights after the update", zh: "更新后的权重" },
  whatUpdate: { en: "one update, larger than all the weights together", zh: "一次比全部权重加起来还大的更新" },
  adviceClipped: {
    en: "Gradients are clipped at norm {norm}, yet the step was still too large: lower the learning rate (now {lr}) or the clipping norm.",
    zh: "梯度已按范数 {norm} 裁剪，但这一步仍然太大：请降低学习率（当前为 {lr}）或裁剪范数。",
  },
  adviceUnclipped: {
    en: "The gradient exploded going back through time (see its curve) and nothing limited the update. Gradient clipping rescales any gradient longer than the max norm down to it, so one bad batch cannot wreck the weights.",
    zh: "梯度在随时间反向传播时爆炸了（见它的曲线），而且没有任何东西限制这次更新。梯度裁剪会把任何超过最大范数的梯度按比例缩小到最大范数，这样一个糟糕的批次就无法毁掉权重。",
  },
  clipAndRerun: { en: "Turn on clipping and run again", zh: "开启梯度裁剪并重新运行" },

  // Presets
  presets: { en: "Presets:", zh: "预设：" },
  preset_vanishing: { en: "Vanishing", zh: "梯度消失" },
  preset_exploding: { en: "Exploding", zh: "梯度爆炸" },
  preset_lstmRescues: { en: "LSTM rescues", zh: "LSTM 解围" },
  preset_clippingRescues: { en: "Clipping rescues", zh: "梯度裁剪解围" },
  defaultsExpect: {
    en: "The defaults: T = 40, hidden size 16, Adam at 0.005 with clipping at norm 1, and the LSTM's forget-gate and the GRU's update-gate biases at 4 (PyTorch starts every bias near 0, where a gate keeps σ(0) = 0.5 per step). σ(4) ≈ 0.982 keeps 0.982^39 ≈ 0.49 of the gradient on the 39 steps back to the first symbol, so the LSTM and GRU learn the task within about 300 steps (a few seconds), while the tanh-RNN's gradient that reaches t = 0 is below 1e−6 and it stays near chance (25%) far longer. Given minutes, Adam, which rescales even tiny gradients, sometimes lets the tanh-RNN find the answer too: a vanishing gradient slows learning, it does not forbid it.",
    zh: "默认设置：T = 40，隐藏层大小 16，Adam 学习率 0.005，按范数 1 裁剪梯度，LSTM 的遗忘门偏置和 GRU 的更新门偏置都设为 4（PyTorch 会把所有偏置初始化在 0 附近，此时门每步保留 σ(0) = 0.5）。σ(4) ≈ 0.982，在回到第一个符号的 39 步里保留 0.982^39 ≈ 0.49 的梯度，所以 LSTM 和 GRU 在大约 300 步（几秒钟）内就学会了任务；而 tanh-RNN 传到 t = 0 的梯度小于 1e−6，在长得多的时间里都停留在随机猜测的水平（25%）。如果训练几分钟，Adam 会把再小的梯度也放大，有时 tanh-RNN 也能找到答案：梯度消失让学习变慢，但并不是让学习变得不可能。",
  },
  presetExpect_vanishing: {
    en: "T = 60, with PyTorch's default weights (ρ(W_hh) ≈ 0.6) and the gate biases at 1, the usual forget-gate trick: σ(1) ≈ 0.73 per step. The tanh-RNN's ‖∂L/∂h_t‖ falls by many orders of magnitude (below 1e−6) from t = 59 back to t = 0, so the first symbol gets almost no gradient. The LSTM's and GRU's gradients fade more slowly (their ratio stays more than 10 times the tanh-RNN's), but 0.73^59 ≈ 1e−8 is still too little: within a few hundred steps none of the three gets beyond chance. “LSTM rescues” raises the biases.",
    zh: "T = 60，使用 PyTorch 的默认权重（ρ(W_hh) ≈ 0.6），门偏置设为 1（常见的遗忘门技巧）：每步 σ(1) ≈ 0.73。tanh-RNN 的 ‖∂L/∂h_t‖ 从 t = 59 回到 t = 0 时下降了许多个数量级（低于 1e−6），因此第一个符号几乎得不到梯度。LSTM 和 GRU 的梯度衰减得慢一些（它们的比值始终是 tanh-RNN 的 10 倍以上），但 0.73^59 ≈ 1e−8 仍然太小：几百步之内三者都没有超出随机猜测的水平。“LSTM 解围”会提高这些偏置。",
  },
  presetExpect_exploding: {
    en: "W_hh rescaled to spectral radius 3, plain SGD and no clipping (learning rate 0.1): ‖∂L/∂h_t‖ grows going back in time, the tanh-RNN's total gradient is huge, and its first update wrecks it: it stops with a divergence at step 1. The LSTM and GRU, whose gates multiply the path by less than 1, do not diverge.",
    zh: "W_hh 缩放到谱半径 3，使用学习率 0.1 的普通 SGD，不做梯度裁剪：‖∂L/∂h_t‖ 在沿时间往回传时不断增大，tanh-RNN 的总梯度极大，第一次更新就把它毁了：它在第 1 步因发散而停止。LSTM 和 GRU 的门让这条路径每步乘以小于 1 的因子，所以不会发散。",
  },
  presetExpect_lstmRescues: {
    en: "The vanishing setting (T = 60) with the gates biased to keep their state: LSTM forget gate and GRU update gate bias 5, σ(5) ≈ 0.993, so their direct path keeps 0.993^59 ≈ 0.67 of the gradient. Their gradients reach t = 0 nearly undiminished and both learn the task (90% and more) within about 400 steps, a few seconds, while the tanh-RNN's gradient still vanishes and it stays near chance.",
    zh: "与“梯度消失”相同的设置（T = 60），但门的偏置让它们倾向于保留状态：LSTM 遗忘门和 GRU 更新门的偏置为 5，σ(5) ≈ 0.993，所以它们的直接路径保留 0.993^59 ≈ 0.67 的梯度。它们的梯度几乎不减地传到 t = 0，两者都在大约 400 步（几秒钟）内学会了任务（准确率 90% 以上）；而 tanh-RNN 的梯度仍然消失，停留在随机猜测的水平。",
  },
  presetExpect_clippingRescues: {
    en: "The exploding setting with gradient clipping at norm 1: the gradient can still grow back through time, but every update is cut to norm 1, so none of the three diverges and all keep training. That is what clipping rescues: the run, not the memory. W_hh at radius 3 keeps driving the tanh-RNN's units to ±1, where tanh′ ≈ 0, and it stays near chance; the LSTM, its forget gate at σ(4), learns the task on some seeds within a few hundred steps (seed 1, 3) and not on others (seed 2).",
    zh: "与“梯度爆炸”相同的设置，再加上按范数 1 的梯度裁剪：梯度沿时间往回传时仍可能增大，但每次更新都被截到范数 1，所以三者都不会发散，训练得以继续。这就是梯度裁剪所解救的：是这次训练，而不是记忆。谱半径为 3 的 W_hh 仍然把 tanh-RNN 的单元推向 ±1，那里 tanh′ ≈ 0，它停留在随机猜测的水平；遗忘门为 σ(4) 的 LSTM 在某些种子下几百步内就学会了任务（种子 1、3），在另一些种子下则不会（种子 2）。",
  },

  // Messages
  urlIgnored: {
    en: "Some settings in the link could not be used, so other values apply:",
    zh: "链接中的部分设置无法使用，已改用其他值：",
  },
  cannotStart: { en: "Training cannot start here: {why}.", zh: "这里无法开始训练：{why}。" },
  crashedTooOften: {
    en: "The training worker crashed {n} times in a minute (last: {why}). Reload the page; if it happens again, lower the hidden size or the sequence length.",
    zh: "训练 worker 在一分钟内崩溃了 {n} 次（最近一次：{why}）。请重新加载页面；如果再次发生，请减小隐藏层大小或序列长度。",
  },
  restarted: {
    en: "The training worker stopped unexpectedly ({why}). It was restarted from step {step}; press Train to continue.",
    zh: "训练 worker 意外停止（{why}）。已从第 {step} 步重新启动，按“训练”继续。",
  },
  workerError: { en: "{message}", zh: "训练 worker 报告了错误：{message}" },
  workerStopped: { en: "the worker stopped", zh: "worker 已停止" },
  noAnswer: { en: "no answer for {s} s", zh: "{s} 秒没有响应" },

  // Settings
  settingsNote: {
    en: "Task and weight settings start three new networks. The optimiser, learning rate and clipping apply to the running ones. Type a value, then press Enter.",
    zh: "修改“任务”或“权重”中的设置会新建三个网络；优化器、学习率和梯度裁剪直接作用于正在运行的网络。输入数值后按回车键确认。",
  },
  groupTask: { en: "Task: recall the first symbol", zh: "任务：回忆第一个符号" },
  groupWeights: { en: "Weights", zh: "权重" },
  groupTraining: { en: "Training", zh: "训练" },
  hintSeqLength: { en: "Steps between the symbol and the answer, plus one.", zh: "符号与答案之间相隔的步数，再加一。" },
  hintClasses: { en: "The first symbol is one of K; chance is 1/K.", zh: "第一个符号是 K 个取值之一；随机猜对的概率是 1/K。" },
  hintDistractors: { en: "Symbols that fill steps 1 … T − 1 at random.", zh: "随机填充第 1 … T − 1 步的符号。" },
  hintHidden: { en: "Units in h (H), the same for all three cells.", zh: "h 中的单元数（H），三种单元相同。" },
  hintWhh: { en: "Every gate block of W_hh is treated alike.", zh: "W_hh 的每个门块都做同样的处理。" },
  hintWhhInit: { en: "Choose “rescaled” or “multiplied” above to use this.", zh: "在上面选择“缩放到指定谱半径”或“乘以一个系数”后才能使用此项。" },
  hintWhhRadius: { en: "ρ(W_hh): below 1 shrinks, above 1 stretches.", zh: "ρ(W_hh)：小于 1 会收缩，大于 1 会拉伸。" },
  hintWhhScale: { en: "Multiplies W_hh.", zh: "与 W_hh 相乘。" },
  hintForgetBias: { en: "b_f: σ(b_f) is the share of c kept per step at the start.", zh: "b_f：σ(b_f) 是训练开始时每一步保留的 c 的比例。" },
  hintUpdateBias: { en: "b_z: σ(b_z) is the share of h the GRU keeps per step at the start.", zh: "b_z：σ(b_z) 是训练开始时 GRU 每一步保留的 h 的比例。" },
  hintBatch: { en: "Sequences per step; all three cells get the same ones.", zh: "每一步使用的序列数；三种单元拿到的序列相同。" },
  hintClip: { en: "Rescales the gradient when its norm is above the max norm.", zh: "当梯度范数超过最大范数时，按比例缩小梯度。" },
  hintSeed: { en: "Same seed, same data and initial weights.", zh: "相同的种子，得到相同的数据和初始权重。" },
  option_identity: { en: "Identity", zh: "单位矩阵" },
  option_init: { en: "as initialised", zh: "保持初始化结果" },
  option_radius: { en: "rescaled to a spectral radius", zh: "缩放到指定谱半径" },
  option_scale: { en: "multiplied by a factor", zh: "乘以一个系数" },

  // One cell's column
  beforeClipping: { en: "before clipping", zh: "裁剪前" },
  afterClipping: { en: "after clipping", zh: "裁剪后" },
  heldOutAccuracy: { en: "held-out accuracy", zh: "留出集准确率" },
  figures: { en: "Loss {loss} · ‖∂L/∂θ‖ {norm}", zh: "损失 {loss} · ‖∂L/∂θ‖ {norm}" },
  clippedTo: { en: ", clipped to {norm}", zh: "，裁剪到 {norm}" },
  normPerTimestep: { en: "{name}: gradient norm per timestep", zh: "{name}：每个时间步的梯度范数" },
  normOverTraining: { en: "{name}: ‖∂L/∂h_t‖ over training", zh: "{name}：训练过程中的 ‖∂L/∂h_t‖" },
  totalNorm: { en: "{name}: total gradient norm ‖∂L/∂θ‖", zh: "{name}：总梯度范数 ‖∂L/∂θ‖" },
  accuracyTitle: { en: "{name}: held-out accuracy", zh: "{name}：留出集准确率" },
  accuracyAxis: { en: "accuracy", zh: "准确率" },
  maxNorm: { en: "max norm {norm}", zh: "最大范数 {norm}" },
  chance: { en: "chance {p}", zh: "随机猜测 {p}" },
  noStepsYet: { en: "No steps yet — press Train or Step", zh: "还没有训练步——请按“训练”或“单步”" },
  notMeasuredYet: { en: "Not measured yet", zh: "尚未测量" },
  cellStep: fn<{ step: string; isStopped: boolean }>(
    (p) => `Step ${p.step}${p.isStopped ? " (stopped)" : ""}.`,
    (p) => `第 ${p.step} 步${p.isStopped ? "（已停止）" : ""}。`,
  ),
  predictedRnn: { en: "‖∂L/∂h_t‖ predicted by ρ · tanh′", zh: "由 ρ · tanh′ 预测的 ‖∂L/∂h_t‖" },
  predictedLstm: { en: "‖∂L/∂c_t‖ predicted by f alone", zh: "仅由 f 预测的 ‖∂L/∂c_t‖" },
  predictedGru: { en: "‖∂L/∂h_t‖ predicted by z alone", zh: "仅由 z 预测的 ‖∂L/∂h_t‖" },
  predictedByRadius: { en: "predicted by ρ(W_hh) alone", zh: "仅由 ρ(W_hh) 预测" },

  // The explanation's table
  explainHeading: { en: "Why the gradient vanishes or explodes", zh: "梯度为什么会消失或爆炸" },
  tableCaption: {
    en: "Per step and over T − 1 = {n} steps, at step {step} (per-step figures are geometric means over the steps)",
    zh: "第 {step} 步时，每步以及跨越 T − 1 = {n} 步的变化（每步的数值是各步的几何平均）",
  },
  colCell: { en: "cell", zh: "单元" },
  colPath: { en: "what is multiplied", zh: "相乘的是什么" },
  colPerStep: { en: "per step", zh: "每步" },
  colOverSteps: { en: "over {n} steps", zh: "跨越 {n} 步" },
  rowRnnMeasured: { en: "measured: tanh′'s share × W_hh's stretch", zh: "实测：tanh′ 保留的比例 × W_hh 的拉伸" },
  rowRnnRho: { en: "estimate: tanh′'s share × ρ(W_hh)", zh: "估计：tanh′ 保留的比例 × ρ(W_hh)" },
  rowRnnRadius: { en: "ρ(W_hh) alone", zh: "仅 ρ(W_hh)" },
  rowLstmDirect: { en: "direct path: the forget gate's share f", zh: "直接路径：遗忘门 f 保留的比例" },
  rowLstmMeasured: { en: "measured ‖∂L/∂c_0‖ / ‖∂L/∂c_T−1‖, all paths", zh: "实测 ‖∂L/∂c_0‖ / ‖∂L/∂c_T−1‖，所有路径" },
  rowGruDirect: { en: "direct path: the update gate's share z", zh: "直接路径：更新门 z 保留的比例" },
  rowGruMeasured: { en: "measured ‖∂L/∂h_0‖ / ‖∂L/∂h_T−1‖, all paths", zh: "实测 ‖∂L/∂h_0‖ / ‖∂L/∂h_T−1‖，所有路径" },

  // Charts of this widget (src/viz/GradHeatmap.tsx, src/viz/GradStepChart.tsx)
  trainingStepAxis: { en: "training step", zh: "训练步" },
  stepDownAxis: { en: "step ↓", zh: "训练步 ↓" },
  heatmapRowsHint: {
    en: "Rows: training steps {from} (top) to {to} (bottom). Colour: log₁₀ ‖∂L/∂h_t‖, yellow large, purple small.",
    zh: "行：训练步，从第 {from} 步（顶部）到第 {to} 步（底部）。颜色：log₁₀ ‖∂L/∂h_t‖，黄色表示大，紫色表示小。",
  },
  heatmapReadout: {
    en: "t = {t}: ‖∂L/∂h_t‖ {last} at step {lastStep}, {first} at step {firstStep}",
    zh: "t = {t}：‖∂L/∂h_t‖ 在第 {lastStep} 步为 {last}，在第 {firstStep} 步为 {first}",
  },
  noDataYet: { en: "{label}: no data yet", zh: "{label}：还没有数据" },
  heatmapRows: { en: "{label}: {rows} rows from step {from} to {to}. ", zh: "{label}：从第 {from} 步到第 {to} 步，共 {rows} 行。" },
  heatmapAtStep: {
    en: "At step {step}, ‖∂L/∂h_t‖ is {first} at t = 0 and {end} at t = {last}",
    zh: "在第 {step} 步，‖∂L/∂h_t‖ 在 t = 0 时为 {first}，在 t = {last} 时为 {end}",
  },
  heatmapColours: { en: " (colours from 1e{lo} to 1e{hi})", zh: "（颜色范围 1e{lo} 到 1e{hi}）" },
  zeroOrNotFinite: { en: "; {n} values zero or not finite", zh: "；{n} 个值为零或不是有限值" },
  heatmapCaption: { en: "{label}: ‖∂L/∂h_t‖ at {steps}, {timesteps}", zh: "{label}：‖∂L/∂h_t‖，{steps}，{timesteps}" },
  stepReadout: { en: "step {step}: {values}", zh: "第 {step} 步：{values}" },
  // Kept across reloads: the three networks' weights, saved in this browser while training and on pause or step.
  savedRestored: {
    en: "Continued from your run saved in this browser (step {step}).",
    zh: "已从此浏览器中保存的训练继续（第 {step} 步）。",
  },
  savedAt: {
    en: "Saved in this browser at step {step}: a reload continues from there.",
    zh: "已保存在此浏览器中（第 {step} 步）：重新加载后会从这里继续。",
  },
  savedWillSave: {
    en: "Once you train, the three networks are saved in this browser every few seconds and on pause or step, so a reload continues them.",
    zh: "开始训练后，三个网络会每隔几秒以及在暂停或单步时保存在此浏览器中，重新加载后可以继续。",
  },
  savedNoStorage: {
    en: "This browser offers no storage (IndexedDB), so the run is not kept after a reload.",
    zh: "此浏览器不提供存储（IndexedDB），所以重新加载后训练不会保留。",
  },
  savedForget: { en: "Forget saved run", zh: "忘记保存的训练" },
  savedForgot: {
    en: "Forgot the saved run: three new networks start from step 0. They are saved again once you train them.",
    zh: "已忘记保存的训练：三个新的网络从第 0 步开始。训练后会再次保存。",
  },
  savedOtherSettings: {
    en: "A run saved in this browser used other settings than this link, so new networks start. Training them replaces the saved run.",
    zh: "此浏览器中保存的训练使用的设置与此链接不同，所以从新的网络开始。训练它们会替换保存的训练。",
  },
  savedCouldNotRead: { en: "Could not read the saved run ({why}); starting afresh.", zh: "无法读取保存的训练（{why}）；从头开始。" },
  savedCouldNotSave: {
    en: "Could not save the run for the next visit ({why}). Training goes on.",
    zh: "无法保存训练以供下次访问（{why}）。训练继续进行。",
  },
  savedCouldNotForget: { en: "Could not forget the saved run ({why}).", zh: "无法忘记保存的训练（{why}）。" },
  seriesAtSteps: { en: "{label} {first} at step {firstStep}, {last} at step {lastStep}", zh: "{label} 在第 {firstStep} 步为 {first}，在第 {lastStep} 步为 {last}" },
} as const satisfies Dict;

export type Verdict = "vanishes" | "explodes" | "holds" | "is not finite";
const VERDICT_ZH: Record<Verdict, string> = { vanishes: "消失了", explodes: "爆炸了", holds: "保持住了", "is not finite": "不再是有限值" };
