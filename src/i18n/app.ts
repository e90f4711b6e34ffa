// src/i18n/app.ts: the app shell's words: header, navigation, home page, footer, page titles, not-found, errors.
import type { Dict } from "./index";

export const APP = {
  siteName: { en: "RNN Notebook", zh: "RNN 笔记本" },
  skipToContent: { en: "Skip to content", zh: "跳到正文" },
  mainNav: { en: "Main", zh: "主导航" },
  loadingPage: { en: "Loading {title}…", zh: "正在加载“{title}”…" },
  footer: {
    en: "{site} trains its networks in your browser: nothing you type or train leaves your machine.",
    zh: "{site}在你的浏览器中训练网络：你输入或训练的任何内容都不会离开你的电脑。",
  },

  // Page titles (document.title and the route table)
  titleLessons: { en: "Lessons", zh: "课程" },
  titleLesson: { en: "Lesson: {slug}", zh: "课程：{slug}" },
  titleSine: { en: "Sine playground", zh: "正弦波实验场" },
  titleGradients: { en: "Gradient visualizer", zh: "梯度可视化" },
  titleChars: { en: "Character lab", zh: "字符实验室" },
  titleClassify: { en: "Text classification lab", zh: "文本分类实验室" },
  titleTranslate: { en: "Translation lab with attention", zh: "带注意力的翻译实验室" },
  titleSpeech: { en: "Speech lab", zh: "语音实验室" },
  titleNotFound: { en: "Page not found", zh: "页面未找到" },

  // The four areas, in the nav and on the home page's cards
  areaLessonsSummary: {
    en: "From sequence data and the simple RNN through backpropagation through time, vanishing gradients, LSTM and GRU, with live widgets beside the equations.",
    zh: "从序列数据和简单 RNN 讲起，经过随时间反向传播（BPTT）和梯度消失，一直到 LSTM 和 GRU；公式旁边都配有可以实时运行的小部件。",
  },
  areaSineSummary: {
    en: "Train an RNN, LSTM or GRU to continue a sine wave, or to forecast a real series (US births, a temperature sensor, a random-walk price) against honest baselines. Change the cell, sizes and learning rate, and watch the loss, the predictions and the hidden state as it learns.",
    zh: "训练一个 RNN、LSTM 或 GRU 来续写正弦波，或者预测真实序列（美国出生人数、温度传感器、随机游走价格），并与可靠的基线模型比较。改变单元类型、网络规模和学习率，观察它在学习过程中的损失、预测和隐藏状态。",
  },
  areaGradientsSummary: {
    en: "Watch the gradient ∂L/∂hₜ shrink or explode as it flows back through time, and see how the recurrent weights, clipping and gates change that.",
    zh: "观察梯度 ∂L/∂hₜ 随时间反向传播时如何衰减或爆炸，并看看循环权重、梯度裁剪和门控如何改变这一点。",
  },
  areaClassifySummary: {
    en: "Classify first names, e-mails or your own lines with an RNN, watch its belief form while it reads, see which characters it relies on, and measure whether bidirectional helps.",
    zh: "用 RNN 对英文名、电子邮件或你自己的行分类，观察它边读边形成判断，看它依赖哪些字符，并测一测双向是否有帮助。",
  },
  areaCharsSummary: {
    en: "Train a character-level model on a text, sample from it at different temperatures, and find the hidden units that track quotes, line ends or words.",
    zh: "在一段文本上训练字符级模型，用不同的温度从中采样，并找出追踪引号、行尾或词语的隐藏单元。",
  },

  // Home page
  homeLead: {
    en: "Train real recurrent neural networks (a simple RNN, an LSTM and a GRU) right in your browser, and watch them learn: their hidden states, their gates, and the gradients flowing back through time.",
    zh: "直接在浏览器里训练真正的循环神经网络（简单 RNN、长短期记忆网络 LSTM 和门控循环单元 GRU），看着它们学习：它们的隐藏状态、门控，以及随时间反向流动的梯度。",
  },
  homeNoInstall: {
    en: "Nothing is installed and nothing is sent to a server. The networks use the same formulas and parameter layout as PyTorch, so what you see here is what a real framework computes.",
    zh: "无需安装任何东西，也不会向服务器发送任何数据。这些网络与 PyTorch 使用相同的公式和参数布局，所以你在这里看到的，就是真实框架计算出的结果。",
  },
  whereToStart: { en: "Where to start", zh: "从哪里开始" },
  comingSoonNote: {
    en: "The notebook is young: areas marked “coming soon” describe what they will hold.",
    zh: "这个笔记本还很新：标有“即将推出”的部分介绍了它们将来的内容。",
  },
  comingSoon: { en: "Coming soon", zh: "即将推出" },
  howItWorks: { en: "How it works", zh: "工作原理" },
  howPickTitle: { en: "Pick a task and a cell.", zh: "选择任务和单元。" },
  howPickBody: {
    en: "A sine wave to continue, a text to imitate, or a sequence whose gradients you want to follow.",
    zh: "续写一条正弦波、模仿一段文本，或者追踪一个序列的梯度。",
  },
  howTrainTitle: { en: "Train it here.", zh: "就在这里训练。" },
  howTrainBody: {
    en: "A background worker runs backpropagation through time while the page stays responsive; pause, step and change settings at any moment.",
    zh: "后台 worker 执行随时间反向传播（BPTT），页面始终保持流畅；你可以随时暂停、单步执行或修改设置。",
  },
  howLookTitle: { en: "Look inside.", zh: "看看内部。" },
  howLookBody: {
    en: "Loss curves, hidden states over time, gate activations and gradient norms update as the network learns, each with a text description and a data table.",
    zh: "损失曲线、随时间变化的隐藏状态、门激活值和梯度范数会随着网络的学习实时更新，每张图都附有文字说明和数据表。",
  },

  // Placeholder and error pages
  whatItWillHold: { en: "What it will hold", zh: "将会包含的内容" },
  backHome: { en: "Back to the home page", zh: "返回首页" },
  notFoundBefore: { en: "There is no page at", zh: "不存在地址为" },
  notFoundAfter: { en: ". The link may be mistyped, or the page may have moved.", zh: "的页面。链接可能输错了，或者页面已被移动。" },
  goHome: { en: "Go to the home page", zh: "返回首页" },
  pageFailed: { en: "This page could not be shown", zh: "无法显示此页面" },
  pageFailedWhy: { en: "Something went wrong while loading or drawing it:", zh: "加载或绘制页面时出错：" },
  pageFailedReload: {
    en: "Reload the page to try again. If the notebook was just updated, the reload also fetches the new version. Or",
    zh: "请重新加载页面再试一次。如果笔记本刚刚更新过，重新加载也会获取新版本。或者",
  },
  pageFailedHome: { en: "go to the home page", zh: "返回首页" },
  fullStop: { en: ".", zh: "。" },

  // Page introductions
  sineLead: {
    en: "Train a real recurrent network to predict a wave a few steps ahead, and watch it learn: its predictions, its loss, its hidden state and the gradients flowing back through time.",
    zh: "训练一个真正的循环网络，提前几步预测一条波形，并观察它学习的过程：它的预测、损失、隐藏状态，以及随时间反向流动的梯度。",
  },
  linkKeepsSettings: {
    en: "Training runs in the background of this page. Every setting is kept in the link, so copying the address shares this exact run (all but a series you pasted or uploaded: that stays in this browser).",
    zh: "训练在本页面的后台运行。所有设置都保存在链接中，复制地址即可分享这一次完全相同的运行（你粘贴或上传的序列除外：它只保存在这个浏览器中）。",
  },
  charsLead: {
    en: "Train a character-level language model on a text, watch it learn to write, and look for the neurons that track quotes, line ends or spaces.",
    zh: "在一段文本上训练字符级语言模型，看它学会写作，并寻找追踪引号、行尾或空格的神经元。",
  },
  charsNote: {
    en: "Training runs in the background of this page, in your browser. The model reads one character at a time and learns to predict the next; its loss is in bits per character.",
    zh: "训练在本页面的后台、在你的浏览器中进行。模型每次读入一个字符，学习预测下一个字符；它的损失以“比特/字符”为单位。",
  },
} as const satisfies Dict;
