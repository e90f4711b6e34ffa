// src/app/pages/LessonPage.tsx: placeholder for a single lesson (#/lessons/<slug>) until lessons exist.
import type { PageProps } from "../routes";

export function LessonPage({ params }: PageProps) {
  return (
    <article className="page">
      <h1>Lesson not written yet</h1>
      <p className="tag">Coming soon</p>
      <p>
        There is no lesson called <code>{params.slug}</code> yet: the lessons are still being written. Each one
        will mix prose, equations and live widgets you can train as you read.
      </p>
      <p>
        <a href="#/lessons">See the planned lessons</a>
      </p>
    </article>
  );
}
