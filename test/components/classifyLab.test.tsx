// @vitest-environment jsdom
// test/components/classifyLab.test.tsx: the classification lab as the learner meets it: status, Train/Pause, own
// lines refused (the data kept) or used, a mistake shown in the example views, the URL settings.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { defaults } from "../../src/store/schema";
import { CLASSIFY_SCHEMA, type ClassifySettings } from "../../src/store/classifySettings";
import { ClassifyLab } from "../../src/widgets/classify/ClassifyLab";
import { classifyHash, readClassifyUrl } from "../../src/store/classifyUrl";
import { startClassify } from "../../src/worker/classify/serve";
import { workerOf } from "./workers";

// Every tenth name (both classes, all initials), so each step and evaluation is quick in jsdom.
const lines = readFileSync(join(__dirname, "../../public/data/names.tsv"), "utf8").split("\n");
const NAMES = [lines[0], ...lines.slice(1).filter((l, i) => i % 10 === 0 && l !== "")].join("\n");
const SMALL: ClassifySettings = { ...defaults(CLASSIFY_SCHEMA), hidden: 8, embed: 4, batch: 16 };
const WAIT = { timeout: 15_000 };

function renderLab() {
  return render(<ClassifyLab settings={SMALL} createWorker={() => workerOf(startClassify)} loadFile={() => Promise.resolve(NAMES)} />);
}

describe("ClassifyLab", () => {
  it("trains on Train, shows step, loss and accuracy in its status, and pauses on Pause", async () => {
    const user = userEvent.setup();
    renderLab();
    const status = screen.getByRole("status");
    expect(await within(status).findByText(/^Step 0 · validation accuracy \d+\.\d% · ready to train$/, {}, WAIT)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Train" }));
    expect(await within(status).findByText(/^Step [1-9][\d,]* · loss \d[\d.e-]* · validation accuracy \d+\.\d%/, {}, WAIT)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Pause" }));
    expect(await within(status).findByText(/· paused$/, {}, WAIT)).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Confusion matrix (validation)" })).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Examples per class" })).toHaveTextContent(/female.*male/);
  });

  it("refuses bad lines with the reason and keeps the data; good lines replace it", async () => {
    const user = userEvent.setup();
    renderLab();
    await screen.findByText(/ready to train/, {}, WAIT);
    const box = screen.getByLabelText("Your own lines (label<TAB>text)");
    fireEvent.change(box, { target: { value: "spam\tbuy now\nham without a tab" } });
    await user.click(screen.getByRole("button", { name: "Use these lines" }));
    expect(screen.getByRole("alert")).toHaveTextContent(/line 2.*The data in use is kept\./i);
    expect(screen.getByRole("table", { name: "Examples per class" })).toHaveTextContent(/female/);
    const good = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? `pos\tgood great fine ${i}` : `neg\tbad awful poor ${i}`)).join("\n");
    fireEvent.change(box, { target: { value: good } });
    await user.click(screen.getByRole("button", { name: "Use these lines" }));
    expect(screen.queryByRole("alert")).toBeNull();
    const counts = await screen.findByRole("table", { name: "Examples per class" });
    await within(counts).findByText("pos", {}, WAIT);
    expect(within(counts).getByText("neg")).toBeInTheDocument();
  });

  it("shows a mistake in the example views when its row is chosen", async () => {
    const user = userEvent.setup();
    renderLab();
    await screen.findByText(/ready to train/, {}, WAIT);
    await user.click(screen.getByRole("button", { name: "Step" }));
    const table = await screen.findByRole("table", { name: /Most confident mistakes/ }, WAIT);
    const first = within(table).getAllByRole("button")[0];
    const name = first.textContent;
    await user.click(first);
    expect(await screen.findByLabelText(/tokens, each coloured by the model's belief/, {}, WAIT)).toHaveTextContent(name);
    expect(screen.getByText(/The label is/)).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /Hidden state/ })).toBeInTheDocument();
  });

  it("reads and writes its settings in the link; own lines never go into it", () => {
    const r = readClassifyUrl("#/lab/classify?dataset=spam&tokens=word&bidir=true&hidden=9999");
    expect(r.settings.dataset).toBe("spam");
    expect(r.settings.bidir).toBe(true);
    expect(r.settings.hidden).toBe(CLASSIFY_SCHEMA.hidden.default);
    expect(r.messages.length).toBe(1);
    expect(readClassifyUrl("#/lab/classify?dataset=own").settings.dataset).toBe("names");
    expect(classifyHash("#/lab/classify?lang=zh", { ...SMALL, dataset: "own", cell: "lstm" })).toMatch(/^#\/lab\/classify\?lang=zh&.*cell=lstm/);
    expect(classifyHash("#/lab/classify", { ...SMALL, dataset: "own" })).not.toMatch(/dataset/);
  });
});
