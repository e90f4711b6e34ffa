// src/app/pages/HomePage.tsx: the landing page: what the notebook is, and a card for each area.
import { useT } from "../../i18n";
import { APP } from "../../i18n/app";
import { AREAS } from "../areas";
import { EMBED } from "../../i18n/embed";

export function HomePage() {
  const t = useT(APP);
  const te = useT(EMBED);
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("siteName")}</h1>
        <p className="lead">{t("homeLead")}</p>
        <p>{t("homeNoInstall")}</p>
      </section>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title">{t("whereToStart")}</h2>
        {AREAS.some((area) => !area.isReady) && <p className="note">{t("comingSoonNote")}</p>}
        <ul className="cards">
          {AREAS.map((area) => (
            <li key={area.href} className="card">
              <h3>
                <a href={area.href}>{area.name[t.lang]}</a>
              </h3>
              <p>{area.summary[t.lang]}</p>
              {!area.isReady && <p className="tag">{t("comingSoon")}</p>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">{t("howItWorks")}</h2>
        <ol className="steps">
          <li>
            <strong>{t("howPickTitle")}</strong> {t("howPickBody")}
          </li>
          <li>
            <strong>{t("howTrainTitle")}</strong> {t("howTrainBody")}
          </li>
          <li>
            <strong>{t("howLookTitle")}</strong> {t("howLookBody")}
          </li>
        </ol>
      </section>

      <section aria-labelledby="teach-title">
        <h2 id="teach-title">{te("homeTitle")}</h2>
        <p>
          {te("homeText")} <a href="#/embed">{te("homeLink")}</a>
        </p>
      </section>
    </div>
  );
}
