// src/i18n/sine.ts: the sine playground's words: run bar, status line, settings, messages, chart titles and notes.
import { fn, type Dict } from "./index";
import { SINE_LINK } from "./sineLink";

export const SINE = {
  ...SINE_LINK,
  widgetName: { en: "Sine-wave prediction playground", zh: "正弦波预测实验场" },

  // Status line: "Step 120 · loss 0.0123 · validation loss 0.015 · 45,000 tokens/s"
  starting: { en: "Starting the training worker…", zh: "正在启动训练 worker…" },
  restarting: { en: "Restarting the training worker…", zh: "正在重新启动训练 worker…" },
  failedStatus: {
    en: "Stopped: the training worker is not running (see the message below).",
    zh: "已停止：训练 worker 没有在运行（见下方消息）。",
  },
  preparing: { en: "Preparing the data and the network…", zh: "正在准备数据和网络…" },
  stepN: { en: "Step {step}", zh: "第 {step} 步" },
  lossV: { en: "loss {loss}", zh: "损失 {loss}" },
  validationLossV: { en: "validation loss {loss}", zh: "验证损失 {loss}" },
  tokensPerSec: { en: "{rate} tokens/s", zh: "每秒 {rate} 个时间步" },
  training: { en: "training", zh: "训练中" },
  stoppedDiverged: { en: "stopped: diverged", zh: "已停止：发散" },
  pressTrain: { en: "press Train or Step to start", zh: "按“训练”或“单步”开始" },
  paused: { en: "paused", zh: "已暂停" },
  keysLead: { en: "Keys:", zh: "快捷键：" },
  keysSpace: { en: "trains or pauses,", zh: "训练或暂停，" },
  keysArrow: {
    en: "takes one step, while the focus is in the playground and not in a text box.",
    zh: "执行一步（焦点在实验场内、且不在文本框中时有效）。",
  },

  // Divergence
  causeNan: { en: "the loss became NaN (not a number)", zh: "损失变成了 NaN（非数）" },
  causeInf: { en: "the loss became infinite", zh: "损失变成了无穷大" },
  causeBlowUp: { en: "the loss blew up, thousands of times above where it started", zh: "损失暴涨到了起始值的数千倍" },
  keptFrom: { en: "The weights from step {step} (loss {loss}) are kept, so the run is back at step {step}.", zh: "已保留第 {step} 步的权重（损失 {loss}），因此运行回到第 {step} 步。" },
  keptInitial: { en: "The initial weights are kept, so the run is back at step 0.", zh: "已保留初始权重，因此运行回到第 0 步。" },
  stoppedAt: { en: "Training stopped at step {step}: {cause}. {kept}", zh: "训练在第 {step} 步停止：{cause}。{kept}" },
  clippedAt: { en: "gradients are clipped at norm {norm}", zh: "梯度按范数 {norm} 裁剪" },
  clippingOff: { en: "gradient clipping is off", zh: "梯度裁剪已关闭" },
  advice: {
    en: "The learning rate is {lr} ({optimizer}) and {clipping}. A smaller step or clipped gradients usually keep training stable. Pick a remedy below, or change the settings and press Train to continue from the kept weights.",
    zh: "学习率为 {lr}（{optimizer}），{clipping}。更小的步长或裁剪过的梯度通常能让训练保持稳定。请选择下面的一种补救办法，或者修改设置后按“训练”，从保留的权重继续训练。",
  },
  halveLr: { en: "Halve the learning rate and continue", zh: "学习率减半并继续" },
  safeLr: { en: "Use learning rate {lr} and continue", zh: "使用学习率 {lr} 并继续" },
  adviceLrLocked: {
    en: "This page fixes the learning rate at {lr} ({optimizer}), so it cannot be changed here, and {clipping}. What you can do: {options}press Reset to start again from new weights, or open the full playground to change the learning rate.",
    zh: "本页把学习率固定为 {lr}（{optimizer}），无法在这里修改；{clipping}。你可以：{options}按“重置”从新的权重重新开始，或者打开完整的练习场来修改学习率。",
  },
  adviceClipOption: { en: "turn on clipping below and continue, ", zh: "用下面的按钮开启梯度裁剪并继续，" },
  notLearningTitle: { en: "The network is not learning", zh: "网络没有在学习" },
  notLearning: {
    en: "After {step} steps the loss is {recent}, not below where it started ({start}). With learning rate {lr} the updates are too large (the units saturate and the prediction goes flat) or get nowhere.",
    zh: "训练 {step} 步后，损失为 {recent}，没有低于起始值（{start}）。学习率 {lr} 下，更新要么太大（单元饱和，预测变成一条直线），要么毫无进展。",
  },
  restartSafeLr: { en: "Start again with learning rate {lr}", zh: "用学习率 {lr} 重新开始" },
  notLearningLocked: {
    en: "This page fixes the learning rate, so it cannot be changed here: press Reset to start again from new weights, or open the full playground to try another learning rate.",
    zh: "本页固定了学习率，无法在这里修改：按“重置”从新的权重重新开始，或者打开完整的练习场尝试其他学习率。",
  },
  notLearningSameLr: {
    en: "The learning rate is already one that trains the sine data well: try a larger hidden size, another cell, or check the series.",
    zh: "这个学习率已经能很好地训练正弦数据：试试更大的隐藏层、换一种单元，或者检查数据序列。",
  },
  turnOnClipping: { en: "Turn on clipping and continue", zh: "开启梯度裁剪并继续" },
  clipAtOne: { en: "Clip at norm 1 and continue", zh: "按范数 1 裁剪并继续" },

  // Messages (store: src/store/sineStore.ts)
  urlIgnored: {
    en: "Some settings in the link could not be used, so their defaults apply:",
    zh: "链接中的部分设置无法使用，已改用默认值：",
  },
  couldNotStart: { en: "The training worker could not be started: {why}", zh: "无法启动训练 worker：{why}" },
  crashedTooOften: {
    en: "The training worker crashed {n} times in a minute (last: {why}). Reload the page; if it happens again, lower the hidden size or sequence length.",
    zh: "训练 worker 在一分钟内崩溃了 {n} 次（最近一次：{why}）。请重新加载页面；如果再次发生，请减小隐藏层大小或序列长度。",
  },
  restarted: fn<{ why: string; step: number; goesOn: boolean }>(
    (p) => `The training worker stopped unexpectedly (${p.why}). It was restarted from step ${p.step}` + (p.goesOn ? " and training continues." : "; press Train to continue."),
    (p) => `训练 worker 意外停止（${p.why}）。已从第 ${p.step} 步重新启动` + (p.goesOn ? "，训练继续进行。" : "，按“训练”继续。"),
  ),
  workerError: { en: "{message}", zh: "训练 worker 报告了错误：{message}" },
  noAnswer: { en: "no answer for {s} s", zh: "{s} 秒没有响应" },
  workerStopped: { en: "the worker stopped", zh: "worker 已停止" },
  // The data layer's message stays English (src/data/csv.ts); the Chinese leads with what happened.
  seriesRefused: fn<{ file: string | null; message: string }>(
    (p) => `${p.file ? `${p.file}: ` : ""}${p.message} The current data is kept.`,
    (p) => `${p.file ? `${p.file}：` : ""}无法使用这个序列（${p.message.replace(/\.$/, "")}）。当前数据保持不变。`,
  ),

  // Cross-field rules (src/store/sineSettings.ts)

  // Settings panel
  settingsNote: {
    en: "Changing a Data or Model setting starts a new network. The optimiser, learning rate and clipping apply to the running one. Type a value, then press Enter.",
    zh: "修改“数据”或“模型”中的设置会新建一个网络；优化器、学习率和梯度裁剪则直接作用于正在运行的网络。输入数值后按回车键确认。",
  },
  groupData: { en: "Data", zh: "数据" },
  groupModel: { en: "Model", zh: "模型" },
  groupTraining: { en: "Training", zh: "训练" },
  sineOnly: { en: "Not used while your own series is loaded.", zh: "载入你自己的序列时，此项不起作用。" },
  hintWaves: { en: "Sines summed into each sequence.", zh: "每条序列由几个正弦波叠加而成。" },
  hintPeriod: { en: "In timesteps.", zh: "以时间步为单位。" },
  hintPhase: { en: "Each wave starts at a random phase up to this.", zh: "每条波从不超过此值的随机相位开始。" },
  hintNoise: { en: "Gaussian noise added to every value.", zh: "加到每个值上的高斯噪声。" },
  hintSeqLength: { en: "Timesteps the network reads per sequence (T).", zh: "网络每条序列读入的时间步数（T）。" },
  hintHorizon: { en: "Predict the value k steps after each input.", zh: "预测每个输入之后第 k 步的值。" },
  hintValidation: { en: "Share of the data held out to measure generalisation.", zh: "留出来衡量泛化能力的数据比例。" },
  hintHidden: { en: "Units in h (H).", zh: "h 中的单元数（H）。" },
  hintBatch: { en: "Sequences per optimiser step.", zh: "每个优化步使用的序列数。" },
  hintClip: { en: "Rescales the gradient when its norm is above the max norm.", zh: "当梯度范数超过最大范数时，按比例缩小梯度。" },
  hintSeed: { en: "Same seed, same data and initial weights.", zh: "相同的种子，得到相同的数据和初始权重。" },

  // Your own series
  ownSeries: { en: "Your own series", zh: "你自己的序列" },
  ownSeriesNote: {
    en: "One column of numbers, one per line; a header row is fine, and with several columns the last one is used. It is standardised (mean 0, std 1) and cut into windows the same way as the sine waves.",
    zh: "一列数字，每行一个；可以有表头行，如果有多列则使用最后一列。数据会被标准化（均值 0，标准差 1），并像正弦波一样切分成窗口。",
  },
  csvToUse: { en: "CSV to use", zh: "要使用的 CSV" },
  useThisSeries: { en: "Use this series", zh: "使用这个序列" },
  uploadCsv: { en: "Upload a .csv file", zh: "上传 .csv 文件" },
  fileTooLarge: {
    en: "{name}: the file has {size} bytes; the limit is {limit}. Use a shorter series (the most recent part). The current data is kept.",
    zh: "{name}：文件有 {size} 字节，上限是 {limit} 字节。请使用更短的序列（最近的一段）。当前数据保持不变。",
  },
  fileUnreadable: { en: "{name} could not be read ({why}). The current data is kept.", zh: "无法读取 {name}（{why}）。当前数据保持不变。" },
  readingFile: { en: "Reading {name} ({size} bytes)…", zh: "正在读取 {name}（{size} 字节）…" },
  pasteTooLarge: {
    en: "The pasted text has {size} characters; this box takes at most {limit}. Save it as a .csv file and upload it instead. The current data is kept.",
    zh: "粘贴的文本有 {size} 个字符，此输入框最多接受 {limit} 个。请把它保存为 .csv 文件再上传。当前数据保持不变。",
  },
  unknownError: { en: "unknown error", zh: "未知错误" },
  columnNamed: { en: "column “{name}”", zh: "“{name}”列" },
  pastedSeries: { en: "your pasted series", zh: "你粘贴的序列" },
  trainingOn: fn<{ name: string; n: string; mean?: string; std?: string; trainWindows?: string; validationWindows?: string }>(
    (p) =>
      `Training on ${p.name}: ${p.n} values` +
      (p.mean !== undefined ? `, mean ${p.mean}, std ${p.std}.` : ".") +
      (p.trainWindows !== undefined ? ` ${p.trainWindows} training and ${p.validationWindows} validation windows.` : ""),
    (p) =>
      `正在用${p.name}训练：共 ${p.n} 个值` +
      (p.mean !== undefined ? `，均值 ${p.mean}，标准差 ${p.std}。` : "。") +
      (p.trainWindows !== undefined ? `训练窗口 ${p.trainWindows} 个，验证窗口 ${p.validationWindows} 个。` : ""),
  ),
  backToSines: { en: "Back to sine waves", zh: "改回正弦波" },

  // Built-in series (data=…) and the Baselines table (src/widgets/sine/ForecastSection.tsx)
  dataSines: { en: "Sums of sines (generated)", zh: "正弦波之和（生成）" },
  hintData: {
    en: "Sines are generated; a real series is fetched when you choose it and forecast against baselines.",
    zh: "正弦波是生成的；选择真实序列时才会下载它，并与基线模型比较预测效果。",
  },
  sinesOnly: { en: "For sines only.", zh: "仅用于正弦波。" },
  loadingData: { en: "Loading {name}…", zh: "正在载入{name}…" },
  dataNotLoaded: { en: "{name} could not be loaded ({why}). The current data is kept.", zh: "无法载入{name}（{why}）。当前数据保持不变。" },
  forecastHeading: { en: "Forecasting {name}", zh: "预测：{name}" },
  splitTitle: { en: "The series and its split in time", zh: "序列及其按时间的划分" },
  rangeTrain: { en: "training", zh: "训练" },
  rangeValidation: { en: "validation", zh: "验证" },
  rangeTest: { en: "test", zh: "测试" },
  splitDescription: {
    en: "{n} values: training 1–{trainEnd}, validation {validationStart}–{validationEnd}, test {testStart}–{n}.",
    zh: "共 {n} 个值：训练 1–{trainEnd}，验证 {validationStart}–{validationEnd}，测试 {testStart}–{n}。",
  },
  stepAxis: { en: "step ({step})", zh: "时间步（{step}）" },
  stepDay: { en: "one step = one day", zh: "一步 = 一天" },
  step5s: { en: "one step = 5 s", zh: "一步 = 5 秒" },
  stepTradingDay: { en: "one step = one trading day", zh: "一步 = 一个交易日" },
  unitBirths: { en: "births per day", zh: "每日出生人数" },
  unitCelsius: { en: "°C", zh: "°C" },
  unitPrice: { en: "price", zh: "价格" },
  splitNote: {
    en: "The split is in time: the network trains on the past, the validation range picks nothing but tells you when it stops improving, and the test range is the future nobody trained on. Values are standardised with the training range only (mean {mean}, standard deviation {std}), so nothing about the future leaks into the scale. The network reads windows of {p} values, each seen from its first value, so a level it never saw in training (a trend) is not new to it.",
    zh: "划分按时间进行：网络在过去的数据上训练，验证段不参与训练、只告诉你何时不再进步，测试段则是谁都没有训练过的未来。数值只用训练段标准化（均值 {mean}，标准差 {std}），所以未来的信息不会泄漏到缩放里。网络读入长度为 {p} 的窗口，每个窗口都以它的第一个值为基准，因此训练时没见过的水平（趋势）对它来说并不陌生。",
  },
  credit: { en: "Data: {credit}.", zh: "数据：{credit}。" },
  baselinesTitle: { en: "Baselines", zh: "基线" },
  baselinesCaption: fn<{ k: number; n: string }>(
    (p) => `Baselines: test error ${p.k === 1 ? "one step" : `${p.k} steps`} ahead, on the same ${p.n} test windows`,
    (p) => `基线：在同样的 ${p.n} 个测试窗口上，提前 ${p.k} 步预测的测试误差`,
  ),
  colModel: { en: "Model", zh: "模型" },
  colMae: { en: "MAE", zh: "MAE" },
  colRmse: { en: "RMSE", zh: "RMSE" },
  colMase: { en: "MASE", zh: "MASE" },
  colLastStep: { en: "MAE at step {k}", zh: "第 {k} 步的 MAE" },
  modelRnn: { en: "RNN (this network, step {step})", zh: "RNN（本网络，第 {step} 步）" },
  modelRnnUnscored: { en: "RNN (this network, not scored yet)", zh: "RNN（本网络，尚未评分）" },
  modelPersistence: { en: "Persistence: tomorrow = today", zh: "持续性预测：明天 = 今天" },
  modelSeasonalNaive: { en: "Seasonal naive: the value {m} steps before", zh: "季节性朴素预测：{m} 步之前的值" },
  modelSeasonalNaiveNone: { en: "Seasonal naive (no season: = persistence)", zh: "季节性朴素预测（无季节：等于持续性预测）" },
  modelAr: { en: "AR({p}), least squares", zh: "AR({p})，最小二乘" },
  modelDense: { en: "Dense network on the last {p} values (epoch {best} of {epoch})", zh: "基于最近 {p} 个值的全连接网络（第 {epoch} 轮中的第 {best} 轮）" },
  modelDenseWaiting: { en: "Dense network on the last {p} values (trains while you train)", zh: "基于最近 {p} 个值的全连接网络（与本网络一起训练）" },
  notYet: { en: "–", zh: "–" },
  bestMark: { en: "best", zh: "最佳" },
  baselinesNote: fn<{ unit: string; naive: string; k: number; epochs: number }>(
    (p) =>
      `MAE and RMSE are in ${p.unit}. MASE divides the MAE by the average one-step error of the ${p.naive} on the training range: below 1 beats it. ` +
      (p.k === 1 ? "" : `The RNN forecasts ${p.k} steps ahead by feeding back its own predictions (as AR does); the dense network predicts all ${p.k} at once. `) +
      `The table updates while training; the dense network trains alongside (${p.epochs} epochs, keeping the epoch best on validation).`,
    (p) =>
      `MAE 和 RMSE 的单位是${p.unit}。MASE 把 MAE 除以${p.naive}在训练段上的平均一步误差：小于 1 就比它好。` +
      (p.k === 1 ? "" : `RNN 把自己的预测作为输入、逐步向前预测 ${p.k} 步（AR 也是如此）；全连接网络一次预测全部 ${p.k} 步。`) +
      `表格在训练时实时更新；全连接网络同时训练（${p.epochs} 轮，保留在验证集上最好的一轮）。`,
  ),
  naiveWeekly: { en: "seasonal naive forecast (same day last week)", zh: "季节性朴素预测（上周同一天）" },
  naivePlain: { en: "naive forecast (the last value)", zh: "朴素预测（最后一个值）" },
  randomWalkNote: {
    en: "Why nothing beats persistence here: each day's change of this “price” is drawn at random, independent of every earlier day. The past holds no information about the next change, so the best forecast of tomorrow is today's value, and any model that does better on one test range does so by luck (try another seed). The articles' stock-price RNNs face exactly this: a model that seems to track the price is mostly copying yesterday.",
    zh: "为什么这里没有模型能胜过持续性预测：这个“价格”每天的变化都是随机抽取的，与之前的每一天都无关。过去的数据不包含下一次变化的任何信息，所以对明天最好的预测就是今天的值；任何模型如果在某段测试区间上表现更好，那只是运气（换一个随机种子试试）。原文中预测股价的 RNN 面对的正是这种情况：看似紧跟价格的模型，大多只是在照抄昨天。",
  },
  birthsNote: {
    en: "Births have a strong weekly rhythm (fewer at weekends, when fewer inductions and caesareans are planned) and a slow trend. The seasonal naive forecast already captures the week; to beat it, a model must learn the week and follow the level.",
    zh: "出生人数有很强的周节律（周末较少，因为周末安排的引产和剖宫产较少），还有缓慢的趋势。季节性朴素预测已经抓住了“周”这个规律；要胜过它，模型必须既学会周节律，又跟上水平的变化。",
  },
  sensorNote: {
    en: "The temperature changes by hundredths of a degree in 5 s: one step ahead, the last reading is very hard to beat.",
    zh: "温度在 5 秒内只变化百分之几度：提前一步预测时，最后一个读数很难被超越。",
  },
  freeRunTitle: { en: "Free-running into the test range", zh: "自由运行进入测试段" },
  freeRunNote: {
    en: "The last {p} values before the test range, then the network fed its own predictions for {f} steps: the error grows the further it runs from the truth it last saw.",
    zh: "测试段之前的最后 {p} 个值，然后网络以自己的预测为输入运行 {f} 步：离它最后看到的真实值越远，误差越大。",
  },
  ownSeriesNotInLink: {
    en: "Your own series is not in the link: the address carries the settings only, so whoever opens it trains on the data chosen above, not on your series.",
    zh: "你自己的序列不在链接中：地址只包含设置，打开链接的人会在上面选择的数据上训练，而不是你的序列。",
  },

  // Charts
  chartsAppear: { en: "The charts appear once the network is built.", zh: "网络建好后，这里会显示图表。" },
  seriesNote: fn<{ horizon: number; hasFreeRun: boolean }>(
    (p) =>
      `The target is the true series, ${p.horizon === 1 ? "one step" : `${p.horizon} steps`} ahead of each input. The teacher-forced line predicts each step from the true values before it. Right of the divider the network is fed its own predictions (free-running): watch it follow the wave early in training, and drift from it later in the run.` +
      (p.hasFreeRun ? "" : " Free-running is shown for horizon 1 only."),
    (p) =>
      `目标是真实序列，比每个输入超前 ${p.horizon} 步。教师强制（teacher forcing）曲线根据此前的真实值预测每一步。分隔线右侧，网络以自己的预测作为输入（自由运行）：观察它如何先跟上波形，又在后面逐渐偏离。` +
      (p.hasFreeRun ? "" : "只有预测步长为 1 时才显示自由运行。"),
  ),
  lossNote: {
    en: "Mean squared error per optimiser step, on a log scale. Both lines falling together means the network is learning the pattern; validation rising while training keeps falling means it is memorising the training sequences.",
    zh: "每个优化步的均方误差，采用对数坐标。两条曲线一起下降，说明网络在学习规律；如果训练损失继续下降而验证损失上升，说明它在死记硬背训练序列。",
  },
  lossTitle: { en: "Training and validation loss", zh: "训练损失与验证损失" },
  layerShown: { en: "Layer shown", zh: "显示的层" },
  layerShownHint: { en: "For the hidden state, gates and gradients below.", zh: "用于下方的隐藏状态、门和梯度图。" },
  oneLayer: { en: "The network has one layer.", zh: "网络只有一层。" },
  layerN: { en: "Layer {n}", zh: "第 {n} 层" },
  hNote: {
    en: "Each row is a hidden unit, each column a timestep of the example above. Look for units that swing with the wave (a clock) and units that settle to a level (a memory).",
    zh: "每一行是一个隐藏单元，每一列是上面示例中的一个时间步。找一找随波形摆动的单元（像时钟）和稳定在某个水平的单元（像记忆）。",
  },
  hTitle: { en: "Hidden state h, layer {n}", zh: "隐藏状态 h，第 {n} 层" },
  cNote: {
    en: "The LSTM's cell state c: the memory the forget and input gates edit. It is not squashed, so it can grow beyond ±1 where h cannot.",
    zh: "LSTM 的细胞状态 c：由遗忘门和输入门改写的记忆。它不经过压缩，所以可以超出 ±1，而 h 不能。",
  },
  cTitle: { en: "Cell state c, layer {n}", zh: "细胞状态 c，第 {n} 层" },
  gatesNote: {
    en: "Gate activations per unit and timestep. A sigmoid gate near 1 (yellow) lets its signal through, near 0 (dark purple) shuts it: see which gates stay open to carry memory across the sequence.",
    zh: "每个单元在每个时间步的门激活值。sigmoid 门接近 1（黄色）时让信号通过，接近 0（深紫色）时把它关闭：看看哪些门一直开着，把记忆带过整个序列。",
  },
  noGatesNote: {
    en: "A plain RNN has no gates: its state is rewritten through tanh at every step. Choose LSTM or GRU to see gates.",
    zh: "普通 RNN 没有门：它的状态在每一步都经过 tanh 重写。选择 LSTM 或 GRU 才能看到门。",
  },
  gatesTitle: { en: "Gate activations, layer {n}", zh: "门激活值，第 {n} 层" },
  noGates: { en: "No gates in a plain RNN.", zh: "普通 RNN 没有门。" },
  gradNote: {
    en: "How strongly the loss depends on the state at each timestep (log scale). A line falling steeply towards t = 0 is a vanishing gradient: early inputs barely change the weights. A rising one explodes; clipping caps it.",
    zh: "损失对每个时间步的状态有多敏感（对数坐标）。曲线朝 t = 0 急剧下降就是梯度消失：早期的输入几乎不会改变权重。曲线上升则是梯度爆炸，梯度裁剪可以限制它。",
  },
  gradTitle: { en: "Gradient norms per timestep, layer {n}", zh: "每个时间步的梯度范数，第 {n} 层" },
  normOfLayer: { en: "layer {n} {norm}", zh: "第 {n} 层 {norm}" },
  paramShown: { en: "Parameter shown", zh: "显示的参数" },
  weightsNote: {
    en: "The weights, one cell per entry, gate blocks stacked as in PyTorch. Red is positive, blue negative, white zero; watch structure appear as training goes on.",
    zh: "权重矩阵，每个格子对应一个元素，各个门的块按 PyTorch 的顺序上下堆叠。红色为正，蓝色为负，白色为零；观察训练过程中逐渐出现的结构。",
  },
  gradMatrixNote: {
    en: "∂L/∂θ of the last training step, before clipping: the update moves each weight against its gradient (Adam and RMSprop rescale each step first). Large blocks show which gate is learning now.",
    zh: "最近一个训练步的 ∂L/∂θ（裁剪前）：更新让每个权重沿梯度的反方向移动（Adam 和 RMSprop 会先逐个缩放步长）。数值大的块表明哪个门正在学习。",
  },
  paramOfLayer: { en: "{name}, layer {n}", zh: "{name}，第 {n} 层" },
  outputHeadW: { en: "W_hy (output head)", zh: "W_hy（输出层）" },
  outputHeadB: { en: "b_y (output head)", zh: "b_y（输出层）" },
} as const satisfies Dict;
