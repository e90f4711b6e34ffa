// src/embed/text.ts: every sentence the embedding feature shows, in one object, so it can be translated in one place.

export const EMBED_TEXT = {
  // Controls and stores
  lockedNote: "Set by your course (locked)",
  lockedRefusal: (label: string, value: string) => `${label} is set by your course (locked) at ${value}; it cannot be changed here.`,
  lockedRemedy: (labels: string) => `This remedy would change ${labels}, which your course has locked. Reset, or ask your teacher.`,

  // The character lab, when it keeps nothing across visits because a course set it up
  courseLabNoStorage:
    "This lab was set up by your course (embedded, or with locked settings), so it keeps nothing after a reload, and " +
    "does not replace the lab saved in this browser: use Save model to keep a model.",

  // Page titles
  guideTitle: "Embedding a widget in your course",
  lessonBlockTitle: (slug: string, block: string) => `Lesson block: ${slug} / ${block}`,

  // Links to the authors' guide (#/embed) from the site's footer and the home page
  footerLink: "For teachers: embed these widgets in your course",
  homeTitle: "Teaching with the notebook",
  homeText:
    "Every widget can be embedded in a course page (Canvas, Moodle, any site) with its settings preset, some of " +
    "them locked, and only the charts you choose.",
  homeLink: "Embedding a widget in your course",

  // The frame around an embedded widget
  openFull: "Open in RNN Notebook",
  openFullHint: "(new tab)",
  badEmbedTitle: "This embedded widget cannot be shown",
  badEmbedFix: "Fix the address (src) of the iframe on the course page. The guide for course authors lists every setting and panel:",
  guideLinkText: "Embedding a widget in your course",
  lockedEditNotesIntro: "The link tried to change settings your course has locked; they keep their values:",

  // Problems with an embed URL (each one sentence: what was wrong, what is allowed)
  notAWidget: (path: string, widgets: string) =>
    `There is no embeddable widget at "#${path}". The widgets that can be embedded are: ${widgets}.`,
  badEmbedValue: (raw: string) => `embed=${raw} is not understood: use embed=1 to show the widget alone.`,
  badFrameId: (raw: string) =>
    `frameId=${raw} is not allowed: use up to 64 letters, digits, "-", "_", "." or ":" (for example frameId=week3-sine).`,
  unknownLock: (name: string, widget: string, keys: string) =>
    `lock=${name}: "${name}" is not a setting of the ${widget}. Its settings are: ${keys}.`,
  noLockable: (widget: string) => `lock=…: the ${widget} has no settings to lock.`,
  badLockedValue: (name: string, error: string) => `lock=${name}: the value to lock is not valid. ${error}`,
  conflictingLock: (name: string, value: string, warning: string) =>
    `lock=${name}: ${name}=${value} cannot be locked, because the link's settings contradict each other: ${warning}`,
  emptyPanels: (ids: string) => `panels= names no panel, so nothing would be shown. Name at least one of: ${ids}.`,
  unknownPanel: (name: string, widget: string, ids: string) =>
    `panels=${name}: the ${widget} has no panel "${name}". Its panels are: ${ids}.`,
  noPanels: (widget: string) => `panels=…: the ${widget} has no panels to choose from; remove panels= from the link.`,
  lockedEditIgnored: (label: string, raw: string, kept: string) =>
    `${label}: the link asks for ${raw}, but it is set by your course (locked) at ${kept}.`,

  // The Embed and Copy link buttons
  shareLabel: "Share",
  embedButton: "Embed",
  copyLinkButton: "Copy link",
  linkCopied: "Link copied: it opens this widget with its current settings.",
  linkSelected: "Your browser did not let the page copy. The link is selected below: press Ctrl+C (⌘C on a Mac) to copy it.",
  linkLabel: "Link to this widget with its current settings",

  // The Embed dialog
  dialogTitle: (widget: string) => `Embed the ${widget}`,
  dialogIntro:
    "Paste this into a course page (any page that accepts HTML: Canvas, Moodle, a static site). The widget opens " +
    "with the current settings and resizes its frame to fit.",
  locksLegend: "Lock settings (learners see them but cannot change them)",
  lockAll: "Lock all",
  lockNone: "Lock none",
  lockChoice: (label: string, value: string) => `${label} (${value})`,
  panelsLegend: "Panels to show",
  panelsNeedOne: "Choose at least one panel: a frame with no panels would show only the controls.",
  frameIdLabel: "Frame id (optional)",
  frameIdHint: "Sent back with every resize message, to tell several frames on one page apart.",
  includeScript: "Include the resize script (leave it out if the page already has it, or if it does not allow scripts)",
  snippetLabel: "HTML to paste",
  copySnippet: "Copy HTML",
  snippetCopied: "Copied. Paste it into your course page.",
  snippetSelected: "Your browser did not let the page copy. The HTML is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
  close: "Close",
  guideMore: "More for course authors:",

  // The snippet itself (comments inside the pasted HTML)
  scriptComment: "RNN Notebook: sets each widget frame's height to the height it reports.",
} as const;

/** How a setting's value reads in a sentence: booleans as on/off, the rest as written in a link. */
export function formatSettingValue(value: unknown): string {
  if (value === true) return "on";
  if (value === false) return "off";
  return String(value);
}

/** The page of one lesson block (#/embed/lesson/<lesson>/<block>). */
export const LESSON_BLOCK_TEXT = {
  heading: (lesson: string, block: string) => `${lesson}: block “${block}”`,
  intro: "One live block of a lesson, on its own, ready to embed in a course page.",
  backToLesson: "Back to the whole lesson",
  loading: "Loading the lesson block…",
  problemTitle: "This lesson block cannot be shown",
  none: "none",
  noLesson: (slug: string) => `There is no lesson "${slug}". The address must be #/embed/lesson/<lesson>/<block>, with a lesson from the list of lessons.`,
  noSource: (slug: string, lang: string) => `The lesson "${slug}" has no text in the language "${lang}" yet.`,
  noBlock: (slug: string, block: string, ids: string) =>
    `The lesson "${slug}" has no block "${block}". Its blocks are: ${ids}. A block is named after its widget, with -2, -3 … for a widget that occurs more than once.`,
} as const;
