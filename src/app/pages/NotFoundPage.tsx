// src/app/pages/NotFoundPage.tsx: shown for a hash path that matches no route.
import { useT } from "../../i18n";
import { APP } from "../../i18n/app";
import type { PageProps } from "../routes";

export function NotFoundPage({ params }: PageProps) {
  const t = useT(APP);
  return (
    <article className="page">
      <h1>{t("titleNotFound")}</h1>
      <p>
        {t("notFoundBefore")} <code>#{params.path}</code>
        {t("notFoundAfter")}
      </p>
      <p>
        <a href="#/">{t("goHome")}</a>
      </p>
    </article>
  );
}
