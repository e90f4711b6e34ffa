// src/app/pages/ComingSoon.tsx: the placeholder for a page not built yet: its name and what it will hold.
import type { ReactNode } from "react";
import { useT } from "../../i18n";
import { APP } from "../../i18n/app";

interface ComingSoonProps {
  title: string;
  /** What the page is for, in a sentence or two. */
  intro: ReactNode;
  /** What the learner will find there once it is built. */
  willHold: readonly ReactNode[];
}

export function ComingSoon({ title, intro, willHold }: ComingSoonProps) {
  const t = useT(APP);
  return (
    <article className="page">
      <h1>{title}</h1>
      <p className="tag">{t("comingSoon")}</p>
      <p>{intro}</p>
      <h2>{t("whatItWillHold")}</h2>
      <ul>
        {willHold.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      <p>
        <a href="#/">{t("backHome")}</a>
      </p>
    </article>
  );
}
