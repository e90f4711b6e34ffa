// @vitest-environment jsdom
// test/components/remedy.test.tsx: a run that goes wrong in the sine playground: one remedy click is enough after a
// divergence (lr = 100), the alert and the status line agree on the step, and a run that does not learn is named.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaults } from "../../src/store/schema";
import { SINE_SCHEMA, type SineSettings } from "../../src/store/sineSettings";
import { notLearning } from "../../src/store/kit/remedy";
import { SinePlayground } from "../../src/widgets/sine/SinePlayground";
import { fakeWorkers } from "./workers";

const WAIT = { timeout: 60_000, interval: 10 };
const SMALL: Partial<SineSettings> = { hidden: 8, seqLength: 20, batch: 8 };

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

const stepOf = (text: string | null): number => Number(/^Step ([\d,]+)/.exec(text ?? "")?.[1].replace(/,/g, "") ?? NaN);

describe("remedies", () => {
  it("lr = 100: one click on the learning rate known to work, and training goes on and learns", async () => {
    const workers = fakeWorkers();
    const user = userEvent.setup();
    render(<SinePlayground settings={{ ...defaults(SINE_SCHEMA), ...SMALL, lr: 100 }} createWorker={workers.createWorker} storage={null} />);
    const train = screen.getByRole("button", { name: "Train" });
    await waitFor(() => { expect(train).toBeEnabled(); }, WAIT);
    await user.click(train);
    const alert = await screen.findByRole("alert", {}, WAIT);
    // The alert says where the run is back at, and the status line shows that very step.
    const back = /so the run is back at step ([\d,]+)/.exec(alert.textContent ?? "");
    expect(back).not.toBeNull();
    expect(stepOf(screen.getByRole("status").textContent)).toBe(Number(back![1].replace(/,/g, "")));
    expect(screen.getByRole("status")).toHaveTextContent(/stopped: diverged$/);
    await user.click(within(alert).getByRole("button", { name: "Use learning rate 0.01 and continue" }));
    expect(screen.getByLabelText("Learning rate")).toHaveValue("0.01");
    // Training goes on past step 60 with no new alert, and the loss falls below the first loss.
    await waitFor(() => { expect(stepOf(screen.getByRole("status").textContent)).toBeGreaterThan(60); }, WAIT);
    expect(screen.queryByRole("alert")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Pause" }));
    await waitFor(() => { expect(screen.getByRole("status")).toHaveTextContent(/paused$/); }, WAIT);
    const loss = Number(/ · loss (\S+)/.exec(screen.getByRole("status").textContent ?? "")?.[1]);
    expect(loss).toBeLessThan(0.3);
  });
});

describe("notLearning", () => {
  const steps = (n: number) => Float64Array.from({ length: n }, (_, i) => i + 1);
  it("names a saturated run (loss far above the start) and a stuck one (0.45 against 0.47)", () => {
    const saturated = Float64Array.from(steps(400), (s) => (s < 5 ? 0.47 : 4 + Math.sin(s)));
    expect(notLearning(steps(400), saturated)).toMatchObject({ startLoss: 0.47, step: 400 });
    const stuck = Float64Array.from(steps(400), (s) => 0.47 - (0.02 * s) / 400);
    expect(notLearning(steps(400), stuck)).not.toBeNull();
  });
  it("leaves a learning run alone, and says nothing before 300 steps", () => {
    const learning = Float64Array.from(steps(400), (s) => 0.47 * Math.exp(-s / 50));
    expect(notLearning(steps(400), learning)).toBeNull();
    const flat = new Float64Array(200).fill(0.47);
    expect(notLearning(steps(200), flat)).toBeNull();
  });
});
