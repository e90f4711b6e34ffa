// src/app/pages/EmbedGuidePage.tsx: for course authors (#/embed): how to embed a widget, lock settings, choose panels,
// and the messages a frame sends; with a live embedded playground. Lists are generated from src/embed/widgets.ts.
import { useEffect, useId, useRef, useState } from "react";
import { canvasResizeMessage, resizeMessage } from "../../embed/messages";
import { originOf, resizeListener, siteBase } from "../../embed/snippet";
import { EMBEDDABLE } from "../../embed/widgets";
import { useT, type Translate } from "../../i18n";
import { EMBED_GUIDE } from "../../i18n/embed";
import { labelOf, type FieldSpec } from "../../store/schema";
import "../../embed/embed.css";

/** The page's words, in one place for translation. Code samples are generated below, not translated. */
/** "a whole number from 1 to 256", "one of rnn, lstm, gru", "1 (on) or 0 (off)". */
function allowedValues(spec: FieldSpec, t: Translate<typeof EMBED_GUIDE>): string {
  switch (spec.kind) {
    case "bool":
      return t("valuesBool");
    case "enum":
      return t("valuesEnum", { options: spec.options.join(", ") });
    case "int":
      return t("valuesInt", { min: String(spec.min), max: String(spec.max) });
    case "number":
      return t(spec.minExclusive ? "valuesAbove" : "valuesRange", { min: String(spec.min), max: String(spec.max) });
  }
}

function defaultValue(spec: FieldSpec): string {
  return typeof spec.default === "boolean" ? (spec.default ? "1" : "0") : String(spec.default);
}

const EXAMPLE_FRAME_ID = "guide-example";
const EXAMPLE_QUERY = "embed=1&lr=0.01&lock=lr&panels=series,loss&hidden=12&frameId=" + EXAMPLE_FRAME_ID;

export function EmbedGuidePage() {
  const t = useT(EMBED_GUIDE);
  const base = siteBase(window.location.href);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  const headingId = useId();

  useEffect(() => {
    // The same listener course pages use, written for this page: size the example frame from its messages.
    const onMessage = (event: MessageEvent) => {
      const frame = frameRef.current;
      if (!frame || event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
      const data: unknown = event.data;
      if (typeof data !== "object" || data === null) return;
      const message = data as { type?: unknown; height?: unknown };
      if (message.type !== "rnn-notebook:resize" || typeof message.height !== "number") return;
      if (!(message.height > 0 && message.height < 100_000)) return;
      setHeight(Math.ceil(message.height));
    };
    window.addEventListener("message", onMessage);
    return () => {
      window.removeEventListener("message", onMessage);
    };
  }, []);

  const exampleSrc = `${base}#/playground/sine?${EXAMPLE_QUERY}`;
  const courseHref = new URL("example-course.html", base).href;
  return (
    <article className="embed-guide">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p className="note">{t("privacy")}</p>

      <h2>{t("quickTitle")}</h2>
      <ol className="steps">
        <li>{t("quick1")}</li>
        <li>{t("quick2")}</li>
        <li>{t("quick3")}</li>
      </ol>

      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t("exampleTitle")}</h2>
        <p>{t("exampleText")}</p>
        <iframe
          ref={frameRef}
          className="embed-guide-frame"
          src={exampleSrc}
          title={t("exampleFrameTitle")}
          style={{ width: "100%", height: `${height ?? 600}px`, border: 0 }}
        />
        <p className="note">{height === null ? t("exampleHeightNone") : t("exampleHeight", { h: String(height) })}</p>
        <pre className="embed-code" tabIndex={0}>
          <code>{`<iframe src="${exampleSrc.replace(/&/g, "&amp;")}"\n  title="Sine playground · RNN Notebook" loading="lazy"\n  style="width: 100%; height: 720px; border: 0;"></iframe>`}</code>
        </pre>
        <p>
          {t("exampleCourse")} <a href={courseHref}>example-course.html</a>
        </p>
      </section>

      <h2>{t("paramsTitle")}</h2>
      <p>{t("paramsText")}</p>
      <dl className="embed-params">
        <dt><code>embed=1</code></dt>
        <dd>{t("paramEmbed")}</dd>
        <dt><code>lock=lr,cell</code></dt>
        <dd>{t("paramLock")}</dd>
        <dt><code>panels=series,loss</code></dt>
        <dd>{t("paramPanels")}</dd>
        <dt><code>frameId=week3-sine</code></dt>
        <dd>{t("paramFrameId")}</dd>
      </dl>
      <h3>{t("badTitle")}</h3>
      <p>{t("badText")}</p>

      <h2>{t("widgetsTitle")}</h2>
      {EMBEDDABLE.filter((w) => w.id !== "lesson-block").map((w) => (
        <section key={w.id} aria-labelledby={`embed-guide-${w.id}`}>
          <h3 id={`embed-guide-${w.id}`}>{w.title}</h3>
          <p>
            {t("route")} <code>#{w.pattern}</code>
          </p>
          <div className="table-scroll">
            <table className="embed-table">
              <caption>{t("panelsCaption", { name: w.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colId")}</th>
                  <th scope="col">{t("colPanel")}</th>
                </tr>
              </thead>
              <tbody>
                {w.panels.map((p) => (
                  <tr key={p.id}>
                    <td><code>{p.id}</code></td>
                    <td>{p.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details>
            <summary>{t("settingsCaption", { name: w.name })}</summary>
            <div className="table-scroll">
              <table className="embed-table">
                <caption>{t("settingsCaption", { name: w.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("colKey")}</th>
                    <th scope="col">{t("colSetting")}</th>
                    <th scope="col">{t("colValues")}</th>
                    <th scope="col">{t("colDefault")}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(w.schema).map(([key, spec]) => (
                    <tr key={key}>
                      <td><code>{key}</code></td>
                      <td>{labelOf(spec, t.lang)}</td>
                      <td>{allowedValues(spec, t)}</td>
                      <td><code>{defaultValue(spec)}</code></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      ))}
      <section aria-labelledby="embed-guide-lesson">
        <h3 id="embed-guide-lesson">{t("lessonTitle")}</h3>
        <p>{t("lessonText")}</p>
        <p>
          {t("lessonExample")} <a href="#/embed/lesson/lstm/predict"><code>#/embed/lesson/lstm/predict</code></a>,{" "}
          <a href="#/embed/lesson/training/train-compare-2"><code>#/embed/lesson/training/train-compare-2</code></a>
        </p>
      </section>

      <h2>{t("messagesTitle")}</h2>
      <p>{t("messagesText")}</p>
      <pre className="embed-code" tabIndex={0}>
        <code>{JSON.stringify(resizeMessage(812, "sine", "week3-sine"), null, 2)}</code>
      </pre>
      <p>{t("messageFields")}</p>
      <p>{t("canvasText")}</p>
      <pre className="embed-code" tabIndex={0}>
        <code>{canvasResizeMessage(812)}</code>
      </pre>
      <p>{t("requestText")}</p>
      <pre className="embed-code" tabIndex={0}>
        <code>{'frame.contentWindow.postMessage({ type: "rnn-notebook:request-size" }, "*");'}</code>
      </pre>
      <p>{t("securityText")}</p>

      <h2>{t("listenerTitle")}</h2>
      <p>{t("listenerText")}</p>
      <pre className="embed-code" tabIndex={0}>
        <code>{resizeListener(originOf(base))}</code>
      </pre>

      <h2>{t("lmsTitle")}</h2>
      <ul>
        <li>{t("lmsCanvas")}</li>
        <li>{t("lmsMoodle")}</li>
        <li>{t("lmsStatic")}</li>
      </ul>
    </article>
  );
}
