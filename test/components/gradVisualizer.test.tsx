// @vitest-environment jsdom
// test/components/gradVisualizer.test.tsx: the visualizer as a learner meets it: run bar, status, presets, refusals,
// three cell panels with their charts, the summary and the explanation, all driven by the real trainer in-process.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GRAD_DEFAULTS, type GradSettings } from "../../src/store/gradSettings";
import { GradientVisualizer } from "../../src/widgets/gradients/GradientVisualizer";
import { fakeGradWorkers } from "./workers";

const SMALL: GradSettings = { ...GRAD_DEFAULTS, hidden: 8, seqLength: 12, batch: 8, classes: 3, distractors: 3 };

function renderWidget(settings: GradSettings = SMALL) {
  const workers = fakeGradWorkers();
  const onSettingsChange = vi.fn<(s: GradSettings) => void>();
  const view = render(<GradientVisualizer settings={settings} createWorker={workers.createWorker} onSettingsChange={onSettingsChange} />);
  return { ...view, workers, onSettingsChange };
}

const status = () => screen.getByRole("status");

describe("GradientVisualizer", () => {
  it("shows three cells with their charts, and Step, Train, Pause drive all three", async () => {
    const user = userEvent.setup();
    renderWidget();
    await screen.findByText(/^Step 0 · loss \S+ \(tanh-RNN\), \S+ \(LSTM\), \S+ \(GRU\) · press Train or Step to start$/);
    for (const name of ["tanh-RNN", "LSTM", "GRU"]) {
      const cell = screen.getByRole("region", { name });
      expect(within(cell).getByRole("img", { name: new RegExp(`^${name}: gradient norm per timestep over 12 timesteps`) })).toBeInTheDocument();
      expect(within(cell).getByRole("img", { name: new RegExp(`^${name}: ‖∂L/∂h_t‖ over training: 1 rows`) })).toBeInTheDocument();
      expect(within(cell).getByText(/^Accuracy [\d.]+% at step 0 \(chance 33.3%\)$/)).toBeInTheDocument();
    }
    await user.click(screen.getByRole("button", { name: "Step" }));
    await screen.findByText(/^Step 1 · loss /);
    expect(within(screen.getByRole("region", { name: "GRU" })).getByRole("img", { name: /over training: 2 rows/ })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Train" }));
    await user.click(await screen.findByRole("button", { name: "Pause" }));
    await screen.findByRole("button", { name: "Train" });
    await vi.waitFor(() => {
      expect(status().textContent).toMatch(/· paused$/);
    });
    const step = Number(/^Step ([\d,]+)/.exec(status().textContent ?? "")![1].replace(/,/g, ""));
    expect(step).toBeGreaterThan(1);
    expect(screen.getByRole("region", { name: /How much gradient reaches the first step/ }).textContent).toMatch(/tanh-RNN: ‖∂L\/∂h_0‖ \/ ‖∂L\/∂h_11‖ = /);

    await user.click(screen.getByRole("button", { name: "Reset" }));
    await screen.findByText(/^Step 0 · loss /);
  });

  it("a preset is marked as chosen, says what to expect, and goes into the link", async () => {
    const user = userEvent.setup();
    const { onSettingsChange } = renderWidget();
    await screen.findByText(/^Step 0 · loss /);
    const button = screen.getByRole("button", { name: "Exploding" });
    expect(button).toHaveAttribute("aria-pressed", "false");
    await user.click(button);
    expect(button).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText(/W_hh rescaled to spectral radius 3, plain SGD and no clipping/)).toBeInTheDocument();
    expect(onSettingsChange).toHaveBeenLastCalledWith(expect.objectContaining({ whh: "radius", whhValue: 3, clip: false }));
    // The explanation follows the new run: ρ(W_hh) = 3.
    await vi.waitFor(() => {
      expect(screen.getByRole("region", { name: "Why the gradient vanishes or explodes" }).textContent).toContain("ρ(Whh) = 3.000 ");
    });
  });

  it("refuses a bad value beside its control and keeps the one in force", async () => {
    const user = userEvent.setup();
    const { onSettingsChange } = renderWidget();
    await screen.findByText(/^Step 0 · loss /);
    const field = screen.getByLabelText("Sequence length T");
    await user.clear(field);
    await user.type(field, "5{Enter}");
    expect(screen.getByText("Sequence length T must be a whole number from 10 to 200, not 5. Still using 12.")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(onSettingsChange).not.toHaveBeenCalled();
    // The spectral-radius box is off until W_hh is to be rescaled.
    expect(screen.getByLabelText("Spectral radius or scale of W_hh")).toBeDisabled();
    await user.selectOptions(screen.getByLabelText("W_hh after initialising"), "radius");
    expect(screen.getByLabelText("Spectral radius or scale of W_hh")).toBeEnabled();
  });
});
