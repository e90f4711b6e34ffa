// src/app/SiteHeader.tsx: the site's header: its name (a link home) and the main navigation.
import { AREAS } from "./areas";
import { pathFromHash } from "./router";

/** True when `path` is the area's page or one below it ("/lessons/intro" is in "Lessons"). */
function isInArea(path: string, areaHref: string): boolean {
  const areaPath = pathFromHash(areaHref);
  return path === areaPath || path.startsWith(`${areaPath}/`);
}

export function SiteHeader({ path }: { path: string }) {
  return (
    <header className="site-header">
      <a className="site-name" href="#/" aria-current={path === "/" ? "page" : undefined}>
        RNN Notebook
      </a>
      <nav aria-label="Main">
        <ul>
          {AREAS.map((area) => (
            <li key={area.href}>
              <a href={area.href} aria-current={isInArea(path, area.href) ? "page" : undefined}>
                {area.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
