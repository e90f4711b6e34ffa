// @vitest-environment jsdom
// test/components/sinePlayground.test.tsx: the sine playground as a learner uses it: controls that refuse bad values,
// the status line, Train/Pause/Step/Reset and their keys, the divergence panel, the own-series section, the URL.
import { act, render, screen, within, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { defaults } from "../../src/store/schema";
import { SINE_SCHEMA, type SineSettings } from "../../src/store/sineSettings";
import { SineStoreProvider, useSine } from "../../src/widgets/sine/SineStoreProvider";
import { SinePlayground } from "../../src/widgets/sine/SinePlayground";
import { readSineUrl, sineHash } from "../../src/store/sineUrl";
import { App } from "../../src/app/App";
import { createFakeWorker, fakeWorkers } from "./workers";

const SMALL: Partial<SineSettings> = { hidden: 8, seqLength: 20, batch: 8 };
const WAIT = { timeout: 30_000, interval: 10 };

// jsdom has no canvas; the heatmaps draw nothing and say so in their names and tables.
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

function renderPlayground(patch: Partial<SineSettings> = {}, extra: { urlWarnings?: string[] } = {}) {
  const workers = fakeWorkers();
  const user = userEvent.setup();
  const view = render(<SinePlayground settings={{ ...defaults(SINE_SCHEMA), ...SMALL, ...patch }} createWorker={workers.createWorker} {...extra} />);
  return { user, workers, view };
}

const status = () => screen.getByRole("status");
/** The step count the status line shows, or −1 before the first snapshot. */
function shownStep(): number {
  const m = /^Step ([\d,]+)/.exec(status().textContent ?? "");
  return m ? Number(m[1].replace(/,/g, "")) : -1;
}

async function ready() {
  await waitFor(() => {
    expect(status()).toHaveTextContent(/^Step 0 · validation loss \S+ · press Train or Step to start$/);
  }, WAIT);
}

describe("sine playground", () => {
  it("labels every setting, grouped as Data, Model and Training", async () => {
    renderPlayground();
    await ready();
    const groups = { Data: ["Number of sines", "Sequence length", "Prediction horizon k", "Validation fraction"], Model: ["Cell", "Hidden size", "Layers", "Initialiser"], Training: ["Optimiser", "Learning rate", "Batch size", "Gradient clipping", "Clipping max norm", "Seed"] };
    for (const [group, labels] of Object.entries(groups)) {
      const box = screen.getByRole("group", { name: group });
      for (const label of labels) expect(within(box).getByLabelText(label)).toBeInTheDocument();
    }
    for (const spec of Object.values(SINE_SCHEMA)) expect(screen.getByLabelText(spec.label)).toBeInTheDocument();
  });

  it("trains on Train (which becomes Pause), stops on Pause, and Step advances exactly one step", async () => {
    const { user } = renderPlayground();
    await ready();
    await user.click(screen.getByRole("button", { name: "Train" }));
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Step" })).toBeDisabled();
    await waitFor(() => {
      expect(status()).toHaveTextContent(/^Step [\d,]+ · loss \S+ · validation loss \S+ · [\d,]+ tokens\/s$/);
    }, WAIT);
    await user.click(screen.getByRole("button", { name: "Pause" }));
    await waitFor(() => {
      expect(status()).toHaveTextContent(/ · paused$/);
    }, WAIT);
    const paused = shownStep();
    expect(paused).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "Step" }));
    await waitFor(() => {
      expect(shownStep()).not.toBe(paused);
    }, WAIT);
    expect(shownStep()).toBe(paused + 1);
    await user.click(screen.getByRole("button", { name: "Reset" }));
    await waitFor(() => {
      expect(shownStep()).toBe(0);
    }, WAIT);
  });

  it("refuses bad values next to the control and keeps the previous one", async () => {
    const { user } = renderPlayground();
    await ready();
    const hidden = screen.getByRole("textbox", { name: "Hidden size" });
    await user.clear(hidden);
    await user.type(hidden, "0{Enter}");
    expect(hidden).toHaveAttribute("aria-invalid", "true");
    expect(hidden).toHaveAccessibleDescription("Hidden size must be a whole number from 1 to 256, not 0. Still using 8.");
    expect(hidden).toHaveValue("0");

    const lr = screen.getByRole("textbox", { name: "Learning rate" });
    await user.clear(lr);
    await user.type(lr, "-1{Enter}");
    expect(lr).toHaveAccessibleDescription("Learning rate must be a number above 0 and up to 100, not -1. Still using 0.01.");

    const horizon = screen.getByRole("textbox", { name: "Prediction horizon k" });
    await user.clear(horizon);
    await user.type(horizon, "30");
    await user.tab(); // blur commits too
    expect(horizon).toHaveAccessibleDescription("The horizon (30) must be shorter than the sequence length (20). Still using 1.");

    // Escape gives the value in force back and clears the message.
    await user.click(horizon);
    await user.keyboard("{Escape}");
    expect(horizon).toHaveValue("1");
    expect(horizon).not.toHaveAttribute("aria-invalid");

    // A good value is taken: the message goes, and a model setting starts a new network.
    await user.clear(hidden);
    await user.type(hidden, "6{Enter}");
    expect(hidden).not.toHaveAttribute("aria-invalid");
    expect(hidden).toHaveValue("6");
    await user.selectOptions(screen.getByRole("combobox", { name: "Cell" }), "GRU");
    expect(screen.getByRole("combobox", { name: "Cell" })).toHaveValue("gru");
    expect(await screen.findByRole("img", { name: /r, reset gate/ }, WAIT)).toBeInTheDocument();
  });

  it("Space toggles training and → steps when the focus is in the widget, but not while typing", async () => {
    const { user } = renderPlayground();
    await ready();
    await user.click(status()); // focus lands in the widget, on no control
    await user.keyboard(" ");
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();
    await waitFor(() => {
      expect(shownStep()).toBeGreaterThan(3);
    }, WAIT);
    await user.keyboard(" ");
    await waitFor(() => {
      expect(status()).toHaveTextContent(/ · paused$/);
    }, WAIT);
    const paused = shownStep();
    await user.keyboard("{ArrowRight}");
    await waitFor(() => {
      expect(shownStep()).toBe(paused + 1);
    }, WAIT);

    const seed = screen.getByRole("textbox", { name: "Seed" });
    await user.click(seed);
    await user.keyboard(" {ArrowRight}");
    expect(screen.getByRole("button", { name: "Train" })).toBeInTheDocument();
    expect(seed).toHaveValue("1 ");
    expect(shownStep()).toBe(paused + 1);
  });

  it("explains a divergence in words, keeps the weights and resumes with a remedy", async () => {
    const { user } = renderPlayground({ hidden: 24, seqLength: 50, batch: 16, optimizer: "sgd", lr: 10, clip: false });
    await waitFor(() => {
      expect(shownStep()).toBe(0);
    }, WAIT);
    await user.click(screen.getByRole("button", { name: "Train" }));
    const alert = await screen.findByRole("alert", {}, WAIT);
    const said = /^Training stopped at step (\d+): the loss blew up, thousands of times above where it started\. The weights from step (\d+) \(loss \S+\) are kept, so the run is back at step \2\./.exec(alert.textContent);
    expect(said).not.toBeNull();
    const [failed, kept] = [Number(said![1]), Number(said![2])];
    expect(kept).toBeLessThan(failed);
    expect(alert).toHaveTextContent(/The learning rate is 10 \(SGD\) and gradient clipping is off\./);
    // The run is back at the kept step: the status shows it, not the failed one.
    expect(status()).toHaveTextContent(new RegExp(`^Step ${kept} · loss \\S+ · validation loss \\S+ · stopped: diverged$`));
    await user.click(within(alert).getByRole("button", { name: "Turn on clipping and continue" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Gradient clipping" })).toBeChecked();
    await waitFor(() => {
      expect(shownStep()).toBeGreaterThan(20);
    }, WAIT);
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();
  });

  it("halving the learning rate is the other remedy", async () => {
    const { user } = renderPlayground({ hidden: 24, seqLength: 50, batch: 16, optimizer: "sgd", lr: 10, clip: false });
    await waitFor(() => {
      expect(shownStep()).toBe(0);
    }, WAIT);
    await user.click(screen.getByRole("button", { name: "Train" }));
    const alert = await screen.findByRole("alert", {}, WAIT);
    await user.click(within(alert).getByRole("button", { name: "Halve the learning rate and continue" }));
    expect(screen.getByRole("textbox", { name: "Learning rate" })).toHaveValue("5");
  });

  it("takes a pasted series, shows its statistics, refuses a bad one and goes back to sines", async () => {
    const { user } = renderPlayground();
    await ready();
    const box = screen.getByRole("textbox", { name: "CSV to use" });
    await user.click(box);
    await user.paste("1\n2\nabc\n4");
    await user.click(screen.getByRole("button", { name: "Use this series" }));
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveAccessibleDescription(/^Line 3: "abc" is not a number\. .* The current data is kept\.$/);
    expect(screen.queryByRole("button", { name: "Back to sine waves" })).not.toBeInTheDocument();

    await user.clear(box);
    await user.paste(`level\n${Array.from({ length: 200 }, (_, t) => (50 + 2 * Math.sin(t / 3)).toFixed(3)).join("\n")}`);
    await user.click(screen.getByRole("button", { name: "Use this series" }));
    expect(box).not.toHaveAttribute("aria-invalid");
    expect(await screen.findByText(/^Training on column “level”: 200 values, mean 50(\.\d+)?, std 1\.4\d*\./, {}, WAIT)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Number of sines" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Back to sine waves" }));
    expect(screen.queryByText(/^Training on/)).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Number of sines" })).toBeEnabled();
  });

  it("reads an uploaded .csv file", async () => {
    const { user } = renderPlayground();
    await ready();
    const csv = Array.from({ length: 150 }, (_, t) => String(Math.cos(t / 5))).join("\n");
    await user.upload(screen.getByLabelText("Upload a .csv file"), new File([csv], "waves.csv", { type: "text/csv" }));
    expect(await screen.findByText(/^Training on waves\.csv: 150 values/, {}, WAIT)).toBeInTheDocument();
  });

  it("draws every chart from the snapshot, with hover shared between them", async () => {
    const { user } = renderPlayground({ cell: "lstm", layers: 2 });
    await ready();
    expect(screen.getByRole("img", { name: /Training loss/ })).toBeInTheDocument();
    expect(screen.getAllByRole("img", { name: /Hidden state h, layer 1/ }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("img", { name: /Cell state c, layer 1/ }).length).toBeGreaterThan(0);
    expect(screen.getByRole("img", { name: /f, forget gate/ })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /‖∂L\/∂c_t‖/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Layer shown" }), "Layer 2");
    expect(screen.getAllByRole("img", { name: /Hidden state h, layer 2/ }).length).toBeGreaterThan(0);
    await user.selectOptions(screen.getByRole("combobox", { name: "Parameter shown" }), "W_ih, layer 2 (rnn.weight_ih_l1, 32 × 8)");
    expect(screen.getAllByRole("img", { name: /W_ih, layer 2/ }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("img", { name: /∂L\/∂W_ih, layer 2/ }).length).toBeGreaterThan(0);

    // → on a focused chart moves the shared hover (and is not taken as Step): every time chart shows t = 0.
    const heatmap = screen.getAllByRole("img", { name: /Hidden state h, layer 2/ })[0];
    act(() => {
      heatmap.focus();
    });
    await user.keyboard("{ArrowRight}");
    expect(screen.getByText(/^t = 0 \(teacher-forced\): target \S+, prediction \S+$/)).toBeInTheDocument();
    expect(screen.getAllByText(/^t = 0: unit 0 \S+, unit 1/).length).toBeGreaterThan(1);
    expect(shownStep()).toBe(0);
  });

  it("shows the URL's ignored settings and the restart notice as alerts", async () => {
    const { workers } = renderPlayground({}, { urlWarnings: ['"bogus" is not a setting of this widget.'] });
    await ready();
    expect(screen.getByRole("alert")).toHaveTextContent(/Some settings in the link could not be used.*"bogus" is not a setting/);
    act(() => {
      workers.made[0].onerror?.(new ErrorEvent("error", { message: "out of memory", cancelable: true }));
    });
    expect(await screen.findByText(/^The training worker stopped unexpectedly \(out of memory\)\. It was restarted from step 0; press Train to continue\.$/)).toBeInTheDocument();
  });

  it("useSine outside a provider says what is missing", () => {
    function Orphan(): ReactNode {
      return useSine((s) => s.status);
    }
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => render(<Orphan />)).toThrow("The sine playground needs its provider around the widget");
  });

  it("gives each widget its own store and worker", () => {
    const a = fakeWorkers();
    const b = fakeWorkers();
    const settings = { ...defaults(SINE_SCHEMA), ...SMALL };
    function Hidden({ label }: { label: string }) {
      return <p>{`${label}: ${useSine((s) => s.settings.hidden)}`}</p>;
    }
    render(
      <>
        <SineStoreProvider settings={{ ...settings, hidden: 4 }} createWorker={a.createWorker}>
          <Hidden label="A" />
        </SineStoreProvider>
        <SineStoreProvider settings={{ ...settings, hidden: 9 }} createWorker={b.createWorker}>
          <Hidden label="B" />
        </SineStoreProvider>
      </>,
    );
    expect(screen.getByText("A: 4")).toBeInTheDocument();
    expect(screen.getByText("B: 9")).toBeInTheDocument();
    expect(a.made).toHaveLength(1);
    expect(b.made).toHaveLength(1);
  });
});

describe("sine playground URL", () => {
  it("reads settings from the hash, lists what it ignored, and writes only what differs from the defaults", () => {
    const { settings, warnings } = readSineUrl("#/playground/sine?cell=gru&hidden=32&lr=-2&bogus=1&testHooks=1");
    expect(settings).toEqual({ ...defaults(SINE_SCHEMA), cell: "gru", hidden: 32 });
    expect(warnings).toEqual(["lr=-2: Learning rate must be a number above 0 and up to 100, not -2.", '"bogus" is not a setting of this widget.']);
    expect(sineHash("#/playground/sine?testHooks=1&bogus=1", settings)).toBe("#/playground/sine?testHooks=1&cell=gru&hidden=32");
    expect(readSineUrl(sineHash("#/playground/sine", settings))).toMatchObject({ settings, warnings: [] });
  });

  it("falls back to the defaults for settings that contradict each other", () => {
    const { settings, warnings } = readSineUrl("#/playground/sine?seqLength=10&horizon=20");
    expect(settings.seqLength).toBe(50);
    expect(settings.horizon).toBe(1);
    expect(warnings).toEqual(["The horizon (20) must be shorter than the sequence length (10). Using the defaults for prediction horizon k and sequence length."]);
  });

  it("restores the configuration from the link after a reload, and keeps every accepted change in it", async () => {
    // The page starts the real Worker; here it is the in-process one.
    // `new Worker(...)` on a plain function returns the object the function returns.
    vi.stubGlobal("Worker", function Worker() {
      return createFakeWorker();
    });
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const user = userEvent.setup();
    window.history.replaceState(null, "", "#/playground/sine?cell=gru&hidden=32&bogus=1");
    const first = render(<App />);
    expect(await screen.findByRole("combobox", { name: "Cell" })).toHaveValue("gru");
    expect(screen.getByRole("textbox", { name: "Hidden size" })).toHaveValue("32");
    expect(screen.getByRole("alert")).toHaveTextContent('"bogus" is not a setting of this widget.');

    const hidden = screen.getByRole("textbox", { name: "Hidden size" });
    await user.clear(hidden);
    await user.type(hidden, "16{Enter}");
    expect(window.location.hash).toBe("#/playground/sine?cell=gru&hidden=16");
    await user.selectOptions(screen.getByRole("combobox", { name: "Optimiser" }), "SGD");
    expect(window.location.hash).toBe("#/playground/sine?cell=gru&hidden=16&optimizer=sgd");
    // A refused value leaves the link alone.
    await user.clear(hidden);
    await user.type(hidden, "0{Enter}");
    expect(window.location.hash).toBe("#/playground/sine?cell=gru&hidden=16&optimizer=sgd");

    first.unmount();
    render(<App />);
    expect(await screen.findByRole("combobox", { name: "Cell" })).toHaveValue("gru");
    expect(screen.getByRole("textbox", { name: "Hidden size" })).toHaveValue("16");
    expect(screen.getByRole("combobox", { name: "Optimiser" })).toHaveValue("sgd");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
