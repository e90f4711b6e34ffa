// @vitest-environment jsdom
// test/components/charLab.test.tsx: the character lab as the learner meets it: status, Train/Pause, samples, Generate.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/data/text";
import { defaults } from "../../src/store/schema";
import { CHAR_SCHEMA, type CharSettings } from "../../src/store/charSettings";
import { CharLab } from "../../src/widgets/chars/CharLab";
import { inProcessCharWorker } from "./workers";

const SHAKESPEARE = normalizeText(readFileSync(join(__dirname, "../../public/corpora/shakespeare.txt"), "utf8"));
const SMALL: CharSettings = { ...defaults(CHAR_SCHEMA), hidden: 12, batch: 4, bptt: 16, sampleLength: 30 };
const WAIT = { timeout: 15_000 };

function renderLab() {
  return render(
    <CharLab settings={SMALL} createWorker={inProcessCharWorker} fetchText={() => Promise.resolve(SHAKESPEARE)} storage={null} download={() => undefined} />,
  );
}

describe("CharLab", () => {
  it("trains on Train, shows the step and loss in its status, and pauses on Pause", async () => {
    const user = userEvent.setup();
    renderLab();
    const status = screen.getByRole("status");
    expect(await within(status).findByText(/^Step 0 · validation \d\.\d\d bits\/char · ready to train$/, {}, WAIT)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Train" }));
    expect(await within(status).findByText(/^Step [1-9][\d,]* · loss \d\.\d\d bits\/char · validation .* tokens\/s/, {}, WAIT)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Pause" }));
    expect(await within(status).findByText(/· paused$/, {}, WAIT)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Train" })).toBeEnabled();
  });

  it("writes a live sample, and Generate shows each step's candidates", async () => {
    const user = userEvent.setup();
    renderLab();
    const live = screen.getByRole("region", { name: "Latest sample" });
    expect(await within(live).findByText(/Written by the weights of step 0, temperature 0\.80, seed 1/, {}, WAIT)).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Generate" }, WAIT));
    const generated = await screen.findByRole("region", { name: "Generated text" }, WAIT);
    expect(within(generated).getByText(/^30 characters at temperature 0\.80/)).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /^Step 1 of 30: after “↵”, the next character: (.+ \d+\.\d%, ){4}.+ \d+\.\d%/ })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next character" }));
    expect(screen.getByRole("img", { name: /^Step 2 of 30/ })).toBeInTheDocument();
  });

  it("says why a pasted text is refused", async () => {
    const user = userEvent.setup();
    renderLab();
    await screen.findByText(/ready to train/, {}, WAIT);
    await user.click(screen.getByText("Use your own text"));
    await user.type(screen.getByLabelText("Paste text"), "aaaa");
    await user.click(screen.getByRole("button", { name: "Train on the pasted text" }));
    expect(screen.getByRole("alert")).toHaveTextContent(/single distinct character \("a"\).*The current text is kept\./);
  });

  it("lists the units most correlated with each simple feature", async () => {
    renderLab();
    const table = await screen.findByRole("table", { name: /Units that follow simple features/ }, WAIT);
    for (const feature of ["inside quotes", "position in line", "after a space", "punctuation"]) {
      expect(within(table).getByRole("rowheader", { name: new RegExp(`^${feature}`) })).toBeInTheDocument();
    }
    expect(within(table).getAllByRole("button", { name: /^unit \d+: r = −?-?\d\.\d\d$/ }).length).toBeGreaterThan(5);
  });
});
