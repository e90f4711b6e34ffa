// src/app/pages/LessonsPage.tsx: the lesson index (#/lessons), in English or Chinese.
import { LessonIndex } from "../../lessons/LessonView";

export function LessonsPage() {
  return <LessonIndex />;
}
