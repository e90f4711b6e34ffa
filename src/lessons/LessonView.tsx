// src/lessons/LessonView.tsx: one lesson: its title, the MDX body in the chosen language, and links to its neighbours.
import { lazy, Suspense, useEffect, useRef, type LazyExoticComponent } from "react";
import "katex/dist/katex.min.css";
import "./lessons.css";
import { findLesson, LESSONS, loadLesson, type LessonContent } from "./catalog";
import { LANG_TAG, LANGS, langFromHash, rememberLang, useLang, type Lang } from "./i18n";
import { LessonLangContext } from "./LangContext";
import { LanguageSwitch } from "./LanguageSwitch";
import { MDX_COMPONENTS } from "./mdxComponents";
import { useScrollCues } from "./scrollCue";
import { STRINGS } from "./strings";

/** One code-split component per lesson and language, made once at start-up; each loads its MDX when first shown. */
const CONTENT: Readonly<Partial<Record<string, LazyExoticComponent<LessonContent>>>> = Object.fromEntries(
  LESSONS.flatMap((l) => LANGS.map((lang) => [`${lang}/${l.slug}`, lazy(() => loadLesson(l.slug, lang))] as const)),
);

/** The lesson's MDX body; suspends while its chunk loads. */
function LessonBody({ slug, lang }: { slug: string; lang: Lang }) {
  const Content = CONTENT[`${lang}/${slug}`];
  if (!Content) throw new Error(`There is no lesson "${slug}" in ${lang}.`);
  return <Content components={MDX_COMPONENTS} />;
}

/** A ?lang= link becomes the remembered choice, so the next lesson opened stays in that language. */
export function useRememberUrlLang(): void {
  useEffect(() => {
    const fromUrl = langFromHash(window.location.hash);
    if (fromUrl) rememberLang(fromUrl);
  }, []);
}

export function LessonView({ slug }: { slug: string }) {
  const lang = useLang();
  useRememberUrlLang();
  const s = STRINGS[lang];
  const bodyRef = useRef<HTMLDivElement>(null);
  useScrollCues(bodyRef, s.scrollCue);
  const found = findLesson(slug);
  if (!found) {
    return (
      <article className="page lesson" lang={LANG_TAG[lang]}>
        <LanguageSwitch lang={lang} />
        <h1>{s.lessonNotFound}</h1>
        <p>{s.lessonNotFoundBody(slug)}</p>
        <p>
          <a href="#/lessons">{s.allLessons}</a>
        </p>
      </article>
    );
  }
  const { lesson, index } = found;
  const prev = index > 0 ? LESSONS[index - 1] : null;
  const next = index < LESSONS.length - 1 ? LESSONS[index + 1] : null;
  return (
    <LessonLangContext.Provider value={lang}>
      <article className="lesson" lang={LANG_TAG[lang]}>
        <div className="lesson-bar">
          <a href="#/lessons">← {s.allLessons}</a>
          <LanguageSwitch lang={lang} />
        </div>
        <p className="lesson-kicker">{s.lessonNumber(index + 1)}</p>
        <h1>{lesson.title[lang]}</h1>
        <div className="lesson-body" ref={bodyRef}>
          <Suspense fallback={<p role="status">{s.loadingLesson}</p>}>
            <LessonBody slug={slug} lang={lang} />
          </Suspense>
        </div>
        <nav className="lesson-pager" aria-label={`${s.previousLesson} / ${s.nextLesson}`}>
          {prev ? (
            <a href={`#/lessons/${prev.slug}`} rel="prev">
              ← {s.previousLesson}: {prev.title[lang]}
            </a>
          ) : (
            <span />
          )}
          {next && (
            <a href={`#/lessons/${next.slug}`} rel="next">
              {s.nextLesson}: {next.title[lang]} →
            </a>
          )}
        </nav>
      </article>
    </LessonLangContext.Provider>
  );
}

export function LessonIndex() {
  const lang = useLang();
  useRememberUrlLang();
  const s = STRINGS[lang];
  return (
    <article className="lesson lesson-index" lang={LANG_TAG[lang]}>
      <div className="lesson-bar">
        <span />
        <LanguageSwitch lang={lang} />
      </div>
      <h1>{s.lessonsTitle}</h1>
      <p className="lead">{s.lessonsIntro}</p>
      <ol className="lesson-list">
        {LESSONS.map((l) => (
          <li key={l.slug}>
            <a href={`#/lessons/${l.slug}`}>{l.title[lang]}</a>
            <p>{l.summary[lang]}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
