// src/i18n/chars.ts: the character lab's words: status line, text, settings, samples, generation, a look inside, models.
import { fn, type Dict } from "./index";
import { CHARS_LINK } from "./charsLink";

export const CHARS = {
  ...CHARS_LINK,
  // Status line: "Step 120 · loss 2.31 bits/char · validation 2.40 bits/char · 9,800 tokens/s"
  loadingText: { en: "Loading the text…", zh: "正在加载文本…" },
  noText: {
    en: "No text to train on yet: pick a built-in text, or paste or open your own.",
    zh: "还没有可供训练的文本：请选择一个内置文本，或者粘贴、打开你自己的文本。",
  },
  starting: { en: "Starting the training worker…", zh: "正在启动训练 worker…" },
  restarting: { en: "Restarting the training worker…", zh: "正在重新启动训练 worker…" },
  couldNotStartStatus: { en: "Training could not start: see the message above.", zh: "训练无法开始：见上方消息。" },
  stepN: { en: "Step {step}", zh: "第 {step} 步" },
  lossBits: { en: "loss {bits} bits/char", zh: "损失 {bits} 比特/字符" },
  validationBits: { en: "validation {bits} bits/char", zh: "验证 {bits} 比特/字符" },
  tokensPerSec: { en: "{rate} tokens/s", zh: "每秒 {rate} 个字符" },
  epoch: { en: "epoch {epoch}", zh: "轮次 {epoch}" },
  sampleOnly: {
    en: "sampling only (the model's vocabulary lacks characters of this text)",
    zh: "仅采样（模型的词表缺少这段文本中的字符）",
  },
  stoppedDiverged: { en: "stopped: the loss diverged", zh: "已停止：损失发散" },
  stopped: { en: "stopped", zh: "已停止" },
  readyToTrain: { en: "ready to train", zh: "可以开始训练" },
  paused: { en: "paused", zh: "已暂停" },

  // Messages
  urlIgnored: { en: "Some settings in the link were ignored:", zh: "链接中的部分设置被忽略了：" },
  diverged: fn<{ step: number; cause: "nan" | "inf" | "blowUp"; goodStep: number; goodLoss: string | null; lr: string; isClipping: boolean }>(
    (p) =>
      `Training stopped at step ${p.step}: the loss became ${p.cause === "blowUp" ? "huge" : p.cause === "nan" ? "NaN" : "infinite"}. ` +
      `The weights from step ${p.goodStep}${p.goodLoss !== null ? ` (loss ${p.goodLoss} bits/char)` : ""} are kept. ` +
      `Lower the learning rate (now ${p.lr}) or ${p.isClipping ? "clip harder" : "turn on gradient clipping"}.`,
    (p) =>
      `训练在第 ${p.step} 步停止：损失变成了${p.cause === "blowUp" ? "极大的值" : p.cause === "nan" ? " NaN" : "无穷大"}。` +
      `已保留第 ${p.goodStep} 步的权重${p.goodLoss !== null ? `（损失 ${p.goodLoss} 比特/字符）` : ""}。` +
      `请降低学习率（当前为 ${p.lr}），或${p.isClipping ? "加大梯度裁剪的力度" : "开启梯度裁剪"}。`,
  ),
  halveLr: { en: "Halve the learning rate and go on", zh: "学习率减半并继续" },
  clipAtOne: { en: "Clip at norm 1 and go on", zh: "按范数 1 裁剪并继续" },

  // Store messages (src/store/charStore.ts)
  workerError: { en: "{message}", zh: "训练 worker 报告了错误：{message}" },
  workerStopped: { en: "the worker stopped", zh: "worker 已停止" },
  noAnswer: { en: "no answer for {s} s", zh: "{s} 秒没有响应" },
  crashedTooOften: {
    en: "The training worker crashed {n} times in a minute (last: {why}). Reload the page; if it happens again, lower the hidden size, the batch size or the BPTT length.",
    zh: "训练 worker 在一分钟内崩溃了 {n} 次（最近一次：{why}）。请重新加载页面；如果再次发生，请减小隐藏层大小、批大小或 BPTT 长度。",
  },
  restarted: {
    en: "The training worker stopped unexpectedly ({why}). It was restarted from step {step}; press Train to continue.",
    zh: "训练 worker 意外停止（{why}）。已从第 {step} 步重新启动，按“训练”继续。",
  },
  couldNotSaveLab: {
    en: "Could not save the lab for the next visit ({why}). Training goes on; use Save model to keep the model.",
    zh: "无法为下次访问保存实验室（{why}）。训练会继续；请用“保存模型”来保留模型。",
  },
  couldNotReadSaved: { en: "Could not read the saved lab ({why}); starting afresh.", zh: "无法读取保存的实验室（{why}），将重新开始。" },
  savedModelMismatch: {
    en: "The saved model does not fit the settings in this link, so a new model starts.",
    zh: "保存的模型与这个链接中的设置不符，因此将从一个新模型开始。",
  },
  couldNotClearSaved: { en: "Could not clear the saved lab ({why}).", zh: "无法清除保存的实验室（{why}）。" },
  forgotSaved: {
    en: "Forgot the saved settings and model: the lab is back to its defaults.",
    zh: "已清除保存的设置和模型：实验室已恢复为默认设置。",
  },
  savedModel: {
    en: "Saved the model as {file} ({n} characters, vocabulary of {v}).",
    zh: "已将模型保存为 {file}（{n} 个字符，词表大小为 {v}）。",
  },
  couldNotSaveModel: { en: "Could not save the model: {why}", zh: "无法保存模型：{why}" },
  modelRefused: { en: "Model file \"{file}\": {why} The current model is kept.", zh: "模型文件“{file}”：{why}当前模型保持不变。" },
  engineProblem: { en: "{message}", zh: "无法读取这个文件（{message}）。" },
  noTextForModel: {
    en: "There is no text loaded yet to go with it; pick a text first.",
    zh: "还没有载入与之配套的文本；请先选择一段文本。",
  },
  notCharModel: {
    en: "It is not a character model (it has loss \"{loss}\", inputs \"{inputs}\", outputs \"{outputs}\"); the lab needs one-hot inputs, cross-entropy at every step, and as many outputs as inputs.",
    zh: "它不是字符模型（损失为“{loss}”，输入为“{inputs}”，输出为“{outputs}”）；实验室需要 one-hot 输入、每一步都计算交叉熵，并且输出数与输入数相同。",
  },
  noVocabulary: {
    en: "It has no \"vocabulary\", so the lab cannot tell which character each of its {n} inputs stands for. Add \"vocabulary\": a list of {n} single characters in class order, to the header (README, \"Model files\").",
    zh: "它没有 \"vocabulary\"（词表），所以实验室无法知道它的 {n} 个输入分别代表哪个字符。请在文件头中加入 \"vocabulary\"：按类别顺序排列的 {n} 个单字符列表（见 README 的“Model files”一节）。",
  },
  hiddenOutOfRange: { en: "Its hidden size is {h}; the lab takes {min} to {max}.", zh: "它的隐藏层大小是 {h}；实验室只接受 {min} 到 {max}。" },
  tooManyLayers: { en: "It has {n} layers; the lab takes at most {max}.", zh: "它有 {n} 层；实验室最多只接受 {max} 层。" },
  sameVocabulary: { en: "Its vocabulary is the text's own, so training can go on.", zh: "它的词表就是这段文本的词表，所以可以继续训练。" },
  coveringVocabulary: {
    en: "Its vocabulary ({v} characters) differs from the text's ({own}); the lab now uses the model's, which covers every character of the text, so training can go on.",
    zh: "它的词表（{v} 个字符）与文本的词表（{own} 个字符）不同；实验室现在改用模型的词表，它覆盖了文本中的所有字符，所以可以继续训练。",
  },
  lackingVocabulary: {
    en: "Its vocabulary ({v} characters) lacks characters of the current text ({missing}…), so the lab switched to the model's vocabulary for sampling and looking inside, and training is off. Reset trains a new model on this text.",
    zh: "它的词表（{v} 个字符）缺少当前文本中的字符（{missing}……），因此实验室改用模型的词表来采样和查看内部，并关闭了训练。按“重置”会在这段文本上训练一个新模型。",
  },
  loadedModel: {
    en: "Loaded \"{file}\": {cell}, hidden size {h}, {l} layer(s). {more}",
    zh: "已载入“{file}”：{cell}，隐藏层大小 {h}，{l} 层。{more}",
  },
  primeTooLong: { en: "The priming text can be at most {n} characters long.", zh: "引导文本最多只能有 {n} 个字符。" },
  primeUnknown: {
    en: "The model does not know {symbols}: the priming text may use only characters of its vocabulary.",
    zh: "模型不认识 {symbols}：引导文本只能使用它词表中的字符。",
  },
  noSuchCorpus: { en: "There is no built-in text \"{id}\".", zh: "没有名为“{id}”的内置文本。" },
  // The data layer's reasons stay English (src/data/text.ts); the Chinese leads with what happened.
  textRefused: fn<{ name: string | null; message: string }>(
    (p) => `${p.name !== null ? `${p.name}: ` : ""}${p.message} The current text is kept.`,
    (p) => `${p.name !== null ? `${p.name}：` : ""}无法使用这段文本（${p.message.replace(/\.$/, "")}）。当前文本保持不变。`,
  ),
  textUnusable: fn<{ message: string }>(
    (p) => p.message,
    (p) => `无法用这段文本训练（${p.message.replace(/\.$/, "")}）。`,
  ),
  textTooLarge: fn<{ name: string; message: string }>(
    (p) => `${p.name}: ${p.message}`,
    (p) => `${p.name}：文本太长（${p.message.replace(/\.$/, "")}）。`,
  ),
  fileUnreadable: { en: "Could not read \"{name}\" ({why}). The current text is kept.", zh: "无法读取“{name}”（{why}）。当前文本保持不变。" },
  fileTooLarge: {
    en: "{name}: the file has {bytes} bytes, more than the lab trains on ({max} characters). Use its first {max} characters, or a shorter text.",
    zh: "{name}：文件有 {bytes} 字节，超过了实验室能训练的上限（{max} 个字符）。请使用它的前 {max} 个字符，或者换一段更短的文本。",
  },
  couldNotLoadBuiltin: {
    en: "Could not load the built-in text \"{name}\" ({why}). Pick it again, pick another, or paste your own text.",
    zh: "无法加载内置文本“{name}”（{why}）。请重新选择它、选择另一个，或者粘贴你自己的文本。",
  },
  loadingCorpus: { en: "Loading {name}…", zh: "正在加载{name}…" },
  textStats: { en: "{name}: {n} characters, {distinct} distinct.", zh: "{name}：共 {n} 个字符，其中 {distinct} 个互不相同。" },

  // Text panel
  textHeading: { en: "Text", zh: "文本" },
  textToLearn: { en: "Text to learn", zh: "要学习的文本" },
  corpusCredit: { en: "{language}. {credit}.", zh: "{language}。{credit}。" },
  yourText: { en: "Your text: {name}", zh: "你的文本：{name}" },
  useFirstPart: { en: "Use the first {n} characters", zh: "使用前 {n} 个字符" },
  ownText: { en: "Use your own text", zh: "使用你自己的文本" },
  pasteText: { en: "Paste text", zh: "粘贴文本" },
  trainOnPasted: { en: "Train on the pasted text", zh: "用粘贴的文本训练" },
  pastedText: { en: "Pasted text", zh: "粘贴的文本" },
  openTextFile: { en: "Open a text file (.txt, UTF-8)", zh: "打开文本文件（.txt，UTF-8 编码）" },
  ownTextNote: {
    en: "Up to {n} characters. Every distinct character (a letter, a Chinese character, an emoji) is one symbol of the vocabulary. The last part of the text is held out to measure the validation loss.",
    zh: "最多 {n} 个字符。每个不同的字符（一个字母、一个汉字或一个表情符号）都是词表中的一个符号。文本的最后一部分会被留出，用来计算验证损失。",
  },
  vocabulary: { en: "Vocabulary: {n} characters", zh: "词表：{n} 个字符" },
  modelsVocabulary: { en: " (the loaded model's)", zh: "（来自载入的模型）" },
  andMore: { en: " … and {n} more", zh: " …… 还有 {n} 个" },
  symbolNewLine: { en: "↵ (new line)", zh: "↵（换行）" },
  symbolSpace: { en: "␣ (space)", zh: "␣（空格）" },
  symbolTab: { en: "⇥ (tab)", zh: "⇥（制表符）" },

  // Settings panel
  modelAndTraining: { en: "Model and training", zh: "模型与训练" },
  hintBptt: {
    en: "Truncated BPTT: gradients flow back this many characters; the state carries on.",
    zh: "截断的 BPTT：梯度只沿时间反向传播这么多个字符，而隐藏状态会一直传递下去。",
  },
  hintBatch: { en: "Parallel streams over the text, each reading its own stretch.", zh: "在文本上并行读取的流，每个流读取自己的一段。" },
  hintValidation: { en: "The last part of the text, never trained on.", zh: "文本的最后一部分，从不用于训练。" },
  settingsNote: {
    en: "Changing the optimiser, learning rate or clipping keeps the network; anything else starts a new one.",
    zh: "修改优化器、学习率或梯度裁剪会保留当前网络；修改其他任何设置都会新建一个网络。",
  },

  // Models panel
  models: { en: "Models", zh: "模型" },
  saveModel: { en: "Save model", zh: "保存模型" },
  loadModelFile: { en: "Load a model file (.json)", zh: "载入模型文件（.json）" },
  modelFileNote: {
    en: "A model file is JSON with the vocabulary and PyTorch's state_dict names, so a model trained in PyTorch loads here (see the README, \"Model files\"). A model whose vocabulary differs from the text's is loaded with its own vocabulary: it can write and be looked inside, and it trains on the text only if its vocabulary covers it.",
    zh: "模型文件是 JSON 格式，包含词表以及 PyTorch state_dict 中的参数名，所以在 PyTorch 中训练的模型也能在这里载入（见 README 的“Model files”一节）。如果模型的词表与文本的不同，会连同它自己的词表一起载入：它可以生成文本，也可以查看内部，但只有当它的词表覆盖这段文本时才能在上面训练。",
  },
  keptInBrowser: {
    en: "The settings, your own text and the model are kept in this browser for your next visit.",
    zh: "设置、你自己的文本和模型都会保存在这个浏览器中，下次访问时仍然可用。",
  },
  forgetSaved: { en: "Forget saved model", zh: "清除保存的模型" },
  noStorage: {
    en: "This browser offers no storage (IndexedDB), so nothing is kept after a reload: use Save model.",
    zh: "这个浏览器没有提供存储（IndexedDB），重新加载后不会保留任何内容：请使用“保存模型”。",
  },

  // Samples
  samples: { en: "Samples", zh: "样本" },
  samplesNote: {
    en: "While it trains, the model writes a new sample every few seconds, from the same start and seed, so you can watch it improve.",
    zh: "训练过程中，模型每隔几秒就用相同的开头和种子写出一个新样本，你可以看着它一步步进步。",
  },
  temperatureHint: {
    en: "0 always takes the most likely character; 1 draws from the model's own probabilities; above 1 is wilder.",
    zh: "温度为 0 时总是选概率最大的字符；为 1 时按模型自身的概率抽样；大于 1 时更加随意。",
  },
  labelColon: { en: "{label}: ", zh: "{label}：" },
  primingText: { en: "Priming text", zh: "引导文本" },
  primingHint: { en: "Read before writing starts; empty starts from a new line.", zh: "开始生成前先读入这段文本；留空则从新的一行开始。" },
  latestSample: { en: "Latest sample", zh: "最新样本" },
  sampleCaption: {
    en: "Written by the weights of step {step}, temperature {temperature}, seed {seed}. The priming text is underlined.",
    zh: "由第 {step} 步的权重写出，温度 {temperature}，种子 {seed}。带下划线的是引导文本。",
  },
  noSample: { en: "No sample yet.", zh: "还没有样本。" },

  // Generate
  generateHeading: { en: "Generate, one character at a time", zh: "逐个字符生成" },
  generateNote: {
    en: "Uses the temperature, priming text, seed and length above. Then step through the result: at each step the bars show the characters the model found most likely, and which one was drawn.",
    zh: "使用上面设置的温度、引导文本、种子和长度。然后逐步查看结果：每一步的条形图显示模型认为最可能的几个字符，以及实际抽中的是哪一个。",
  },
  generate: { en: "Generate", zh: "生成" },
  writing: { en: "Writing…", zh: "正在生成…" },
  generatedText: { en: "Generated text", zh: "生成的文本" },
  generatedCaption: {
    en: "{n} characters at temperature {temperature}, seed {seed}, by the weights of step {step}. Click a character to see its step.",
    zh: "共 {n} 个字符，温度 {temperature}，种子 {seed}，由第 {step} 步的权重生成。点击一个字符可查看它那一步。",
  },
  previousChar: { en: "Previous character", zh: "上一个字符" },
  nextChar: { en: "Next character", zh: "下一个字符" },
  stepShown: { en: "Step shown", zh: "显示的步" },
  stepOf: { en: "step {i} of {n}", zh: "第 {i} 步，共 {n} 步" },
  candidatesTitle: { en: "Step {i} of {n}: after “{context}”, the next character", zh: "第 {i} 步（共 {n} 步）：在“{context}”之后的下一个字符" },
  drawnOutside: {
    en: "Drawn at this step: “{ch}”, a less likely character outside the {k} shown.",
    zh: "这一步抽中的是“{ch}”，一个不在所示 {k} 个候选之内、可能性更低的字符。",
  },

  // Inside the network
  insideHeading: { en: "Inside the network", zh: "网络内部" },
  insideNotReady: { en: "The network's insides appear once a model is ready.", zh: "模型准备好后，这里会显示网络内部。" },
  insideNote: {
    en: "The network reads {source}, with the weights of step {step}. Each character is coloured by what the chosen unit holds just after reading it.",
    zh: "网络用第 {step} 步的权重读取{source}。每个字符的颜色表示所选单元在读完这个字符之后的值。",
  },
  sourceHeldOut: { en: "the first {n} characters of the held-out tail (never trained on)", zh: "留出部分（从未用于训练）的前 {n} 个字符" },
  sourceText: { en: "the first {n} characters of the text", zh: "文本的前 {n} 个字符" },
  sourceKnown: {
    en: "the first {n} characters of the text that are in the model's vocabulary (the others skipped)",
    zh: "文本中属于模型词表的前 {n} 个字符（其余字符被跳过）",
  },
  layer: { en: "Layer", zh: "层" },
  layerN: { en: "Layer {n}", zh: "第 {n} 层" },
  unitRange: { en: "Unit (0 to {max})", zh: "单元（0 到 {max}）" },
  colourBy: { en: "Colour by", zh: "着色依据" },
  colour_h: { en: "hidden state h", zh: "隐藏状态 h" },
  colour_c: { en: "cell state c", zh: "细胞状态 c" },
  colour_i: { en: "input gate i", zh: "输入门 i" },
  colour_f: { en: "forget gate f", zh: "遗忘门 f" },
  colour_g: { en: "candidate g", zh: "候选值 g" },
  colour_o: { en: "output gate o", zh: "输出门 o" },
  colour_r: { en: "reset gate r", zh: "重置门 r" },
  colour_z: { en: "update gate z", zh: "更新门 z" },
  colour_n: { en: "candidate n", zh: "候选值 n" },
  unitTitle: { en: "Layer {layer}, unit {unit}: {what}", zh: "第 {layer} 层，单元 {unit}：{what}" },
  hOverText: { en: "Hidden state h, layer {layer}, over the {T} characters", zh: "隐藏状态 h，第 {layer} 层，共 {T} 个字符" },
  gatesOverText: { en: "Gates of layer {layer} ({names}) over the text", zh: "第 {layer} 层的门（{names}）在整段文本上的值" },
  correlationsCaption: {
    en: "Units that follow simple features of the text: the largest correlations (Pearson r) between a unit's h and the feature",
    zh: "追踪文本简单特征的单元：单元的 h 与该特征之间相关性（皮尔逊相关系数 r）最大的几个",
  },
  feature: { en: "Feature", zh: "特征" },
  unitsStrongestFirst: {
    en: "Units, strongest first (choose one to colour the text by it)",
    zh: "单元，按相关性从强到弱排列（选择一个，就用它给文本着色）",
  },
  featureConstant: { en: "The feature does not vary over this text.", zh: "这个特征在这段文本中没有变化。" },
  unitCorrelation: fn<{ layer: number | null; unit: number; r: string }>(
    (p) => `${p.layer !== null ? `layer ${p.layer}, ` : ""}unit ${p.unit}: r = ${p.r}`,
    (p) => `${p.layer !== null ? `第 ${p.layer} 层，` : ""}单元 ${p.unit}：r = ${p.r}`,
  ),
  feature_insideQuotes: { en: "inside quotes", zh: "引号内" },
  featureMeaning_insideQuotes: {
    en: "1 between an opening and a closing quotation mark (\" “ ” 「 」 『 』), else 0",
    zh: "位于左右引号（\" “ ” 「 」 『 』）之间时为 1，否则为 0",
  },
  feature_positionInLine: { en: "position in line", zh: "行内位置" },
  featureMeaning_positionInLine: { en: "characters since the last new line (0 at the new line)", zh: "距上一个换行符的字符数（换行处为 0）" },
  feature_afterSpace: { en: "after a space", zh: "空格之后" },
  featureMeaning_afterSpace: {
    en: "1 when the character just read is a space (a word begins next), else 0",
    zh: "刚读入的字符是空格（下一个词即将开始）时为 1，否则为 0",
  },
  feature_punctuation: { en: "punctuation", zh: "标点" },
  featureMeaning_punctuation: {
    en: "1 when the character just read is punctuation (. , ; ! ? 。 ， …), else 0",
    zh: "刚读入的字符是标点（. , ; ! ? 。 ， …）时为 1，否则为 0",
  },

  // Loss
  loss: { en: "Loss", zh: "损失" },
  lossTitle: {
    en: "Loss in bits per character (training windows and held-out text)",
    zh: "损失，单位为比特/字符（训练窗口与留出文本）",
  },
  lossNote: {
    en: "Bits per character: how many yes/no questions the model still needs, on average, to pin down the next character. Guessing uniformly over V characters costs log₂ V bits.",
    zh: "比特/字符：模型平均还需要问多少个“是/否”问题，才能确定下一个字符。在 V 个字符中均匀地猜，需要 log₂ V 比特。",
  },
} as const satisfies Dict;
