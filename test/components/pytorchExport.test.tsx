// @vitest-environment jsdom
// test/components/pytorchExport.test.tsx: "Export to PyTorch" in every training widget: the button asks the widget's
// (real, in-process) worker for the file, and the file downloaded holds the weights the run stands at now, with the
// step numbers going on from the browser's. (test/pytorch/export.test.ts runs such files with real PyTorch.)
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { defaults } from "../../src/store/schema";
import { SINE_SCHEMA, type SineSettings } from "../../src/store/sineSettings";
import { SinePlayground } from "../../src/widgets/sine/SinePlayground";
import { SineStoreProvider, useSine } from "../../src/widgets/sine/SineStoreProvider";
import { PytorchExport as SineExport } from "../../src/widgets/sine/PytorchExport";
import { RunBar } from "../../src/widgets/sine/RunBar";
import { DownloadContext } from "../../src/widgets/kit/download";
import { fakeWorkers } from "./workers";

const WAIT = { timeout: 30_000, interval: 10 };
const SMALL: Partial<SineSettings> = { hidden: 5, seqLength: 12, batch: 4, layers: 1 };

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

/** The weights a file loads into its model: name → float64 values (decoded from the file's base64). */
function weightsOf(file: string): Map<string, Float64Array> {
  const block = /model\.load_state_dict\(\{\n([\s\S]*?)\n\}, strict=True\)/.exec(file);
  expect(block).not.toBeNull();
  const out = new Map<string, Float64Array>();
  for (const m of block![1].matchAll(/"([\w.]+)": floats\("([A-Za-z0-9+/=]*)"\)/g)) {
    const bytes = Buffer.from(m[2], "base64");
    out.set(m[1], new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
  }
  return out;
}

function Probe({ onState }: { onState: (s: { step: number; params: { name: string; value: Float64Array }[] }) => void }) {
  const snap = useSine((s) => s.snapshot);
  if (snap) onState({ step: snap.step, params: snap.params });
  return null;
}

describe("Export to PyTorch", () => {
  it("sine playground: the downloaded file holds the current weights and goes on from the current step", async () => {
    const downloads: { name: string; text: string }[] = [];
    const workers = fakeWorkers();
    let latest = { step: -1, params: [] as { name: string; value: Float64Array }[] };
    const wrap = (children: ReactNode) => (
      <DownloadContext.Provider value={(name, text) => { downloads.push({ name, text }); }}>{children}</DownloadContext.Provider>
    );
    const user = userEvent.setup();
    render(wrap(
      <SineStoreProvider settings={{ ...defaults(SINE_SCHEMA), ...SMALL, cell: "gru", optimizer: "adam" }} createWorker={workers.createWorker} storage={null}>
        <RunBar />
        <SineExport />
        <Probe onState={(s) => { latest = s; }} />
      </SineStoreProvider>,
    ));
    const step = screen.getByRole("button", { name: "Step" });
    await waitFor(() => { expect(step).toBeEnabled(); }, WAIT);
    for (let k = 1; k <= 3; k++) {
      await user.click(step);
      await waitFor(() => { expect(latest.step).toBe(k); }, WAIT);
    }
    await user.click(screen.getByRole("button", { name: "Export to PyTorch" }));
    await waitFor(() => { expect(downloads).toHaveLength(1); }, WAIT);
    const { name, text } = downloads[0];
    expect(name).toBe("sine-gru-step3.py");
    expect(screen.getByText(/^Saved sine-gru-step3\.py\. Run it with python3 sine-gru-step3\.py/)).toBeInTheDocument();
    // The model class, torch.optim with the page's settings, and the step numbers going on from step 3.
    expect(text).toContain("self.rnn = torch.nn.GRU(1, 5, 1)");
    expect(text).toMatch(/optimizer = torch\.optim\.Adam\(model\.parameters\(\), lr=0\.01\b/);
    expect(text).toContain("OPTIMIZER_STEPS = 3");
    expect(text).toMatch(/train\(args\.steps, 3\)/);
    const weights = weightsOf(text);
    expect([...weights.keys()]).toEqual(latest.params.map((p) => p.name));
    for (const p of latest.params) expect(Array.from(weights.get(p.name)!)).toEqual(Array.from(p.value));
    // Training goes on after an export, and the next export has the newer weights.
    await user.click(step);
    await waitFor(() => { expect(latest.step).toBe(4); }, WAIT);
    await user.click(screen.getByRole("button", { name: "Export to PyTorch" }));
    await waitFor(() => { expect(downloads).toHaveLength(2); }, WAIT);
    const again = weightsOf(downloads[1].text);
    for (const p of latest.params) expect(Array.from(again.get(p.name)!)).toEqual(Array.from(p.value));
    expect(Array.from(again.get("rnn.weight_hh_l0")!)).not.toEqual(Array.from(weights.get("rnn.weight_hh_l0")!));
  });

  it("the sine playground itself has the button, usable before any training (step 0)", async () => {
    const downloads: string[] = [];
    const workers = fakeWorkers();
    render(
      <DownloadContext.Provider value={(name) => { downloads.push(name); }}>
        <SinePlayground settings={{ ...defaults(SINE_SCHEMA), ...SMALL }} createWorker={workers.createWorker} storage={null} />
      </DownloadContext.Provider>,
    );
    const button = screen.getByRole("button", { name: "Export to PyTorch" });
    await waitFor(() => { expect(button).toBeEnabled(); }, WAIT);
    act(() => { button.click(); });
    await waitFor(() => { expect(downloads).toEqual(["sine-lstm-step0.py"]); }, WAIT);
  });
});
