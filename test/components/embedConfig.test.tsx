// @vitest-environment jsdom
// test/components/embedConfig.test.tsx: reading an embed link (embed, lock, panels, frameId) against each widget, the
// messages a frame sends and accepts, the snippet an author copies, and a lesson's blocks by id.
import { createElement, Fragment } from "react";
import { resolveEmbed, widgetName } from "../../src/embed/config";
import { findBlock, lessonBlocks } from "../../src/embed/LessonBlock";
import { canvasResizeMessage, isRequestSize, resizeMessage } from "../../src/embed/messages";
import { embedUrl, escapeAttribute, fullPageUrl, iframeSnippet, resizeListener } from "../../src/embed/snippet";

describe("resolveEmbed", () => {
  it("reads a plain link as the site: no frame, no locks, every panel", () => {
    const c = resolveEmbed("#/playground/sine?hidden=16");
    expect(c).toMatchObject({ isEmbed: false, locks: {}, panels: null, frameId: null, problems: [], notes: [] });
    expect(c.widget?.id).toBe("sine");
  });

  it("locks the link's values, and a setting the link does not give at the value the widget starts from", () => {
    const c = resolveEmbed("#/playground/sine?embed=1&lr=0.05&lock=lr,cell&frameId=week3-sine");
    expect(c.problems).toEqual([]);
    expect(c.isEmbed).toBe(true);
    expect(c.locks).toEqual({ lr: 0.05, cell: "lstm" });
    expect(c.frameId).toBe("week3-sine");
    expect(widgetName(c)).toBe("sine");
  });

  it("joins repeated and comma-separated lists, ignoring stray commas", () => {
    const c = resolveEmbed("#/playground/sine?embed=1&lock=lr,&lock=cell&panels=series,,loss");
    expect(c.problems).toEqual([]);
    expect(Object.keys(c.locks).sort()).toEqual(["cell", "lr"]);
    expect([...(c.panels ?? [])]).toEqual(["series", "loss"]);
  });

  it("locks a preset's value in the gradient visualizer", () => {
    const c = resolveEmbed("#/visualizer/gradients?embed=1&preset=exploding&lock=lr,clip");
    expect(c.problems).toEqual([]);
    expect(c.locks).toEqual({ lr: 0.1, clip: false });
  });

  it.each([
    ["an unknown lock name", "#/playground/sine?embed=1&lock=learningRate", /lock=learningRate: "learningRate" is not a setting of the sine playground\. Its settings are: data, waves, .*lr/],
    ["a locked value out of range", "#/playground/sine?embed=1&lr=500&lock=lr", /lock=lr: the value to lock is not valid\. Learning rate must be a number above 0 and up to 100, not 500\./],
    ["a locked value that is not a number", "#/lab/chars?embed=1&hidden=big&lock=hidden", /lock=hidden: the value to lock is not valid\./],
    ["a lock contradicting another setting", "#/playground/sine?embed=1&horizon=40&seqLength=30&lock=horizon", /lock=horizon: horizon=40 cannot be locked, because .*horizon \(40\) must be shorter than the sequence length \(30\)/],
    ["a locked text that cannot be in a link", "#/lab/chars?embed=1&corpus=custom&lock=corpus", /lock=corpus: corpus=custom cannot be locked/],
    ["panels= naming nothing", "#/playground/sine?embed=1&panels=", /panels= names no panel, so nothing would be shown\. Name at least one of: series, baselines, loss, state, gates, gradients, weights\./],
    ["an unknown panel", "#/lab/chars?embed=1&panels=loss,charts", /panels=charts: the character lab has no panel "charts"\. Its panels are: loss, sample, generate, inside\./],
    ["a frameId that is not a plain token", '#/playground/sine?embed=1&frameId=<img src=x onerror="alert(1)">', /frameId=<img src=x onerror="alert\(1\)"> is not allowed/],
    ["an embed value it does not know", "#/playground/sine?embed=yes", /embed=yes is not understood: use embed=1/],
    ["a page that is not a widget", "#/lessons?embed=1", /There is no embeddable widget at "#\/lessons"\. The widgets that can be embedded are: #\/playground\/sine, #\/visualizer\/gradients, #\/lab\/chars, #\/lab\/classify, #\/lab\/translate, #\/embed\/lesson\/:slug\/:block\./],
    ["a route that does not exist", "#/playground/cosine?embed=1", /There is no embeddable widget at "#\/playground\/cosine"/],
    ["a lock on a lesson block", "#/embed/lesson/lstm/predict?embed=1&lock=lr", /lock=…: the lesson block has no settings to lock\./],
    ["panels on a lesson block", "#/embed/lesson/lstm/predict?embed=1&panels=loss", /the lesson block has no panels to choose from/],
  ])("refuses %s, saying what is allowed", (_, hash, message) => {
    const c = resolveEmbed(hash);
    expect(c.problems.join("\n")).toMatch(message);
  });

  it("reports every problem of a link at once", () => {
    const c = resolveEmbed("#/playground/sine?embed=1&lock=foo,lr&lr=abc&panels=bar");
    expect(c.problems).toHaveLength(3);
  });

  it("does not ask a page of the site (not a frame) to be a widget", () => {
    expect(resolveEmbed("#/lessons?lock=lr").problems).toEqual([]);
  });

  it("keeps a lock and its value when the link is edited on the same route, and says what it refused", () => {
    const first = resolveEmbed("#/playground/sine?embed=1&lr=0.05&lock=lr");
    const edited = resolveEmbed("#/playground/sine?embed=1&lr=0.5&hidden=8", first);
    expect(edited.locks).toEqual({ lr: 0.05 });
    expect(edited.notes).toEqual(["Learning rate: the link asks for 0.5, but it is set by your course (locked) at 0.05."]);
    // The widget writing its own settings back (the locked value unchanged) is not an edit of the lock.
    expect(resolveEmbed("#/playground/sine?embed=1&lock=lr&lr=0.05&hidden=8", first).notes).toEqual([]);
    // Another route starts afresh.
    expect(resolveEmbed("#/lab/chars?embed=1", first).locks).toEqual({});
  });

  it("names a lesson block in resize messages by lesson and block", () => {
    expect(widgetName(resolveEmbed("#/embed/lesson/lstm/predict?embed=1"))).toBe("lesson-block:lstm/predict");
    expect(widgetName(resolveEmbed("#/nowhere?embed=1"))).toBeNull();
  });
});

describe("frame messages", () => {
  it("has the documented resize message and Canvas's lti.frameResize as a JSON string", () => {
    expect(resizeMessage(812, "sine", "f1")).toEqual({ type: "rnn-notebook:resize", version: 1, height: 812, widget: "sine", id: "f1" });
    const canvas = canvasResizeMessage(812);
    expect(typeof canvas).toBe("string");
    expect(JSON.parse(canvas)).toEqual({ subject: "lti.frameResize", height: 812 });
  });

  it("accepts only the exact request-size message", () => {
    expect(isRequestSize({ type: "rnn-notebook:request-size" })).toBe(true);
    expect(isRequestSize({ type: "rnn-notebook:request-size", version: 1 })).toBe(true);
    for (const bad of [
      '{"type":"rnn-notebook:request-size"}',
      { type: "rnn-notebook:request-size", version: 2 },
      { type: "rnn-notebook:request-size", code: "alert(1)" },
      { type: "rnn-notebook:resize", height: 5 },
      [{ type: "rnn-notebook:request-size" }],
      null,
      undefined,
      42,
    ]) {
      expect(isRequestSize(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("embed snippet", () => {
  const here = "https://notebook.example.org/rnn/#/playground/sine?hidden=16&cell=gru&embed=1&lock=cell&frameId=old";

  it("builds the embed link from the widget's current link, with the chosen locks, panels and frameId", () => {
    const src = embedUrl(here, { locks: { lr: "0.01", cell: "gru" }, panels: ["series", "loss"], frameId: "week3" });
    expect(src).toBe("https://notebook.example.org/rnn/#/playground/sine?embed=1&hidden=16&lr=0.01&cell=gru&lock=lr,cell&panels=series,loss&frameId=week3");
    // The link reads back as what was chosen.
    const c = resolveEmbed(src.slice(src.indexOf("#")));
    expect(c.problems).toEqual([]);
    expect(c.locks).toEqual({ lr: 0.01, cell: "gru" });
    expect([...(c.panels ?? [])]).toEqual(["series", "loss"]);
  });

  it("leaves out locks, panels and frameId that were not chosen", () => {
    expect(embedUrl(here, { locks: {}, panels: null, frameId: "" })).toBe("https://notebook.example.org/rnn/#/playground/sine?embed=1&hidden=16&cell=gru");
  });

  it("links the full page without the frame's own parameters", () => {
    expect(fullPageUrl(here)).toBe("https://notebook.example.org/rnn/#/playground/sine?hidden=16&cell=gru&lock=cell");
  });

  it("writes a lazy, fluid, titled iframe with its attributes escaped, and the listener that checks the origin", () => {
    const html = iframeSnippet('https://n.example.org/#/lab/chars?embed=1&a="b"', "Character lab · RNN Notebook", true);
    expect(html).toContain('<iframe src="https://n.example.org/#/lab/chars?embed=1&amp;a=&quot;b&quot;" title="Character lab · RNN Notebook" loading="lazy" style="width: 100%;');
    expect(html).toContain('event.origin !== "https://n.example.org"');
    expect(html).toContain('data.type !== "rnn-notebook:resize"');
    expect(iframeSnippet("https://n.example.org/#/lab/chars?embed=1", "Lab", false)).not.toContain("<script>");
    expect(escapeAttribute(`<a href="x">&`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;");
  });

  it("sizes the frame a message came from, and only from the notebook's origin (run in this document)", () => {
    const source = resizeListener("https://n.example.org");
    const body = source.replace(/^<script>\n/, "").replace(/\n<\/script>$/, "");
    const frame = document.createElement("iframe");
    document.body.append(frame);
    // The listener is the script authors paste into their page: run that exact text as their page would (our own
    // generated source, never anything from a link or message), then post to it as a frame would.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the snippet's own text, as explained above
    const listen = new Function(body) as () => void;
    listen();
    const post = (origin: string, data: unknown) => {
      window.dispatchEvent(new MessageEvent("message", { data, origin, source: frame.contentWindow }));
    };
    post("https://elsewhere.example.com", { type: "rnn-notebook:resize", height: 300 });
    expect(frame.style.height).toBe("");
    post("https://n.example.org", { type: "rnn-notebook:resize", height: "300px" });
    expect(frame.style.height).toBe("");
    post("https://n.example.org", { type: "rnn-notebook:resize", height: 812.4 });
    expect(frame.style.height).toBe("813px");
    frame.remove();
  });
});

describe("lesson blocks", () => {
  function Widget() {
    return null;
  }
  function Note({ children }: { children?: React.ReactNode }) {
    return createElement("aside", null, children);
  }
  const w = (name: string, extra: Record<string, unknown> = {}) => createElement(Widget, { name, ...extra });
  const body = createElement(Fragment, null, createElement("p", null, "text"), w("predict"), w("train-compare", { steps: 1 }), createElement(Note, null, w("train-compare", { steps: 2 })), w("train-compare", { steps: 3 }));

  it("names a widget that occurs once by its name, and repeated ones by their place (through wrapping elements)", () => {
    const blocks = lessonBlocks(body, Widget);
    expect(blocks.map((b) => b.id)).toEqual(["predict", "train-compare-1", "train-compare-2", "train-compare-3"]);
    expect(findBlock(blocks, "train-compare-2")?.element.props).toMatchObject({ steps: 2 });
    expect(findBlock(blocks, "predict-1")?.id).toBe("predict");
    expect(findBlock(blocks, "train-compare")?.id).toBe("train-compare-1");
    expect(findBlock(blocks, "grad-check")).toBeNull();
  });
});
