// src/i18n/classify.ts: the text-classification lab's words: status line, data, model, metrics, the example under
// the cursor, error analysis and Compare.
import type { Dict } from "./index";
import { CLASSIFY_LINK } from "./classifyLink";

export const CLASSIFY = {
  // Status line: "Step 120 · loss 0.4123 · validation accuracy 81.0% · 1,200 examples/s"
  loadingData: { en: "Loading the data…", zh: "正在加载数据…" },
  noData: { en: "No data yet: paste or open your own lines (label<TAB>text), or pick a built-in data set.", zh: "还没有数据：请粘贴或打开你自己的行（标签<TAB>文本），或选择一个内置数据集。" },
  starting: { en: "Starting the training worker…", zh: "正在启动训练 worker…" },
  restarting: { en: "Restarting the training worker…", zh: "正在重新启动训练 worker…" },
  failedStatus: { en: "Training could not start: see the message above.", zh: "训练无法开始：见上方消息。" },
  stepN: { en: "Step {step}", zh: "第 {step} 步" },
  lossIs: { en: "loss {loss}", zh: "损失 {loss}" },
  valAccIs: { en: "validation accuracy {acc}", zh: "验证准确率 {acc}" },
  perSec: { en: "{rate} examples/s", zh: "每秒 {rate} 个样本" },
  stoppedDiverged: { en: "stopped: the loss diverged", zh: "已停止：损失发散" },
  readyToTrain: { en: "ready to train", zh: "可以开始训练" },
  paused: { en: "paused", zh: "已暂停" },
  diverged: {
    en: "Training diverged at step {step}; the weights of step {good} are kept. Lower the learning rate or turn clipping on, then press Train.",
    zh: "训练在第 {step} 步发散；保留了第 {good} 步的权重。请降低学习率或打开梯度裁剪，然后按“训练”。",
  },
  couldNotLoad: { en: "The data could not be loaded ({why}).", zh: "无法加载数据（{why}）。" },
  ...CLASSIFY_LINK,
  urlIgnored: { en: "Some settings in the link were ignored:", zh: "链接中的部分设置被忽略了：" },

  // Data
  pageTitle: { en: "Text classification lab", zh: "文本分类实验室" },
  pageLead: {
    en: "Train a recurrent network to classify real texts (first names, e-mails, or your own lines) and watch how its decision forms while it reads.",
    zh: "训练一个循环网络来对真实文本（英文名、电子邮件或你自己的行）分类，并观察它在阅读过程中如何形成判断。",
  },
  dataHeading: { en: "Data", zh: "数据" },
  dataNames: { en: "First names → female / male", zh: "英文名 → 女性 / 男性" },
  dataSpam: { en: "E-mails → spam / ham (SpamAssassin)", zh: "电子邮件 → 垃圾 / 正常（SpamAssassin）" },
  dataOwn: { en: "My own lines", zh: "我自己的行" },
  namesHint: { en: "8,003 English first names (Moby Word II); names in both lists are left out.", zh: "8,003 个英文名（Moby Word II）；两个列表中都有的名字已去除。" },
  spamHint: { en: "1,500 spam and 1,500 ham mails: subject and the start of the body.", zh: "1,500 封垃圾邮件和 1,500 封正常邮件：主题和正文开头。" },
  ownHint: { en: "One example per line: label, a tab, then the text.", zh: "每行一个样本：标签、一个制表符，然后是文本。" },
  tokChar: { en: "Characters", zh: "字符" },
  tokWord: { en: "Words", zh: "单词" },
  tokensHint: { en: "What one step of the network reads: a character, or a word (useful for e-mails).", zh: "网络每一步读入的内容：一个字符，或一个单词（适合电子邮件）。" },
  pasteLabel: { en: "Your own lines (label<TAB>text)", zh: "你自己的行（标签<TAB>文本）" },
  useLines: { en: "Use these lines", zh: "使用这些行" },
  openFile: { en: "Open a file…", zh: "打开文件…" },
  keptData: { en: "The data in use is kept.", zh: "仍在使用原来的数据。" },
  classCounts: { en: "Examples per class", zh: "每个类别的样本数" },
  classCol: { en: "Class", zh: "类别" },
  trainCol: { en: "Training", zh: "训练" },
  valCol: { en: "Validation", zh: "验证" },
  testCol: { en: "Test", zh: "测试" },
  balancedNote: {
    en: "Validation and test are balanced: guessing scores {chance}; always answering the training set's largest class scores {majority} there, and only {chance} on the balanced test.",
    zh: "验证集和测试集是平衡的：随机猜测得 {chance}；总是回答训练集中最大的类别，在训练集上得 {majority}，在平衡的测试集上只得 {chance}。",
  },
  vocabNote: { en: "Vocabulary: {size} tokens (from the training part); {unk} of its tokens are unknown (<unk>).", zh: "词表：{size} 个词元（来自训练部分）；其中 {unk} 的词元是未知词（<unk>）。" },

  // Model and training
  modelHeading: { en: "Model", zh: "模型" },
  trainingHeading: { en: "Training", zh: "训练" },
  bidirHint: { en: "A second RNN reads the text backwards; the head sees both final states.", zh: "第二个 RNN 反向读取文本；输出层同时看到两个方向的最终状态。" },
  dropoutHint: { en: "Between stacked layers (needs 2 layers).", zh: "作用于堆叠的层之间（需要 2 层）。" },

  // Metrics
  metricsHeading: { en: "While training", zh: "训练过程" },
  testLine: {
    en: "Test accuracy {test} · validation {val} · macro F1 {f1} · chance {chance} · majority class (training part) {majority}",
    zh: "测试准确率 {test} · 验证 {val} · 宏平均 F1 {f1} · 随机 {chance} · 多数类（训练部分）{majority}",
  },
  lossTitle: { en: "Loss: training and validation", zh: "损失：训练与验证" },
  accTitle: { en: "Accuracy: training and validation", zh: "准确率：训练与验证" },
  accAria: { en: "Accuracy over training steps; latest validation accuracy {val} ({points} points).", zh: "准确率随训练步数的变化；最新验证准确率 {val}（{points} 个点）。" },
  stepAxis: { en: "step", zh: "步数" },
  trainLegend: { en: "training (smoothed)", zh: "训练（平滑）" },
  valLegend: { en: "validation", zh: "验证" },
  confusionCaption: { en: "Confusion matrix (validation)", zh: "混淆矩阵（验证集）" },
  predictedAs: { en: "predicted {c}", zh: "预测为 {c}" },
  trulyIs: { en: "truly {c}", zh: "实际为 {c}" },
  prfCaption: { en: "Precision, recall and F1 (validation)", zh: "精确率、召回率和 F1（验证集）" },
  precision: { en: "Precision", zh: "精确率" },
  recall: { en: "Recall", zh: "召回率" },

  // The example under the cursor
  exampleHeading: { en: "How the model reads one example", zh: "模型如何读一个样本" },
  ownTextLabel: { en: "Type your own text (classified as you type)", zh: "输入你自己的文本（边输入边分类）" },
  verdict: { en: "The model says {c} ({p}).", zh: "模型判断为 {c}（{p}）。" },
  goldIs: { en: "The label is {c}.", zh: "标签是 {c}。" },
  ownTextNote: { en: "(your own text)", zh: "（你自己的文本）" },
  truncatedNote: { en: "(cut to the tokens read per text)", zh: "（已截断为每条文本读取的词元数）" },
  beliefCaption: { en: "Belief while reading: each token coloured by the class the model favours after reading up to it (stronger colour = surer)", zh: "边读边判断：每个词元按模型读到它为止时倾向的类别着色（颜色越深越确定）" },
  beliefAria: { en: "The text's {n} tokens, each coloured by the model's belief after reading up to it.", zh: "文本的 {n} 个词元，每个按模型读到它为止时的判断着色。" },
  tokTitle: { en: "“{tok}”: after this, {c} {p}", zh: "“{tok}”：读到这里时，{c} {p}" },
  saliencyCaption: { en: "Saliency: ‖∂(logit of {c}) / ∂(embedding of each token)‖", zh: "显著性：‖∂（{c} 的 logit）/ ∂（每个词元的嵌入）‖" },
  saliencyAria: { en: "Saliency of each token; the strongest: {tok}.", zh: "每个词元的显著性；最强的是：{tok}。" },
  salTitle: { en: "“{tok}”: gradient norm {g}, gradient · embedding {gi}", zh: "“{tok}”：梯度范数 {g}，梯度 · 嵌入 {gi}" },
  saliencyNote: {
    en: "Darker = the logit is more sensitive to this token's embedding. Green: gradient · embedding > 0 (the token pushes toward the answer); pink: < 0.",
    zh: "颜色越深，logit 对这个词元的嵌入越敏感。绿色：梯度 · 嵌入 > 0（该词元把结果推向这个答案）；粉色：< 0。",
  },
  hiddenLabel: { en: "Hidden state h_t of the last layer (forward direction)", zh: "最后一层的隐藏状态 h_t（正向）" },
  gateLabel: { en: "Gate {g} of the last layer", zh: "最后一层的门 {g}" },
  noGates: { en: "A plain RNN has no gates (choose LSTM or GRU to see them).", zh: "普通 RNN 没有门（选择 LSTM 或 GRU 可以看到）。" },

  // Error analysis
  errorsHeading: { en: "Error analysis (validation)", zh: "错误分析（验证集）" },
  mistakesCaption: { en: "Most confident mistakes: choose one to see it above", zh: "最自信的错误：选择一条在上方查看" },
  textCol: { en: "Text", zh: "文本" },
  goldCol: { en: "Label", zh: "标签" },
  predCol: { en: "Predicted", zh: "预测" },
  confCol: { en: "Confidence", zh: "置信度" },
  noMistakes: { en: "No mistakes on the validation part.", zh: "验证集上没有错误。" },
  showExample: { en: "Show “{text}”", zh: "查看“{text}”" },
  byLengthCaption: { en: "Accuracy by length (tokens)", zh: "按长度（词元数）统计的准确率" },
  lengthCol: { en: "Length", zh: "长度" },
  countCol: { en: "Examples", zh: "样本数" },
  accCol: { en: "Accuracy", zh: "准确率" },

  // Compare
  compareHeading: { en: "Compare: RNN, LSTM, GRU, one or two directions", zh: "对比：RNN、LSTM、GRU，单向或双向" },
  compareIntro: {
    en: "Trains six models from scratch on the same data, split, seed and settings, each for the same number of steps, and scores them on the balanced test part. Does bidirectional help here? Measure it.",
    zh: "用相同的数据、划分、随机种子和设置，从头训练六个模型，每个训练相同的步数，并在平衡的测试集上评分。双向在这里有帮助吗？测一测。",
  },
  runCompare: { en: "Run Compare", zh: "运行对比" },
  cancelCompare: { en: "Stop Compare", zh: "停止对比" },
  compareRunning: { en: "Training {cell} ({dir}); {done} of 6 done…", zh: "正在训练 {cell}（{dir}）；已完成 {done}/6…" },
  compareCaption: { en: "Test accuracy (validation accuracy, training time)", zh: "测试准确率（验证准确率，训练时间）" },
  cellCol: { en: "Cell", zh: "单元" },
  uni: { en: "unidirectional", zh: "单向" },
  bi: { en: "bidirectional", zh: "双向" },
  compareCell: { en: "{acc} ({val}, {s} s)", zh: "{acc}（{val}，{s} 秒）" },
  compareVerdict: {
    en: "Bidirectional minus unidirectional, test accuracy points: {summary}. The majority class of the training part is {majority}; the balanced test gives it no credit.",
    zh: "双向减单向的测试准确率（百分点）：{summary}。训练部分的多数类占 {majority}；平衡的测试集不会因此给它加分。",
  },
} as const satisfies Dict;
