// src/lessons/LangContext.tsx: the language a lesson is shown in, for its widgets' labels.
import { createContext, useContext } from "react";
import type { Lang } from "./i18n";
import { STRINGS, type Strings } from "./strings";

export const LessonLangContext = createContext<Lang>("en");

export function useLessonLang(): Lang {
  return useContext(LessonLangContext);
}

export function useStrings(): Strings {
  return STRINGS[useContext(LessonLangContext)];
}
