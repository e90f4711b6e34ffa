// src/app/pages/EmbedGuidePage.tsx: for course authors (#/embed): how to embed a widget, lock settings, choose panels,
// and the messages a frame sends; with a live embedded playground. Lists are generated from src/embed/widgets.ts.
import { useEffect, useId, useRef, useState } from "react";
import { canvasResizeMessage, resizeMessage } from "../../embed/messages";
import { originOf, resizeListener, siteBase } from "../../embed/snippet";
import { EMBEDDABLE } from "../../embed/widgets";
import type { FieldSpec } from "../../store/schema";
import "../../embed/embed.css";

/** The page's words, in one place for translation. Code samples are generated below, not translated. */
const GUIDE = {
  title: "Embedding a widget in your course",
  lead:
    "Every widget of the notebook can sit inside your own course page (Canvas, Moodle, a static site) as an " +
    "iframe: with the settings you chose, some of them locked so learners see but cannot change them, and only " +
    "the charts you want. The frame sizes itself to its content, so it needs no fixed height.",
  privacy:
    "Training runs in each learner's browser, inside the frame: nothing they type or train is sent anywhere, " +
    "and the notebook sets no cookies.",
  quickTitle: "Quick start",
  quick1: "Open a widget (the sine playground, the gradient visualizer or the character lab) and set it up.",
  quick2:
    "Press Embed above the widget. Tick the settings to lock and the panels to show, then Copy HTML.",
  quick3:
    "Paste the HTML into your course page, in its HTML (source) view. The script below the iframe is needed " +
    "once per page, however many widgets it holds.",
  exampleTitle: "A live example",
  exampleText:
    "This is the sine playground embedded in this page, as your course page would show it: the learning rate is " +
    "locked, and only the prediction and loss charts are shown. Press Train inside it.",
  exampleFrameTitle: "Sine playground (embedded example) · RNN Notebook",
  exampleHeight: (h: number | null) => (h === null ? "The frame has not reported its height yet." : `The frame last reported a height of ${h} px.`),
  exampleCourse: "A complete example course page, with two embedded widgets and nothing but plain HTML:",
  exampleCourseLink: "example-course.html",
  paramsTitle: "What the link can say",
  paramsText:
    "An embed link is the widget's own address with a few more parameters after the “?”. The widget's settings " +
    "(listed for each widget below) preset its controls, as in any link to the notebook.",
  paramEmbed: "shows the widget alone: no site header or footer, the full width of the frame, no page margins.",
  paramLock:
    "locks these settings (comma-separated keys) at the values in the link, or at their defaults. Learners see " +
    "them, disabled, with the note “Set by your course (locked)”; no control, key or one-click remedy changes " +
    "them, and editing the frame's address cannot lift a lock while it is open.",
  paramPanels: "shows only these chart panels (comma-separated ids, listed below); without it, every panel shows.",
  paramFrameId:
    "an id of your choice (up to 64 letters, digits, “-”, “_”, “.”, “:”) sent back with every resize message, to tell frames apart.",
  badTitle: "When a link is wrong",
  badText:
    "A link the widget cannot honour (an unknown widget, a lock or panel name the widget does not have, a locked " +
    "value that is out of range or contradicts another setting, or panels= naming nothing) shows a message " +
    "inside the frame saying what is wrong and what is allowed, instead of a widget that ignores part of your " +
    "set-up. The frame still reports its height. Settings that are not locked and out of range are replaced by " +
    "their defaults, with a note above the widget.",
  widgetsTitle: "The widgets, their settings and panels",
  route: "Address:",
  settingsCaption: (name: string) => `Settings of the ${name} (keys for the link and for lock=)`,
  panelsCaption: (name: string) => `Panels of the ${name} (ids for panels=)`,
  colKey: "Key",
  colSetting: "Setting",
  colValues: "Allowed values",
  colDefault: "Default",
  colId: "Id",
  colPanel: "What it shows",
  lessonTitle: "A block of a lesson",
  lessonText:
    "Each live widget in a lesson can be embedded on its own at #/embed/lesson/<lesson>/<block>. A block is named " +
    "after its widget (predict, grad-check, …); a widget that occurs more than once in a lesson is numbered " +
    "(train-compare-1, train-compare-2, …). A wrong name shows the lesson's list of blocks. Lesson blocks have " +
    "no settings to lock or panels to choose; ?lang=zh shows one in Chinese.",
  lessonExample: "For example:",
  messagesTitle: "Messages between the frame and your page",
  messagesText:
    "Whenever its content changes height, and once when it starts, the frame posts two messages to the page " +
    "around it (window.parent). The first is the notebook's own:",
  messageFields:
    "height is in CSS pixels; widget is sine, gradients, chars, lesson-block:<lesson>/<block>, or null when the " +
    "link names no widget; id is the link's frameId, or null. version is 1, and changes only if the fields do.",
  canvasText:
    "The second is the message Canvas LMS (and Sakai) listen for to resize an embedded tool, as a JSON string, " +
    "the form every Canvas version accepts:",
  requestText:
    "Your page can ask for the height at any time (for example when its listener starts after the frame) by " +
    "posting this to the frame's contentWindow; the frame answers with both messages:",
  securityText:
    "The frame accepts only that exact message, and only from its own parent window; anything else is ignored. " +
    "Nothing from a link or a message is ever run as code or shown as HTML: parameters are checked against " +
    "the lists on this page and used only as values.",
  listenerTitle: "The resize listener",
  listenerText:
    "This is the script the Embed dialog adds. It sets the height of the iframe a message came from, and only " +
    "after checking the message's origin (the notebook's address) and form:",
  lmsTitle: "In Canvas, Moodle and other platforms",
  lmsCanvas:
    "Canvas removes scripts from pages, but listens for lti.frameResize itself: paste only the iframe. If the " +
    "frame does not grow in your Canvas, give it a fixed height in the style attribute (for example height: 900px).",
  lmsMoodle:
    "Moodle keeps scripts only where the site allows trusted content; otherwise paste the iframe with a fixed height.",
  lmsStatic: "On your own site, paste the iframe and the script as they are.",
} as const;

/** "a whole number from 1 to 256", "one of rnn, lstm, gru", "1 (on) or 0 (off)". */
function allowedValues(spec: FieldSpec): string {
  switch (spec.kind) {
    case "bool":
      return "1 (on) or 0 (off)";
    case "enum":
      return `one of ${spec.options.join(", ")}`;
    case "int":
      return `a whole number from ${spec.min} to ${spec.max}`;
    case "number":
      return spec.minExclusive ? `a number above ${spec.min}, up to ${spec.max}` : `a number from ${spec.min} to ${spec.max}`;
  }
}

function defaultValue(spec: FieldSpec): string {
  return typeof spec.default === "boolean" ? (spec.default ? "1" : "0") : String(spec.default);
}

const EXAMPLE_FRAME_ID = "guide-example";
const EXAMPLE_QUERY = "embed=1&lr=0.01&lock=lr&panels=series,loss&hidden=12&frameId=" + EXAMPLE_FRAME_ID;

export function EmbedGuidePage() {
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
      <h1>{GUIDE.title}</h1>
      <p className="lead">{GUIDE.lead}</p>
      <p className="note">{GUIDE.privacy}</p>

      <h2>{GUIDE.quickTitle}</h2>
      <ol className="steps">
        <li>{GUIDE.quick1}</li>
        <li>{GUIDE.quick2}</li>
        <li>{GUIDE.quick3}</li>
      </ol>

      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{GUIDE.exampleTitle}</h2>
        <p>{GUIDE.exampleText}</p>
        <iframe
          ref={frameRef}
          className="embed-guide-frame"
          src={exampleSrc}
          title={GUIDE.exampleFrameTitle}
          style={{ width: "100%", height: `${height ?? 600}px`, border: 0 }}
        />
        <p className="note">{GUIDE.exampleHeight(height)}</p>
        <pre className="embed-code" tabIndex={0}>
          <code>{`<iframe src="${exampleSrc.replace(/&/g, "&amp;")}"\n  title="Sine playground · RNN Notebook" loading="lazy"\n  style="width: 100%; height: 720px; border: 0;"></iframe>`}</code>
        </pre>
        <p>
          {GUIDE.exampleCourse} <a href={courseHref}>{GUIDE.exampleCourseLink}</a>
        </p>
      </section>

      <h2>{GUIDE.paramsTitle}</h2>
      <p>{GUIDE.paramsText}</p>
      <dl className="embed-params">
        <dt><code>embed=1</code></dt>
        <dd>{GUIDE.paramEmbed}</dd>
        <dt><code>lock=lr,cell</code></dt>
        <dd>{GUIDE.paramLock}</dd>
        <dt><code>panels=series,loss</code></dt>
        <dd>{GUIDE.paramPanels}</dd>
        <dt><code>frameId=week3-sine</code></dt>
        <dd>{GUIDE.paramFrameId}</dd>
      </dl>
      <h3>{GUIDE.badTitle}</h3>
      <p>{GUIDE.badText}</p>

      <h2>{GUIDE.widgetsTitle}</h2>
      {EMBEDDABLE.filter((w) => w.id !== "lesson-block").map((w) => (
        <section key={w.id} aria-labelledby={`embed-guide-${w.id}`}>
          <h3 id={`embed-guide-${w.id}`}>{w.title}</h3>
          <p>
            {GUIDE.route} <code>#{w.pattern}</code>
          </p>
          <div className="table-scroll">
            <table className="embed-table">
              <caption>{GUIDE.panelsCaption(w.name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{GUIDE.colId}</th>
                  <th scope="col">{GUIDE.colPanel}</th>
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
            <summary>{GUIDE.settingsCaption(w.name)}</summary>
            <div className="table-scroll">
              <table className="embed-table">
                <caption>{GUIDE.settingsCaption(w.name)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{GUIDE.colKey}</th>
                    <th scope="col">{GUIDE.colSetting}</th>
                    <th scope="col">{GUIDE.colValues}</th>
                    <th scope="col">{GUIDE.colDefault}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(w.schema).map(([key, spec]) => (
                    <tr key={key}>
                      <td><code>{key}</code></td>
                      <td>{spec.label}</td>
                      <td>{allowedValues(spec)}</td>
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
        <h3 id="embed-guide-lesson">{GUIDE.lessonTitle}</h3>
        <p>{GUIDE.lessonText}</p>
        <p>
          {GUIDE.lessonExample} <a href="#/embed/lesson/lstm/predict"><code>#/embed/lesson/lstm/predict</code></a>,{" "}
          <a href="#/embed/lesson/training/train-compare-2"><code>#/embed/lesson/training/train-compare-2</code></a>
        </p>
      </section>

      <h2>{GUIDE.messagesTitle}</h2>
      <p>{GUIDE.messagesText}</p>
      <pre className="embed-code" tabIndex={0}>
        <code>{JSON.stringify(resizeMessage(812, "sine", "week3-sine"), null, 2)}</code>
      </pre>
      <p>{GUIDE.messageFields}</p>
      <p>{GUIDE.canvasText}</p>
      <pre className="embed-code" tabIndex={0}>
        <code>{canvasResizeMessage(812)}</code>
      </pre>
      <p>{GUIDE.requestText}</p>
      <pre className="embed-code" tabIndex={0}>
        <code>{'frame.contentWindow.postMessage({ type: "rnn-notebook:request-size" }, "*");'}</code>
      </pre>
      <p>{GUIDE.securityText}</p>

      <h2>{GUIDE.listenerTitle}</h2>
      <p>{GUIDE.listenerText}</p>
      <pre className="embed-code" tabIndex={0}>
        <code>{resizeListener(originOf(base))}</code>
      </pre>

      <h2>{GUIDE.lmsTitle}</h2>
      <ul>
        <li>{GUIDE.lmsCanvas}</li>
        <li>{GUIDE.lmsMoodle}</li>
        <li>{GUIDE.lmsStatic}</li>
      </ul>
    </article>
  );
}
