// src/app/pages/NotFoundPage.tsx: shown for a hash path that matches no route.
import type { PageProps } from "../routes";

export function NotFoundPage({ params }: PageProps) {
  return (
    <article className="page">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>#{params.path}</code>. The link may be mistyped, or the page may have moved.
      </p>
      <p>
        <a href="#/">Go to the home page</a>
      </p>
    </article>
  );
}
