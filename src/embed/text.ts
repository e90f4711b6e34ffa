// src/embed/text.ts: the sentences of the embedding feature made outside React (page titles, problems of an embed URL,
// refusals of locked settings, the snippet's comment). What the components show is in src/i18n/embed.ts, in both languages.

export const EMBED_TEXT = {
  // Stores
  lockedRefusal: (label: string, value: string) => `${label} is set by your course (locked) at ${value}; it cannot be changed here.`,
  lockedRemedy: (labels: string) => `This remedy would change ${labels}, which your course has locked. Reset, or ask your teacher.`,

  // Page titles
  guideTitle: "Embedding a widget in your course",
  lessonBlockTitle: (slug: string, block: string) => `Lesson block: ${slug} / ${block}`,

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

  // The snippet itself (comments inside the pasted HTML)
  scriptComment: "RNN Notebook: sets each widget frame's height to the height it reports.",
} as const;

/** How a setting's value reads in a sentence: booleans as on/off, the rest as written in a link. */
export function formatSettingValue(value: unknown): string {
  if (value === true) return "on";
  if (value === false) return "off";
  return String(value);
}
