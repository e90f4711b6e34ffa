// @vitest-environment jsdom
// test/components/embedFrame.test.tsx: a widget embedded with embed=1 as a learner and a course author meet it: shown
// alone, locked controls, chosen panels, the message a bad link shows, resize messages, the Embed dialog, Copy link.
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "../../src/app/App";
import { resolveEmbed } from "../../src/embed/config";
import { EmbedContext, NO_EMBED } from "../../src/embed/EmbedContext";
import { EmbedFrame } from "../../src/embed/EmbedFrame";
import { canvasResizeMessage, resizeMessage } from "../../src/embed/messages";
import { normalizeText } from "../../src/data/text";
import { createCharStore } from "../../src/store/charStore";
import { CHAR_SCHEMA, type CharSettings } from "../../src/store/charSettings";
import { defaults } from "../../src/store/schema";
import { createSineStore } from "../../src/store/sineStore";
import { SINE_SCHEMA, type SineSettings } from "../../src/store/sineSettings";
import { SinePlayground } from "../../src/widgets/sine/SinePlayground";
import { inProcessCharWorker } from "./workers";
import { fakeWorkers } from "./workers";

const WAIT = { timeout: 30_000, interval: 10 };
const SMALL: SineSettings = { ...defaults(SINE_SCHEMA), hidden: 8, seqLength: 20, batch: 8 };

/** Opens the app at `hash`, as a browser (or an iframe) opening that link. */
function openAt(hash: string) {
  window.history.replaceState(null, "", hash);
  return render(<App />);
}

/** Text of a store message, whichever form (plain or per language) the store keeps it in. */
function english(m: unknown): string {
  return typeof m === "string" ? m : (m as { en: string } | undefined)?.en ?? "";
}

beforeEach(() => {
  // jsdom has no canvas; the heatmaps draw nothing and say so in their names and tables.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("a widget embedded with embed=1", () => {
  it("is shown alone: no site header, navigation or footer, no Embed button, a link to the full page", async () => {
    openAt("#/playground/sine?embed=1&hidden=16");
    expect(await screen.findByRole("region", { name: "Sine-wave prediction playground" }, WAIT)).toBeInTheDocument();
    expect(screen.queryByRole("banner")).not.toBeInTheDocument();
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(screen.queryByRole("contentinfo")).not.toBeInTheDocument();
    expect(screen.getByRole("main")).toBeInTheDocument();
    // The page's own heading and introduction give way to the course's; a heading stays for screen readers.
    expect(screen.getByRole("heading", { level: 1, name: "Sine playground" })).toHaveClass("embed-sr-only");
    expect(screen.queryByRole("button", { name: "Embed" })).not.toBeInTheDocument();
    const full = screen.getByRole("link", { name: "Open in RNN Notebook" });
    expect(full).toHaveAttribute("target", "_blank");
    expect(full.getAttribute("href")).toMatch(/#\/playground\/sine\?hidden=16$/);
  });

  it("shows a locked setting disabled, at the link's value, saying why; the others stay free", async () => {
    openAt("#/playground/sine?embed=1&lr=0.05&cell=gru&lock=lr,cell");
    const lr = await screen.findByRole("textbox", { name: "Learning rate" }, WAIT);
    expect(lr).toBeDisabled();
    expect(lr).toHaveValue("0.05");
    expect(lr).toHaveAccessibleDescription(/Set by your course \(locked\)/);
    const cell = screen.getByRole("combobox", { name: "Cell" });
    expect(cell).toBeDisabled();
    expect(cell).toHaveValue("gru");
    expect(screen.getByRole("textbox", { name: "Hidden size" })).toBeEnabled();
    expect(screen.getByRole("textbox", { name: "Hidden size" })).not.toHaveAccessibleDescription(/locked/);
  });

  it("keeps a locked value when the frame's address is edited, and says it refused the change", async () => {
    openAt("#/playground/sine?embed=1&lr=0.05&lock=lr");
    await screen.findByRole("textbox", { name: "Learning rate" }, WAIT);
    act(() => {
      window.location.hash = "#/playground/sine?embed=1&lr=0.5&hidden=12";
    });
    expect(await screen.findByText("Learning rate: the link asks for 0.5, but it is set by your course (locked) at 0.05.", {}, WAIT)).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole("textbox", { name: "Hidden size" })).toHaveValue("12");
    }, WAIT);
    const lr = screen.getByRole("textbox", { name: "Learning rate" });
    expect(lr).toHaveValue("0.05");
    expect(lr).toBeDisabled();
  });

  it("shows what is wrong with a bad link instead of the widget", async () => {
    openAt("#/playground/sine?embed=1&lock=learningRate&panels=");
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { name: "This embedded widget cannot be shown" })).toBeInTheDocument();
    expect(alert).toHaveTextContent('lock=learningRate: "learningRate" is not a setting of the sine playground.');
    expect(alert).toHaveTextContent("panels= names no panel, so nothing would be shown.");
    expect(within(alert).getByRole("link", { name: "Embedding a widget in your course" })).toHaveAttribute("href", expect.stringMatching(/#\/embed$/));
    expect(screen.queryByRole("region", { name: "Sine-wave prediction playground" })).not.toBeInTheDocument();
  });

  it("says so when the link names no widget", () => {
    openAt("#/playground/cosine?embed=1");
    expect(screen.getByRole("alert")).toHaveTextContent('There is no embeddable widget at "#/playground/cosine".');
    expect(screen.getByRole("heading", { level: 1, name: "This embedded widget cannot be shown" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Page not found" })).not.toBeInTheDocument();
  });

  it("shows one block of a lesson alone, and lists the lesson's blocks for a wrong one", async () => {
    openAt("#/embed/lesson/lstm/predict?embed=1");
    expect(await screen.findByRole("region", { name: /^Predict, then reveal/ }, WAIT)).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: /step by step/ })).not.toBeInTheDocument();

    act(() => {
      window.location.hash = "#/embed/lesson/lstm/quiz?embed=1";
    });
    const alert = await screen.findByRole("alert", {}, WAIT);
    expect(alert).toHaveTextContent('The lesson "lstm" has no block "quiz". Its blocks are: step-through, predict, gradient-flow.');
  });
});

describe("the frame's height", () => {
  /** A real Window to stand for the parent page (a MessageEvent's source must be one), with postMessage recorded. */
  function parentWindow() {
    const holder = document.createElement("iframe");
    document.body.append(holder);
    const parent = holder.contentWindow!;
    const posted: unknown[] = [];
    vi.spyOn(parent, "postMessage").mockImplementation((message: unknown) => {
      posted.push(message);
    });
    return { parent, posted };
  }

  it("is posted to the parent at start and on every change, in both forms, and again when the parent asks", () => {
    let observed: (() => void) | null = null;
    vi.stubGlobal(
      "ResizeObserver",
      class {
        constructor(callback: ResizeObserverCallback) {
          observed = () => {
            callback([], this as unknown as ResizeObserver);
          };
        }
        observe() {}
        disconnect() {}
      },
    );
    let height = 300;
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(() => ({ height }) as DOMRect);
    const { parent, posted } = parentWindow();
    render(
      <EmbedFrame config={resolveEmbed("#/playground/sine?embed=1&frameId=week3")} title="Sine playground" parent={parent}>
        <p>the widget</p>
      </EmbedFrame>,
    );
    expect(posted).toEqual([resizeMessage(300, "sine", "week3"), canvasResizeMessage(300)]);

    height = 512.2;
    act(() => {
      observed?.();
    });
    expect(posted.slice(2)).toEqual([resizeMessage(513, "sine", "week3"), canvasResizeMessage(513)]);
    act(() => {
      observed?.(); // the same height: nothing new to say
    });
    expect(posted).toHaveLength(4);

    const { parent: stranger } = parentWindow();
    const ask = (data: unknown, source: Window) => {
      act(() => {
        window.dispatchEvent(new MessageEvent("message", { data, source }));
      });
    };
    ask({ type: "rnn-notebook:request-size" }, stranger);
    ask({ type: "rnn-notebook:request-size", run: "alert(1)" }, parent);
    ask('{"type":"rnn-notebook:request-size"}', parent);
    expect(posted).toHaveLength(4);
    ask({ type: "rnn-notebook:request-size" }, parent);
    expect(posted.slice(4)).toEqual([resizeMessage(513, "sine", "week3"), canvasResizeMessage(513)]);
  });

  it("is posted for a bad link too, with the message's height", () => {
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(() => ({ height: 140 }) as DOMRect);
    const { parent, posted } = parentWindow();
    const config = resolveEmbed("#/playground/sine?embed=1&panels=");
    render(
      <EmbedFrame config={config} title="Sine playground" parent={parent}>
        <p>the widget</p>
      </EmbedFrame>,
    );
    expect(screen.getByRole("alert")).toBeInTheDocument();
    expect(screen.queryByText("the widget")).not.toBeInTheDocument();
    expect(posted).toEqual([resizeMessage(140, "sine", null), canvasResizeMessage(140)]);
  });
});

describe("panels=", () => {
  async function renderWithPanels(panels: string[]) {
    const workers = fakeWorkers();
    render(
      <EmbedContext.Provider value={{ ...NO_EMBED, panels: new Set(panels) }}>
        <SinePlayground settings={SMALL} createWorker={workers.createWorker} />
      </EmbedContext.Provider>,
    );
    await waitFor(() => {
      expect(screen.getByRole("status")).toHaveTextContent(/^Step 0 · /);
    }, WAIT);
  }

  it("shows only the panels it names", async () => {
    await renderWithPanels(["loss"]);
    expect(screen.getByRole("img", { name: /Training loss/ })).toBeInTheDocument();
    expect(screen.queryAllByRole("img", { name: /Hidden state h/ })).toHaveLength(0);
    expect(screen.queryAllByRole("img", { name: /gate/ })).toHaveLength(0);
    expect(screen.queryByRole("combobox", { name: "Layer shown" })).not.toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "Parameter shown" })).not.toBeInTheDocument();
  });

  it("keeps a picker that serves a shown panel", async () => {
    await renderWithPanels(["state"]);
    expect(screen.getAllByRole("img", { name: /Hidden state h, layer 1/ }).length).toBeGreaterThan(0);
    expect(screen.getByRole("combobox", { name: "Layer shown" })).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: /Training loss/ })).not.toBeInTheDocument();
  });
});

describe("the stores keep a locked value", () => {
  it("the sine playground refuses to change it, by setting or by remedy", () => {
    const workers = fakeWorkers();
    const store = createSineStore({ settings: SMALL, createWorker: workers.createWorker, locked: { lr: 0.05 }, storage: null });
    expect(store.getState().settings.lr).toBe(0.05);
    store.getState().setSetting("lr", "0.5");
    expect(store.getState().settings.lr).toBe(0.05);
    expect(english(store.getState().fieldErrors.lr)).toBe("Learning rate is set by your course (locked) at 0.05; it cannot be changed here.");
    store.getState().applyRemedy("halveLearningRate");
    expect(store.getState().settings.lr).toBe(0.05);
    expect(english(store.getState().error)).toMatch(/would change learning rate, which your course has locked/);
    store.getState().setSetting("hidden", "12");
    expect(store.getState().settings.hidden).toBe(12);
    store.getState().dispose();
  });

  it("the character lab refuses another text and a change of a locked setting", async () => {
    const text = normalizeText(readFileSync(join(__dirname, "../../public/corpora/shakespeare.txt"), "utf8"));
    const settings: CharSettings = { ...defaults(CHAR_SCHEMA), hidden: 12, batch: 4, bptt: 16 };
    const store = createCharStore({
      settings, createWorker: inProcessCharWorker, fetchText: () => Promise.resolve(text), storage: null, locked: { corpus: "shakespeare", cell: "lstm" },
    });
    await store.getState().start();
    store.getState().useText("some other text to learn, long enough? ".repeat(200), "Pasted text");
    expect(store.getState().settings.corpus).toBe("shakespeare");
    expect(english(store.getState().textError)).toBe("Text is set by your course (locked) at shakespeare; it cannot be changed here.");
    store.getState().setSetting("cell", "gru");
    expect(store.getState().settings.cell).toBe("lstm");
    expect(english(store.getState().fieldErrors.cell)).toMatch(/locked/);
    store.getState().dispose();
  });
});

describe("sharing from the site", () => {
  it("Embed opens a dialog whose HTML follows the chosen locks and panels; Tab stays in it and Escape closes it", async () => {
    const user = userEvent.setup();
    openAt("#/playground/sine?hidden=16");
    const embedButton = await screen.findByRole("button", { name: "Embed" }, WAIT);
    await user.click(embedButton);
    const dialog = screen.getByRole("dialog", { name: "Embed the sine playground" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    const html = () => within(dialog).getByRole<HTMLTextAreaElement>("textbox", { name: "HTML to paste" }).value;
    expect(html()).toMatch(/^<iframe src="http:\/\/[^"]+#\/playground\/sine\?embed=1&amp;hidden=16" title="Sine playground · RNN Notebook" loading="lazy" style="width: 100%;/);
    expect(html()).toContain("rnn-notebook:resize");

    await user.click(within(dialog).getByRole("checkbox", { name: "Learning rate (0.01)" }));
    await user.click(within(dialog).getByRole("checkbox", { name: /^Gate activations/ }));
    expect(html()).toContain("embed=1&amp;hidden=16&amp;lr=0.01&amp;lock=lr&amp;panels=series,baselines,loss,state,gradients,weights");

    for (const box of within(within(dialog).getByRole("group", { name: "Panels to show" })).getAllByRole("checkbox")) {
      if ((box as HTMLInputElement).checked) await user.click(box);
    }
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Choose at least one panel");
    expect(within(dialog).getByRole("button", { name: "Copy HTML" })).toBeDisabled();
    await user.click(within(dialog).getByRole("checkbox", { name: /^Training and validation loss/ }));
    expect(within(dialog).getByRole("button", { name: "Copy HTML" })).toBeEnabled();

    await user.click(within(dialog).getByRole("button", { name: "Copy HTML" }));
    expect(await navigator.clipboard.readText()).toBe(html());
    expect(within(dialog).getByRole("status")).toHaveTextContent("Copied. Paste it into your course page.");

    // Tab from the last control comes back to the first, and Shift+Tab the other way.
    const last = within(dialog).getByRole("link", { name: "Embedding a widget in your course" });
    const first = within(dialog).getByRole("button", { name: "Lock all" });
    act(() => {
      last.focus();
    });
    await user.tab();
    expect(first).toHaveFocus();
    await user.tab({ shift: true });
    expect(last).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(embedButton).toHaveFocus();
  });

  it("selects the HTML for Ctrl+C where the browser will not copy", async () => {
    const user = userEvent.setup();
    openAt("#/playground/sine");
    await user.click(await screen.findByRole("button", { name: "Embed" }, WAIT));
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new DOMException("Write permission denied.", "NotAllowedError"));
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Copy HTML" }));
    const snippet = within(dialog).getByRole<HTMLTextAreaElement>("textbox", { name: "HTML to paste" });
    await waitFor(() => {
      expect(snippet).toHaveFocus();
    });
    expect([snippet.selectionStart, snippet.selectionEnd]).toEqual([0, snippet.value.length]);
    expect(within(dialog).getByRole("status")).toHaveTextContent("press Ctrl+C");
  });

  it("Copy link copies the page's address, settings included, or shows it selected", async () => {
    const user = userEvent.setup();
    openAt("#/playground/sine?hidden=16&cell=gru");
    await user.click(await screen.findByRole("button", { name: "Copy link" }, WAIT));
    expect(await navigator.clipboard.readText()).toBe(window.location.href);
    expect(window.location.href).toMatch(/#\/playground\/sine\?hidden=16&cell=gru$/);
    expect(screen.getByText("Link copied: it opens this widget with its current settings.")).toBeInTheDocument();

    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    const field = await screen.findByRole("textbox", { name: "Link to this widget with its current settings" });
    expect(field).toHaveValue(window.location.href);
    await waitFor(() => {
      expect(field).toHaveFocus();
    });
  });

  it("links the authors' guide from the footer and the home page; the guide embeds a live playground", async () => {
    openAt("#/");
    expect(within(screen.getByRole("contentinfo")).getByRole("link", { name: "For teachers: embed these widgets in your course" })).toHaveAttribute("href", "#/embed");
    expect(within(screen.getByRole("main")).getByRole("link", { name: "Embedding a widget in your course" })).toHaveAttribute("href", "#/embed");

    act(() => {
      window.location.hash = "#/embed";
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Embedding a widget in your course" }, WAIT)).toBeInTheDocument();
    const frame = screen.getByTitle("Sine playground (embedded example) · RNN Notebook");
    expect(frame.getAttribute("src")).toMatch(/#\/playground\/sine\?embed=1&lr=0\.01&lock=lr&panels=series,loss/);
    expect(screen.getByRole("table", { name: "Panels of the sine playground (ids for panels=)" })).toHaveTextContent(/series.*loss.*state.*gates.*gradients.*weights/);
    expect(document.title).toBe("Embedding a widget in your course · RNN Notebook");
  });
});
