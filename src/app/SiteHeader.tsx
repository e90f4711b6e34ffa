// src/app/SiteHeader.tsx: the site's header: its name (a link home), the main navigation and the language choice.
import { useT } from "../i18n";
import { APP } from "../i18n/app";
import { LanguageSelect } from "../i18n/LanguageSelect";
import { AREAS } from "./areas";
import { pathFromHash } from "./router";

/** True when `path` is the area's page or one below it ("/lessons/intro" is in "Lessons"). */
function isInArea(path: string, areaHref: string): boolean {
  const areaPath = pathFromHash(areaHref);
  return path === areaPath || path.startsWith(`${areaPath}/`);
}

export function SiteHeader({ path }: { path: string }) {
  const t = useT(APP);
  return (
    <header className="site-header">
      <a className="site-name" href="#/" aria-current={path === "/" ? "page" : undefined}>
        {t("siteName")}
      </a>
      <nav aria-label={t("mainNav")}>
        <ul>
          {AREAS.map((area) => (
            <li key={area.href}>
              <a href={area.href} aria-current={isInArea(path, area.href) ? "page" : undefined}>
                {area.name[t.lang]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <LanguageSelect className="site-language" />
    </header>
  );
}
