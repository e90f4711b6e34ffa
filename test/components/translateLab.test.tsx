// @vitest-environment jsdom
// test/components/translateLab.test.tsx: the translation lab as a learner meets it, driven by the real trainer
// in-process: run bar and status, the attention matrix and its hover, beam width, typed input and its refusals,
// a refused setting, and the link following the settings.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRANSLATE_DEFAULTS, type TranslateSettings } from "../../src/store/translateSettings";
import { TranslateLab } from "../../src/widgets/translate/TranslateLab";
import { readTranslateUrl, translateHash } from "../../src/store/translateUrl";
import { startTranslate } from "../../src/worker/translate/serve";
import { workersOf } from "./workers";

const SMALL: TranslateSettings = { ...TRANSLATE_DEFAULTS, task: "reverse", hidden: 8, embedding: 4, batch: 8 };

function renderLab(settings: TranslateSettings = SMALL) {
  const workers = workersOf(startTranslate);
  const onSettingsChange = vi.fn<(s: TranslateSettings) => void>();
  const view = render(
    <TranslateLab settings={settings} createWorker={workers.createWorker} onSettingsChange={onSettingsChange} storage={null} fetchText={() => Promise.reject(new Error("offline"))} />,
  );
  return { ...view, workers, onSettingsChange };
}

const status = () => screen.getByRole("status");

describe("TranslateLab", () => {
  it("steps, trains and pauses; draws the attention matrix and lights the row of a focused output symbol", async () => {
    const user = userEvent.setup();
    renderLab();
    await screen.findByText(/^Step 0 · loss – · press Train or Step to start$/);
    await user.click(screen.getByRole("button", { name: "Step" }));
    await screen.findByText(/^Step 1 · loss \d/);
    const region = screen.getByRole("region", { name: "Attention of the current example" });
    const matrix = within(region).getByRole("img", { name: /^Attention weights: \d+ output steps × \d+ input symbols$/ });
    expect(matrix).toBeInTheDocument();
    const first = within(region).getByRole("button", { name: /^Output step 1: / });
    await user.hover(first);
    expect(first).toHaveAttribute("aria-pressed", "true");
    expect(within(region).getByText(/^Output 1 “.+” attends most to input \d+ “.+” \(\d\.\d\d\)\.$/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Train" }));
    await user.click(await screen.findByRole("button", { name: "Pause" }));
    await screen.findByRole("button", { name: "Train" });
    await vi.waitFor(() => {
      expect(status().textContent).toMatch(/^Step [\d,]+ · loss \S+ · exact match [\d.]+% greedy, [\d.]+% beam · paused$/);
    });
    expect(screen.getByRole("table", { name: /Scores are log-probability per symbol/ })).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Additive (Bahdanau)" })).toHaveTextContent(/Exact match[\d.]+%[\d.]+%/);
    await user.click(screen.getByRole("button", { name: "Reset" }));
    await screen.findByText(/^Step 0 · /);
  });

  it("takes a new beam width without restarting, and writes it to the link", async () => {
    const user = userEvent.setup();
    const { onSettingsChange } = renderLab();
    await user.click(await screen.findByRole("button", { name: "Step" }));
    await screen.findByText(/^Step 1 · /);
    const field = screen.getByLabelText("Beam width");
    await user.clear(field);
    await user.type(field, "1{Enter}");
    expect(onSettingsChange).toHaveBeenLastCalledWith(expect.objectContaining({ beam: 1 }));
    expect(await screen.findAllByRole("columnheader", { name: "Beam (1)" })).not.toHaveLength(0);
    // Still step 1: the network was not restarted.
    expect(status().textContent).toMatch(/^Step 1 · /);
    expect(translateHash("#/lab/translate", { ...SMALL, beam: 1 })).toBe("#/lab/translate?task=reverse&embedding=4&hidden=8&beam=1&batch=8");
  });

  it("refuses typed input that is empty, outside the alphabet or too long, and decodes a good one", async () => {
    const user = userEvent.setup();
    renderLab();
    await screen.findByText(/^Step 0 · /);
    const box = screen.getByLabelText("Input to translate");
    const go = screen.getByRole("button", { name: "Translate" });
    await user.click(go);
    expect(screen.getByRole("alert")).toHaveTextContent("Type something first: the input is empty.");
    await user.type(box, "abxz");
    await user.click(go);
    expect(screen.getByRole("alert")).toHaveTextContent('The model has never seen "x" "z". Use only these characters: a–j.');
    await user.clear(box);
    await user.type(box, "a".repeat(15));
    await user.click(go);
    expect(screen.getByRole("alert")).toHaveTextContent("The input has 15 characters; the model reads at most 14.");
    await user.clear(box);
    await user.type(box, "abc");
    await user.click(go);
    await screen.findByText(/^Greedy: [a-j]* · best beam: [a-j]*$/);
  });

  it("refuses a bad value beside its control and keeps the one in force; reads bad links with a warning", async () => {
    const user = userEvent.setup();
    const { onSettingsChange } = renderLab();
    await screen.findByText(/^Step 0 · /);
    const field = screen.getByLabelText("Hidden size");
    await user.clear(field);
    await user.type(field, "0{Enter}");
    expect(screen.getByText("Hidden size must be a whole number from 2 to 256, not 0. Still using 8.")).toBeInTheDocument();
    expect(onSettingsChange).not.toHaveBeenCalled();
    const read = readTranslateUrl("#/lab/translate?task=klingon&beam=3&nonsense=1");
    expect(read.settings.task).toBe("dates");
    expect(read.warnings).toHaveLength(2);
  });

  it("says why the pronunciation task cannot start when its dictionary does not load", async () => {
    renderLab({ ...SMALL, task: "cmudict" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not load data/cmudict.tsv (offline).");
  });
});
