// src/app/pages/LessonBlockPage.tsx: one live block of a lesson on its own (#/embed/lesson/<lesson>/<block>), for embedding.
import { Suspense, use, type ReactNode } from "react";
import type { MDXProps } from "mdx/types";
import "katex/dist/katex.min.css";
import "../../lessons/lessons.css";
import type { PageProps } from "../routes";
import { findLesson, hasLessonSource, loadLesson, type LessonContent } from "../../lessons/catalog";
import { LANG_TAG, useLang, type Lang } from "../../lessons/i18n";
import { LessonLangContext } from "../../lessons/LangContext";
import { MDX_COMPONENTS } from "../../lessons/mdxComponents";
import { useEmbed } from "../../embed/EmbedContext";
import { findBlock, lessonBlocks } from "../../embed/LessonBlock";
import { ShareBar } from "../../embed/ShareBar";
import { useT } from "../../i18n";
import { LESSON_BLOCK } from "../../i18n/embed";

/** One load per lesson and language: use() needs the same promise on every render. */
const modules = new Map<string, Promise<{ default: LessonContent }>>();

function lessonModule(slug: string, lang: Lang): Promise<{ default: LessonContent }> {
  const key = `${lang}/${slug}`;
  let found = modules.get(key);
  if (!found) {
    found = loadLesson(slug, lang);
    modules.set(key, found);
  }
  return found;
}

export function LessonBlockPage({ params }: PageProps) {
  const lang = useLang();
  const t = useT(LESSON_BLOCK);
  const { isEmbed } = useEmbed();
  const { slug, block } = params;
  const found = findLesson(slug);
  let body: ReactNode;
  if (!found) {
    body = <BlockProblem>{t("noLesson", { slug })}</BlockProblem>;
  } else if (!hasLessonSource(slug, lang)) {
    body = <BlockProblem>{t("noSource", { slug, lang })}</BlockProblem>;
  } else {
    body = (
      <Suspense fallback={<p role="status">{t("loading")}</p>}>
        <Block slug={slug} lang={lang} blockId={block} />
      </Suspense>
    );
  }
  return (
    <LessonLangContext.Provider value={lang}>
      <article className="lesson lesson-block" lang={LANG_TAG[lang]}>
        {!isEmbed && (
          <>
            <h1>{t("heading", { lesson: found ? found.lesson.title[lang] : slug, block })}</h1>
            <p className="note">
              {t("intro")} <a href={`#/lessons/${slug}`}>{t("backToLesson")}</a>
            </p>
            <ShareBar widgetId="lesson-block" />
          </>
        )}
        <div className="lesson-body">{body}</div>
      </article>
    </LessonLangContext.Provider>
  );
}

function Block({ slug, lang, blockId }: { slug: string; lang: Lang; blockId: string }) {
  const t = useT(LESSON_BLOCK);
  const { default: Content } = use(lessonModule(slug, lang));
  // MDX compiles a lesson to a plain function of its props that returns the body's elements and uses no hooks
  // (no MDX provider is configured), so calling it gives the element tree to pick the block from.
  const tree = (Content as (props: MDXProps) => ReactNode)({ components: MDX_COMPONENTS });
  const blocks = lessonBlocks(tree, MDX_COMPONENTS.Widget);
  const chosen = findBlock(blocks, blockId);
  if (!chosen) return <BlockProblem>{t("noBlock", { slug, block: blockId, ids: blocks.map((b) => b.id).join(", ") || t("none") })}</BlockProblem>;
  return chosen.element;
}

function BlockProblem({ children }: { children: ReactNode }) {
  const t = useT(LESSON_BLOCK);
  return (
    <div role="alert" className="embed-problems">
      <h2>{t("problemTitle")}</h2>
      <p>{children}</p>
    </div>
  );
}
