// src/widgets/sine/Messages.tsx: what the learner must know about: ignored URL settings, a restarted worker, errors.
import { useSine, useSineStore } from "../../store/WidgetStoreProvider";

export function Messages() {
  const store = useSineStore();
  const urlWarnings = useSine((s) => s.urlWarnings);
  const notice = useSine((s) => s.notice);
  const error = useSine((s) => s.error);
  return (
    <>
      {urlWarnings.length > 0 ? (
        <div role="alert" className="sine-alert sine-alert-warning">
          <p>Some settings in the link could not be used, so their defaults apply:</p>
          <ul>
            {urlWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notice ? (
        <div role="alert" className="sine-alert sine-alert-info">
          <p>{notice}</p>
          <button
            type="button"
            onClick={() => {
              store.getState().dismissNotice();
            }}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="sine-alert sine-alert-danger">
          <p>{error}</p>
        </div>
      ) : null}
    </>
  );
}
