// @vitest-environment jsdom
// test/components/seriesPlayground.test.tsx: the playground on a real series: the data choice, fetched on demand,
// the split and normalisation shown, the Baselines table updating as the network trains, a failed fetch refused.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaults } from "../../src/store/schema";
import { SINE_SCHEMA, type SineSettings } from "../../src/store/sineSettings";
import { SinePlayground } from "../../src/widgets/sine/SinePlayground";
import { fakeWorkers } from "./workers";

const SMALL: Partial<SineSettings> = { hidden: 6, seqLength: 14, batch: 8 };
const WAIT = { timeout: 60_000, interval: 20 };

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

/** Reads public/<path> from the disk, and records what was asked for. */
function diskFetch(asked: string[]) {
  return (path: string): Promise<string> => {
    asked.push(path);
    return Promise.resolve(readFileSync(join("public", path), "utf8"));
  };
}

function renderPlayground(patch: Partial<SineSettings>, fetchText: (path: string) => Promise<string>) {
  const workers = fakeWorkers();
  const user = userEvent.setup();
  render(<SinePlayground settings={{ ...defaults(SINE_SCHEMA), ...SMALL, ...patch }} createWorker={workers.createWorker} storage={null} fetchText={fetchText} />);
  return { user };
}

const baselines = () => screen.findByRole("table", { name: /^Baselines: test error one step ahead, on the same [\d,]+ test windows$/ }, WAIT);
/** The cells of the table's row whose header matches `name`. */
function rowOf(table: HTMLElement, name: RegExp): string[] {
  const row = within(table).getByRole("rowheader", { name }).closest("tr")!;
  return within(row).getAllByRole("cell").map((c) => c.textContent ?? "");
}

describe("series playground", () => {
  it("fetches births only when chosen, shows the split and the Baselines table, and updates the RNN's row as it trains", async () => {
    const asked: string[] = [];
    const { user } = renderPlayground({}, diskFetch(asked));
    await waitFor(() => {
      expect(screen.getByRole("status")).toHaveTextContent(/^Step 0 /);
    }, WAIT);
    expect(asked).toEqual([]);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: "Data set" }), "US births per day, 1969–1988");
    const table = await baselines();
    expect(asked).toEqual(["data/births-1969-1988.csv"]);
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Model", "MAE", "RMSE", "MASE"]);
    // The fixed baselines are scored at once; their MASE is what docs/data.md measured for them.
    const persistence = rowOf(table, /^Persistence/);
    const seasonal = rowOf(table, /^Seasonal naive: the value 7 steps before/);
    expect(Number(persistence[2])).toBeGreaterThan(3);
    expect(Number(seasonal[2].split(" ")[0])).toBeGreaterThan(1);
    expect(Number(seasonal[2].split(" ")[0])).toBeLessThan(Number(persistence[2]));
    within(table).getByRole("rowheader", { name: /^AR\(14\), least squares$/ });
    within(table).getByRole("rowheader", { name: /^Dense network on the last 14 values \(trains while you train\)$/ });
    within(table).getByRole("rowheader", { name: "RNN (this network, step 0)" });

    // The split, and the normalisation from the training range.
    expect(screen.getByRole("img", { name: /^7,305 values: training 1–\d[\d,]*, validation [\d,]+–[\d,]+, test [\d,]+–7,305\.$/ })).toBeInTheDocument();
    expect(screen.getByText(/standardised with the training range only \(mean [\d,]+, standard deviation [\d,]+\)/)).toBeInTheDocument();
    // The sines' own settings do nothing here.
    expect(screen.getByRole("textbox", { name: "Number of sines" })).toBeDisabled();

    const before = rowOf(table, /^RNN/)[0];
    await user.click(screen.getByRole("button", { name: "Step" }));
    await waitFor(() => {
      within(table).getByRole("rowheader", { name: "RNN (this network, step 1)" });
    }, WAIT);
    expect(rowOf(table, /^RNN/)[0]).not.toBe(before);
  });

  it("says why nothing beats persistence on the random walk, which needs no fetch", async () => {
    const asked: string[] = [];
    renderPlayground({ data: "randomwalk" }, diskFetch(asked));
    const table = await baselines();
    expect(asked).toEqual([]);
    within(table).getByRole("rowheader", { name: "Seasonal naive (no season: = persistence)" });
    expect(screen.getByText(/^Why nothing beats persistence here: each day's change/)).toBeInTheDocument();
  });

  it("refuses a series that cannot be fetched and keeps the current data", async () => {
    const { user } = renderPlayground({}, () => Promise.reject(new Error("HTTP 404 for data/sensor-temperature.csv")));
    await waitFor(() => {
      expect(screen.getByRole("status")).toHaveTextContent(/^Step 0 /);
    }, WAIT);
    const select = screen.getByRole("combobox", { name: "Data set" });
    await user.selectOptions(select, "Outdoor temperature every 5 s (sensor network)");
    await waitFor(() => {
      expect(select).toHaveAccessibleDescription(/could not be loaded \(HTTP 404 for data\/sensor-temperature\.csv\)\. The current data is kept\./);
    }, WAIT);
    expect(select).toHaveValue("sines");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("says that a pasted series is not in the link", async () => {
    renderPlayground({}, diskFetch([]));
    expect(await screen.findByText(/^Your own series is not in the link/, {}, WAIT)).toBeInTheDocument();
  });
});
