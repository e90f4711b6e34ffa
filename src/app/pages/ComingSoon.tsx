// src/app/pages/ComingSoon.tsx: the placeholder for a page not built yet: its name and what it will hold.
import type { ReactNode } from "react";

interface ComingSoonProps {
  title: string;
  /** What the page is for, in a sentence or two. */
  intro: ReactNode;
  /** What the learner will find there once it is built. */
  willHold: readonly ReactNode[];
}

export function ComingSoon({ title, intro, willHold }: ComingSoonProps) {
  return (
    <article className="page">
      <h1>{title}</h1>
      <p className="tag">Coming soon</p>
      <p>{intro}</p>
      <h2>What it will hold</h2>
      <ul>
        {willHold.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      <p>
        <a href="#/">Back to the home page</a>
      </p>
    </article>
  );
}
