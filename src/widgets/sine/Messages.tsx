// src/widgets/sine/Messages.tsx: what the learner must know about: ignored URL settings, a restarted worker, errors.
import { inLang, useT } from "../../i18n";
import { CONTROLS } from "../../i18n/controls";
import { SINE } from "../../i18n/sine";
import { useSine, useSineStore } from "./SineStoreProvider";

export function Messages() {
  const store = useSineStore();
  const t = useT(SINE);
  const tc = useT(CONTROLS);
  const urlWarnings = useSine((s) => s.urlWarnings);
  const notice = useSine((s) => s.notice);
  const error = useSine((s) => s.error);
  return (
    <>
      {urlWarnings.length > 0 ? (
        <div role="alert" className="sine-alert sine-alert-warning">
          <p>{t("urlIgnored")}</p>
          <ul>
            {urlWarnings.map((w) => (
              <li key={inLang(w, "en")}>{inLang(w, t.lang)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notice ? (
        <div role="alert" className="sine-alert sine-alert-info">
          <p>{inLang(notice, t.lang)}</p>
          <button
            type="button"
            onClick={() => {
              store.getState().dismissNotice();
            }}
          >
            {tc("dismiss")}
          </button>
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="sine-alert sine-alert-danger">
          <p>{inLang(error, t.lang)}</p>
        </div>
      ) : null}
    </>
  );
}
