// src/i18n/embed.ts: the words of the embedding feature (frame, Share bar, Embed dialog, lesson blocks, the authors' guide).
// Code samples (the iframe snippet, message JSON) and the problems of an embed URL (src/embed/text.ts) stay in English.
import type { Dict } from "./index";

export const EMBED = {
  lockedNote: { en: "Set by your course (locked)", zh: "由你的课程设定（已锁定）" },
  courseLabNoStorage: {
    en:
      "This lab was set up by your course (embedded, or with locked settings), so it keeps nothing after a reload, and " +
      "does not replace the lab saved in this browser: use Save model to keep a model.",
    zh: "此实验室由你的课程设置（嵌入或带有锁定的设置），所以重新加载后不会保留任何内容，也不会替换此浏览器中保存的实验室：请使用“保存模型”来保留模型。",
  },
  footerLink: { en: "For teachers: embed these widgets in your course", zh: "面向教师：将这些组件嵌入你的课程" },
  homeTitle: { en: "Teaching with the notebook", zh: "用本笔记本教学" },
  homeText: {
    en:
      "Every widget can be embedded in a course page (Canvas, Moodle, any site) with its settings preset, some of " +
      "them locked, and only the charts you choose.",
    zh: "每个组件都可以嵌入课程页面（Canvas、Moodle 或任何网站），预设好参数、锁定其中一部分，并只显示你选择的图表。",
  },
  homeLink: { en: "Embedding a widget in your course", zh: "在课程中嵌入组件" },
  openFull: { en: "Open in RNN Notebook", zh: "在 RNN Notebook 中打开" },
  openFullHint: { en: "(new tab)", zh: "（新标签页）" },
  badEmbedTitle: { en: "This embedded widget cannot be shown", zh: "无法显示此嵌入组件" },
  badEmbedFix: {
    en: "Fix the address (src) of the iframe on the course page. The guide for course authors lists every setting and panel:",
    zh: "请修改课程页面上 iframe 的地址（src）。课程作者指南列出了所有参数和面板：",
  },
  guideLinkText: { en: "Embedding a widget in your course", zh: "在课程中嵌入组件" },
  lockedEditNotesIntro: {
    en: "The link tried to change settings your course has locked; they keep their values:",
    zh: "链接试图修改课程已锁定的参数；这些参数保持原值：",
  },
  badFrameId: {
    en: 'frameId={raw} is not allowed: use up to 64 letters, digits, "-", "_", "." or ":" (for example frameId=week3-sine).',
    zh: "不允许 frameId={raw}：最多使用 64 个字母、数字、“-”、“_”、“.” 或 “:”（例如 frameId=week3-sine）。",
  },
  shareLabel: { en: "Share", zh: "分享" },
  embedButton: { en: "Embed", zh: "嵌入" },
  copyLinkButton: { en: "Copy link", zh: "复制链接" },
  linkCopied: { en: "Link copied: it opens this widget with its current settings.", zh: "链接已复制：它会以当前参数打开此组件。" },
  linkSelected: {
    en: "Your browser did not let the page copy. The link is selected below: press Ctrl+C (⌘C on a Mac) to copy it.",
    zh: "浏览器不允许页面复制。链接已在下方选中：按 Ctrl+C（Mac 上为 ⌘C）复制。",
  },
  linkLabel: { en: "Link to this widget with its current settings", zh: "带有当前参数的此组件链接" },
  dialogTitle: { en: "Embed the {widget}", zh: "嵌入{widget}" },
  dialogIntro: {
    en:
      "Paste this into a course page (any page that accepts HTML: Canvas, Moodle, a static site). The widget opens " +
      "with the current settings and resizes its frame to fit.",
    zh: "将以下内容粘贴到课程页面（任何接受 HTML 的页面：Canvas、Moodle、静态网站）。组件会以当前参数打开，并自动调整框架大小以适应内容。",
  },
  locksLegend: { en: "Lock settings (learners see them but cannot change them)", zh: "锁定参数（学习者能看到但无法修改）" },
  lockAll: { en: "Lock all", zh: "全部锁定" },
  lockNone: { en: "Lock none", zh: "全不锁定" },
  lockChoice: { en: "{label} ({value})", zh: "{label}（{value}）" },
  panelsLegend: { en: "Panels to show", zh: "要显示的面板" },
  panelsNeedOne: {
    en: "Choose at least one panel: a frame with no panels would show only the controls.",
    zh: "请至少选择一个面板：没有面板的框架只会显示控件。",
  },
  frameIdLabel: { en: "Frame id (optional)", zh: "框架 id（可选）" },
  frameIdHint: {
    en: "Sent back with every resize message, to tell several frames on one page apart.",
    zh: "随每条尺寸调整消息一起发回，用于区分同一页面上的多个框架。",
  },
  includeScript: {
    en: "Include the resize script (leave it out if the page already has it, or if it does not allow scripts)",
    zh: "包含尺寸调整脚本（如果页面已有该脚本或不允许脚本，请不要包含）",
  },
  snippetLabel: { en: "HTML to paste", zh: "要粘贴的 HTML" },
  copySnippet: { en: "Copy HTML", zh: "复制 HTML" },
  snippetCopied: { en: "Copied. Paste it into your course page.", zh: "已复制。请将其粘贴到课程页面中。" },
  snippetSelected: {
    en: "Your browser did not let the page copy. The HTML is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
    zh: "浏览器不允许页面复制。HTML 已选中：按 Ctrl+C（Mac 上为 ⌘C）复制。",
  },
  close: { en: "Close", zh: "关闭" },
  guideMore: { en: "More for course authors:", zh: "课程作者的更多信息：" },
  settingOn: { en: "on", zh: "开" },
  settingOff: { en: "off", zh: "关" },
} as const satisfies Dict;

/** The page of one lesson block (#/embed/lesson/<lesson>/<block>). */
export const LESSON_BLOCK = {
  heading: { en: "{lesson}: block “{block}”", zh: "{lesson}：区块“{block}”" },
  intro: {
    en: "One live block of a lesson, on its own, ready to embed in a course page.",
    zh: "课程中的一个交互区块，单独显示，可直接嵌入课程页面。",
  },
  backToLesson: { en: "Back to the whole lesson", zh: "返回完整课程" },
  loading: { en: "Loading the lesson block…", zh: "正在加载课程区块…" },
  problemTitle: { en: "This lesson block cannot be shown", zh: "无法显示此课程区块" },
  none: { en: "none", zh: "无" },
  noLesson: {
    en: 'There is no lesson "{slug}". The address must be #/embed/lesson/<lesson>/<block>, with a lesson from the list of lessons.',
    zh: "没有课程“{slug}”。地址必须是 #/embed/lesson/<lesson>/<block>，其中 lesson 取自课程列表。",
  },
  noSource: { en: 'The lesson "{slug}" has no text in the language "{lang}" yet.', zh: "课程“{slug}”还没有语言“{lang}”的文本。" },
  noBlock: {
    en: 'The lesson "{slug}" has no block "{block}". Its blocks are: {ids}. A block is named after its widget, with -2, -3 … for a widget that occurs more than once.',
    zh: "课程“{slug}”中没有区块“{block}”。它的区块有：{ids}。区块以其组件命名；同一组件出现多次时加上 -2、-3 …。",
  },
} as const satisfies Dict;

/** The guide for course authors (#/embed). */
export const EMBED_GUIDE = {
  title: { en: "Embedding a widget in your course", zh: "在课程中嵌入组件" },
  lead: {
    en:
      "Every widget of the notebook can sit inside your own course page (Canvas, Moodle, a static site) as an " +
      "iframe: with the settings you chose, some of them locked so learners see but cannot change them, and only " +
      "the charts you want. The frame sizes itself to its content, so it needs no fixed height.",
    zh: "本笔记本的每个组件都可以作为 iframe 放进你自己的课程页面（Canvas、Moodle、静态网站）：使用你选定的参数，其中一部分可以锁定，让学习者能看到但无法修改，并且只显示你想要的图表。框架会根据内容自动调整大小，因此不需要固定高度。",
  },
  privacy: {
    en:
      "Training runs in each learner's browser, inside the frame: nothing they type or train is sent anywhere, " +
      "and the notebook sets no cookies.",
    zh: "训练在每位学习者的浏览器中、在框架内运行：他们输入或训练的任何内容都不会被发送到任何地方，本笔记本也不设置 Cookie。",
  },
  quickTitle: { en: "Quick start", zh: "快速上手" },
  quick1: {
    en: "Open a widget (the sine playground, the gradient visualizer or the character lab) and set it up.",
    zh: "打开一个组件（正弦练习场、梯度可视化工具或字符实验室）并设置好参数。",
  },
  quick2: {
    en: "Press Embed above the widget. Tick the settings to lock and the panels to show, then Copy HTML.",
    zh: "点击组件上方的“嵌入”。勾选要锁定的参数和要显示的面板，然后点击“复制 HTML”。",
  },
  quick3: {
    en:
      "Paste the HTML into your course page, in its HTML (source) view. The script below the iframe is needed " +
      "once per page, however many widgets it holds.",
    zh: "在课程页面的 HTML（源代码）视图中粘贴这段 HTML。iframe 下方的脚本每个页面只需一份，无论页面包含多少个组件。",
  },
  exampleTitle: { en: "A live example", zh: "实时示例" },
  exampleText: {
    en:
      "This is the sine playground embedded in this page, as your course page would show it: the learning rate is " +
      "locked, and only the prediction and loss charts are shown. Press Train inside it.",
    zh: "这是嵌入在本页面中的正弦练习场，与你的课程页面中显示的效果相同：学习率已锁定，只显示预测图和损失图。请点击其中的“训练”。",
  },
  exampleFrameTitle: { en: "Sine playground (embedded example) · RNN Notebook", zh: "正弦练习场（嵌入示例）· RNN Notebook" },
  exampleHeightNone: { en: "The frame has not reported its height yet.", zh: "框架尚未报告其高度。" },
  exampleHeight: { en: "The frame last reported a height of {h} px.", zh: "框架最近报告的高度为 {h} px。" },
  exampleCourse: {
    en: "A complete example course page, with two embedded widgets and nothing but plain HTML:",
    zh: "一个完整的示例课程页面，包含两个嵌入组件，只用纯 HTML：",
  },
  paramsTitle: { en: "What the link can say", zh: "链接可以包含哪些参数" },
  paramsText: {
    en:
      "An embed link is the widget's own address with a few more parameters after the “?”. The widget's settings " +
      "(listed for each widget below) preset its controls, as in any link to the notebook.",
    zh: "嵌入链接就是组件自身的地址，在“?”之后再加几个参数。组件的参数（下文按组件列出）会预设其控件，与指向本笔记本的任何链接一样。",
  },
  paramEmbed: {
    en: "shows the widget alone: no site header or footer, the full width of the frame, no page margins.",
    zh: "只显示组件本身：没有网站页眉和页脚，占满框架宽度，没有页边距。",
  },
  paramLock: {
    en:
      "locks these settings (comma-separated keys) at the values in the link, or at their defaults. Learners see " +
      "them, disabled, with the note “Set by your course (locked)”; no control, key or one-click remedy changes " +
      "them, and editing the frame's address cannot lift a lock while it is open.",
    zh: "将这些参数（以逗号分隔的键）锁定为链接中的值，或锁定为默认值。学习者能看到这些参数，但它们处于禁用状态，并附有说明“由你的课程设定（已锁定）”；任何控件、按键或一键修复都无法修改它们，在框架打开期间修改其地址也无法解除锁定。",
  },
  paramPanels: {
    en: "shows only these chart panels (comma-separated ids, listed below); without it, every panel shows.",
    zh: "只显示这些图表面板（以逗号分隔的 id，见下文）；不设置时显示所有面板。",
  },
  paramFrameId: {
    en: "an id of your choice (up to 64 letters, digits, “-”, “_”, “.”, “:”) sent back with every resize message, to tell frames apart.",
    zh: "你自选的 id（最多 64 个字母、数字、“-”、“_”、“.”、“:”），随每条尺寸调整消息一起发回，用于区分不同的框架。",
  },
  badTitle: { en: "When a link is wrong", zh: "链接有误时" },
  badText: {
    en:
      "A link the widget cannot honour (an unknown widget, a lock or panel name the widget does not have, a locked " +
      "value that is out of range or contradicts another setting, or panels= naming nothing) shows a message " +
      "inside the frame saying what is wrong and what is allowed, instead of a widget that ignores part of your " +
      "set-up. The frame still reports its height. Settings that are not locked and out of range are replaced by " +
      "their defaults, with a note above the widget.",
    zh: "如果组件无法遵循链接（未知的组件、组件没有的锁定名或面板名、超出范围或与其他参数矛盾的锁定值，或 panels= 没有指定任何面板），框架内会显示一条消息，说明哪里有误以及允许哪些值，而不是显示一个忽略部分设置的组件。框架仍会报告其高度。未锁定且超出范围的参数会被替换为默认值，并在组件上方给出说明。",
  },
  widgetsTitle: { en: "The widgets, their settings and panels", zh: "组件及其参数和面板" },
  route: { en: "Address:", zh: "地址：" },
  settingsCaption: { en: "Settings of the {name} (keys for the link and for lock=)", zh: "{name}的参数（用于链接和 lock= 的键）" },
  panelsCaption: { en: "Panels of the {name} (ids for panels=)", zh: "{name}的面板（用于 panels= 的 id）" },
  colKey: { en: "Key", zh: "键" },
  colSetting: { en: "Setting", zh: "参数" },
  colValues: { en: "Allowed values", zh: "允许的值" },
  colDefault: { en: "Default", zh: "默认值" },
  colId: { en: "Id", zh: "Id" },
  colPanel: { en: "What it shows", zh: "显示内容" },
  valuesBool: { en: "1 (on) or 0 (off)", zh: "1（开）或 0（关）" },
  valuesEnum: { en: "one of {options}", zh: "{options} 之一" },
  valuesInt: { en: "a whole number from {min} to {max}", zh: "{min} 到 {max} 之间的整数" },
  valuesAbove: { en: "a number above {min}, up to {max}", zh: "大于 {min} 且不超过 {max} 的数" },
  valuesRange: { en: "a number from {min} to {max}", zh: "{min} 到 {max} 之间的数" },
  lessonTitle: { en: "A block of a lesson", zh: "课程中的一个区块" },
  lessonText: {
    en:
      "Each live widget in a lesson can be embedded on its own at #/embed/lesson/<lesson>/<block>. A block is named " +
      "after its widget (predict, grad-check, …); a widget that occurs more than once in a lesson is numbered " +
      "(train-compare-1, train-compare-2, …). A wrong name shows the lesson's list of blocks. Lesson blocks have " +
      "no settings to lock or panels to choose; ?lang=zh shows one in Chinese.",
    zh: "课程中的每个交互组件都可以通过 #/embed/lesson/<lesson>/<block> 单独嵌入。区块以其组件命名（predict、grad-check 等）；同一组件在课程中出现多次时会编号（train-compare-1、train-compare-2 等）。名称有误时会显示该课程的区块列表。课程区块没有可锁定的参数，也没有可选择的面板；加上 ?lang=zh 即以中文显示。",
  },
  lessonExample: { en: "For example:", zh: "例如：" },
  messagesTitle: { en: "Messages between the frame and your page", zh: "框架与页面之间的消息" },
  messagesText: {
    en:
      "Whenever its content changes height, and once when it starts, the frame posts two messages to the page " +
      "around it (window.parent). The first is the notebook's own:",
    zh: "每当内容高度变化时，以及启动时一次，框架都会向其外层页面（window.parent）发送两条消息。第一条是本笔记本自己的格式：",
  },
  messageFields: {
    en:
      "height is in CSS pixels; widget is sine, gradients, chars, lesson-block:<lesson>/<block>, or null when the " +
      "link names no widget; id is the link's frameId, or null. version is 1, and changes only if the fields do.",
    zh: "height 以 CSS 像素为单位；widget 为 sine、gradients、chars、lesson-block:<lesson>/<block>，链接未指定组件时为 null；id 为链接中的 frameId，或 null。version 为 1，仅在字段变化时才会改变。",
  },
  canvasText: {
    en:
      "The second is the message Canvas LMS (and Sakai) listen for to resize an embedded tool, as a JSON string, " +
      "the form every Canvas version accepts:",
    zh: "第二条是 Canvas LMS（以及 Sakai）用来调整嵌入工具大小的消息，以 JSON 字符串形式发送，所有 Canvas 版本都接受这种格式：",
  },
  requestText: {
    en:
      "Your page can ask for the height at any time (for example when its listener starts after the frame) by " +
      "posting this to the frame's contentWindow; the frame answers with both messages:",
    zh: "你的页面可以随时向框架的 contentWindow 发送以下消息来询问高度（例如监听器在框架之后才启动时）；框架会以上述两条消息作答：",
  },
  securityText: {
    en:
      "The frame accepts only that exact message, and only from its own parent window; anything else is ignored. " +
      "Nothing from a link or a message is ever run as code or shown as HTML: parameters are checked against " +
      "the lists on this page and used only as values.",
    zh: "框架只接受这条完全一致的消息，并且只接受来自其父窗口的消息；其他一切都会被忽略。链接或消息中的任何内容都不会作为代码运行或作为 HTML 显示：参数会对照本页列出的清单进行检查，且只作为值使用。",
  },
  listenerTitle: { en: "The resize listener", zh: "尺寸调整监听器" },
  listenerText: {
    en:
      "This is the script the Embed dialog adds. It sets the height of the iframe a message came from, and only " +
      "after checking the message's origin (the notebook's address) and form:",
    zh: "这是“嵌入”对话框添加的脚本。它会设置发出消息的 iframe 的高度，但只在检查过消息的来源（本笔记本的地址）和格式之后：",
  },
  lmsTitle: { en: "In Canvas, Moodle and other platforms", zh: "在 Canvas、Moodle 和其他平台中" },
  lmsCanvas: {
    en:
      "Canvas removes scripts from pages, but listens for lti.frameResize itself: paste only the iframe. If the " +
      "frame does not grow in your Canvas, give it a fixed height in the style attribute (for example height: 900px).",
    zh: "Canvas 会删除页面中的脚本，但它自己会监听 lti.frameResize：只需粘贴 iframe。如果框架在你的 Canvas 中没有变高，请在 style 属性中给它一个固定高度（例如 height: 900px）。",
  },
  lmsMoodle: {
    en: "Moodle keeps scripts only where the site allows trusted content; otherwise paste the iframe with a fixed height.",
    zh: "Moodle 只在网站允许受信任内容的地方保留脚本；否则请粘贴带有固定高度的 iframe。",
  },
  lmsStatic: { en: "On your own site, paste the iframe and the script as they are.", zh: "在你自己的网站上，按原样粘贴 iframe 和脚本。" },
} as const satisfies Dict;
