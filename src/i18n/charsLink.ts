// src/i18n/charsLink.ts: the words of the character lab's settings checks and link reader. Kept apart from the widget's
// dictionary because they are part of the app shell's first load (the embed registry reads every widget's link).
import type { Dict } from "./index";

export const CHARS_LINK = {
  customNotInLink: {
    en: "corpus=custom: your own text is not part of a link; using the default text.",
    zh: "corpus=custom：你自己的文本不包含在链接中，改用默认文本。",
  },
} as const satisfies Dict;
