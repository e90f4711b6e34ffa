// src/i18n/classifyLink.ts: the one sentence the classification lab's link reader needs. Kept apart from the lab's
// dictionary because the link reader is part of the app shell's first load (the embed registry reads every link).
import type { Dict } from "./index";

export const CLASSIFY_LINK = {
  ownNotInLink: { en: "Your own lines are not part of a link: the lab opened on the names.", zh: "你自己的行不会保存在链接中：实验室打开了名字数据集。" },
} as const satisfies Dict;
