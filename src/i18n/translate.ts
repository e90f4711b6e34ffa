// src/i18n/translate.ts: the translation lab's words (#/lab/translate): page, status, panels, views, messages.
import { fn, type Dict } from "./index";

export const TRANSLATE_TEXT = {
  widgetName: { en: "Translation lab with attention", zh: "带注意力的翻译实验室" },
  pageLead: {
    en: "An encoder reads the input one symbol at a time; a decoder writes the output, and at every step attention decides which input symbols to look at. Train it and watch the alignment appear: on dates, the year's digits look at the year, the month's at the month name.",
    zh: "编码器逐个读入输入符号；解码器逐步写出输出，并在每一步由注意力决定看哪些输入符号。训练它，观察对齐如何出现：在日期任务中，年份的数字会看向年份，月份的数字会看向月份名称。",
  },
  lessonLink: { en: "Lesson 9 steps through one decoder step by hand.", zh: "第 9 课会手动逐步走完一次解码步骤。" },

  // Status line: "Step 120 · loss 0.0123 · exact match 45% greedy, 47% beam · 12 steps/s"
  starting: { en: "Starting the training worker…", zh: "正在启动训练 worker…" },
  loading: { en: "Loading the pronunciation dictionary…", zh: "正在加载发音词典…" },
  restarting: { en: "Restarting the training worker…", zh: "正在重新启动训练 worker…" },
  failedStatus: { en: "Stopped: the training worker is not running (see the message below).", zh: "已停止：训练 worker 没有在运行（见下方消息）。" },
  stepLoss: { en: "Step {step} · loss {loss}", zh: "第 {step} 步 · 损失 {loss}" },
  exactBoth: { en: "exact match {greedy} greedy, {beam} beam", zh: "完全匹配率：贪心 {greedy}，束搜索 {beam}" },
  stepsPerSec: { en: "{rate} steps/s", zh: "每秒 {rate} 步" },
  pressTrain: { en: "press Train or Step to start", zh: "按“训练”或“单步”开始" },
  paused: { en: "paused", zh: "已暂停" },
  diverged: {
    en: "The {which} model stopped at step {step}: its loss or gradient was not a finite number, so the weights of the step before are kept. Lower the learning rate or turn on gradient clipping.",
    zh: "{which}模型在第 {step} 步停止：损失或梯度不是有限数，因此保留了上一步的权重。请降低学习率或启用梯度裁剪。",
  },
  mainModel: { en: "main", zh: "主" },
  twinModel: { en: "comparison", zh: "对比" },

  // Sections
  settingsHeading: { en: "Task and model", zh: "任务和模型" },
  trainingHeading: { en: "Training", zh: "训练" },
  metricsHeading: { en: "Test scores", zh: "测试成绩" },
  metricsNote: {
    en: "On {count} held-out examples (of {total}) that training never saw; greedy takes the likeliest symbol at each step, beam search keeps the {k} likeliest partial outputs.",
    zh: "基于训练中从未见过的 {count} 个留出样例（共 {total} 个）；贪心解码每一步取最可能的符号，束搜索保留 {k} 个最可能的部分输出。",
  },
  notScored: { en: "Not scored yet.", zh: "尚未评分。" },
  measure: { en: "Measure", zh: "指标" },
  greedy: { en: "Greedy", zh: "贪心" },
  beamK: { en: "Beam ({k})", zh: "束搜索（{k}）" },
  exactMatch: { en: "Exact match", zh: "完全匹配率" },
  tokenAccuracy: { en: "Token accuracy", zh: "词元准确率" },
  per: { en: "Phoneme error rate", zh: "音素错误率" },
  cer: { en: "Character error rate", zh: "字符错误率" },
  forced: { en: "Token accuracy with teacher forcing: {acc} · test loss {loss}", zh: "教师强制下的词元准确率：{acc} · 测试损失 {loss}" },
  lossHeading: { en: "Training loss", zh: "训练损失" },
  lossChart: { en: "Training loss by step", zh: "各步的训练损失" },

  attentionHeading: { en: "Attention of the current example", zh: "当前样例的注意力" },
  attentionNone: {
    en: "This model has no attention: the decoder sees only the encoder's final state, so there is no matrix to draw.",
    zh: "这个模型没有注意力：解码器只看到编码器的最终状态，因此没有可画的矩阵。",
  },
  attentionHelp: {
    en: "Rows are output steps, columns input symbols; darker is more weight. Hover or focus an output symbol to light up what it attends to.",
    zh: "行是输出步骤，列是输入符号；颜色越深权重越大。将鼠标悬停在某个输出符号上（或用键盘聚焦它），即可高亮它所关注的输入。",
  },
  attentionLabel: { en: "Attention weights: {rows} output steps × {cols} input symbols", zh: "注意力权重：{rows} 个输出步 × {cols} 个输入符号" },
  attendsTo: { en: "Output {t} “{out}” attends most to input {s} “{in}” ({w}).", zh: "输出 {t}“{out}”最关注输入 {s}“{in}”（{w}）。" },
  outputSymbol: { en: "Output step {t}: {symbol}", zh: "输出第 {t} 步：{symbol}" },
  exampleOf: { en: "Test example {n} of {total}", zh: "第 {n} 个测试样例，共 {total} 个" },
  previous: { en: "Previous example", zh: "上一个样例" },
  next: { en: "Next example", zh: "下一个样例" },
  input: { en: "Input", zh: "输入" },
  reference: { en: "Reference", zh: "参考答案" },
  output: { en: "Output", zh: "输出" },
  right: { en: "right", zh: "正确" },
  wrong: { en: "wrong", zh: "错误" },

  distributionHeading: { en: "The decoder's output distribution, step by step", zh: "解码器逐步的输出分布" },
  distributionCaption: { en: "The {k} likeliest symbols at each output step (greedy decoding takes the first).", zh: "每个输出步最可能的 {k} 个符号（贪心解码取第一个）。" },
  stepCol: { en: "Step", zh: "步" },
  candidates: { en: "Likeliest symbols", zh: "最可能的符号" },

  statesHeading: { en: "Encoder and decoder states over time", zh: "编码器和解码器状态随时间的变化" },
  encoderStates: { en: "Encoder states h_s (input symbols × hidden units)", zh: "编码器状态 h_s（输入符号 × 隐藏单元）" },
  decoderStates: { en: "Decoder states z_t (output steps × hidden units)", zh: "解码器状态 z_t（输出步 × 隐藏单元）" },

  samplesHeading: { en: "Test examples, greedy and beam search", zh: "测试样例：贪心与束搜索" },
  samplesCaption: { en: "Scores are log-probability per symbol (higher is better); beam search lists its best hypotheses.", zh: "分数为平均每个符号的对数概率（越高越好）；束搜索列出其最好的几个假设。" },
  hypotheses: { en: "Beam hypotheses", zh: "束搜索假设" },
  unfinished: { en: "(unfinished)", zh: "（未完成）" },

  compareHeading: { en: "Attention vs no attention", zh: "有注意力与无注意力对比" },
  compareOff: {
    en: "Turn on “Also train without attention” to train the same task and seed with and without attention side by side.",
    zh: "打开“同时训练一个不带注意力的模型”，即可在同一任务和种子下并排训练有注意力和无注意力的模型。",
  },
  compareCaption: {
    en: "Exact match (greedy) by input length at step {step}: without attention the decoder must squeeze the whole input into one state, so long inputs suffer.",
    zh: "第 {step} 步时按输入长度统计的完全匹配率（贪心）：没有注意力时，解码器必须把整个输入压进一个状态，因此长输入表现更差。",
  },
  lengthCol: { en: "Input length", zh: "输入长度" },
  withAttention: { en: "With attention ({kind})", zh: "有注意力（{kind}）" },
  withoutAttention: { en: "Without attention", zh: "无注意力" },
  lengthRange: { en: "{from}–{to}", zh: "{from}–{to}" },
  lengthFrom: { en: "{from}+", zh: "{from}+" },
  countOf: { en: "{pct} of {n}", zh: "{n} 个中的 {pct}" },

  typeHeading: { en: "Try your own input", zh: "试试你自己的输入" },
  typeLabel: { en: "Input to translate", zh: "要翻译的输入" },
  typeHintDates: { en: "A date between 1950 and 2049, e.g. “3 March 2021” or “03/03/21”.", zh: "1950 到 2049 年之间的一个日期（英文写法），例如 “3 March 2021” 或 “03/03/21”。" },
  typeHintWord: { en: "An English word, e.g. “notebook”.", zh: "一个英文单词，例如 “notebook”。" },
  typeHintToy: { en: "Letters a–j, e.g. “gbjacd”.", zh: "字母 a–j，例如 “gbjacd”。" },
  translateButton: { en: "Translate", zh: "翻译" },
  translating: { en: "Decoding…", zh: "正在解码…" },
  emptyResult: { en: "The model produced nothing for this input.", zh: "模型对这个输入没有产生任何输出。" },
  typedResult: { en: "Greedy: {greedy} · best beam: {beam}", zh: "贪心：{greedy} · 束搜索最佳：{beam}" },

  // Saved run
  savedStep: { en: "Saved in this browser at step {step}.", zh: "已在此浏览器中保存到第 {step} 步。" },
  savedRestored: { en: "Restored the run saved in this browser at step {step}.", zh: "已恢复此浏览器中保存的第 {step} 步的训练。" },
  forget: { en: "Forget the saved run", zh: "删除已保存的训练" },
  savedOtherSettings: { en: "A run saved earlier had other settings; it was left alone and new networks start.", zh: "之前保存的训练使用了其他设置；它未被载入，新的网络从头开始。" },
  savedCouldNotRead: { en: "The saved run could not be read ({why}); new networks start.", zh: "无法读取已保存的训练（{why}）；新的网络从头开始。" },
  savedCouldNotSave: { en: "The run could not be saved in this browser ({why}).", zh: "无法在此浏览器中保存训练（{why}）。" },
  savedCouldNotForget: { en: "The saved run could not be deleted ({why}).", zh: "无法删除已保存的训练（{why}）。" },
  savedForgot: { en: "The saved run was deleted; new networks start.", zh: "已删除保存的训练；新的网络从头开始。" },
  couldNotLoad: { en: "Could not load {file} ({why}). Check the connection and reload, or pick another task.", zh: "无法加载 {file}（{why}）。请检查网络后重新加载，或换一个任务。" },
  dismiss: { en: "Dismiss", zh: "关闭" },
  exportChart: { en: "Export", zh: "导出" },
  scoreOf: fn<{ score: string; finished: boolean }>(
    (p) => `score ${p.score}${p.finished ? "" : " (unfinished)"}`,
    (p) => `分数 ${p.score}${p.finished ? "" : "（未完成）"}`,
  ),
} as const satisfies Dict;

/** How the lab's own choices read on screen (the URL keeps the short value). */
export const TRANSLATE_OPTIONS = {
  dates: { en: "Dates → ISO (2021-03-03)", zh: "日期 → ISO 格式（2021-03-03）" },
  cmudict: { en: "Spelling → pronunciation (CMUdict)", zh: "拼写 → 发音（CMU 发音词典）" },
  reverse: { en: "Toy: reverse a string", zh: "玩具任务：反转字符串" },
  sort: { en: "Toy: sort a string", zh: "玩具任务：字符串排序" },
  additive: { en: "Additive (Bahdanau)", zh: "加性（Bahdanau）" },
  dot: { en: "Dot product (Luong)", zh: "点积（Luong）" },
  general: { en: "General (Luong)", zh: "一般形式（Luong）" },
  none: { en: "None: final state only", zh: "无：只用最终状态" },
} as const satisfies Dict;
