// @vitest-environment jsdom
// test/components/translateLesson.test.tsx: lesson 9's live widgets: one decoder step with attention whose numbers
// are the engine's (checked here against the definitions), and unidirectional vs bidirectional on "label = next symbol".
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { LessonLangContext } from "../../src/lessons/LangContext";
import AttentionStep from "../../src/lessons/widgets/AttentionStep";
import BiCompare from "../../src/lessons/widgets/BiCompare";

const inLang = (lang: "en" | "zh", node: ReactNode) => render(<LessonLangContext.Provider value={lang}>{node}</LessonLangContext.Provider>);

/** The numbers of a symbol's accessible name ("α_2 = [0.1, 0.9]"). */
function valuesOf(name: RegExp): number[] {
  const label = screen.getByRole("button", { name }).getAttribute("aria-label") ?? "";
  const list = label.slice(label.indexOf("=") + 1).replace(/[[\]]/g, "").replace(/−/g, "-");
  return list.split(",").map((v) => Number(v.trim()));
}

describe("attention-step", () => {
  it("shows one decoder step whose weights are the softmax of its scores and sum to 1; training changes them", async () => {
    const user = userEvent.setup();
    inLang("en", <AttentionStep source="abcd" target="dcba" />);
    await user.click(screen.getByRole("button", { name: "t = 2: reads “d”" }));
    const e = valuesOf(/^e_2 = /);
    const alpha = valuesOf(/^α_2 = /);
    expect(e).toHaveLength(5); // a b c d and the end symbol
    const z = e.reduce((a, v) => a + Math.exp(v), 0);
    e.forEach((v, i) => {
      expect(alpha[i]).toBeCloseTo(Math.exp(v) / z, 3);
    });
    expect(alpha.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    const before = screen.getByRole("button", { name: /^α_2 = / }).getAttribute("aria-label");
    expect(screen.getByRole("status")).toHaveTextContent(/^Untrained/);
    await user.click(screen.getByRole("button", { name: "Train 40 steps" }));
    expect(screen.getByRole("status")).toHaveTextContent(/^Trained 40 steps; loss /);
    expect(screen.getByRole("button", { name: /^α_2 = / }).getAttribute("aria-label")).not.toBe(before);
    expect(screen.getByRole("link", { name: /translation lab/ })).toHaveAttribute("href", "#/lab/translate");
  });

  it("speaks Chinese in a Chinese lesson", () => {
    inLang("zh", <AttentionStep />);
    expect(screen.getByRole("region", { name: "带注意力的一个解码步骤（由引擎计算）" })).toBeInTheDocument();
  });
});

describe("bi-compare", () => {
  it("the bidirectional GRU learns the next symbol; the unidirectional one stays near chance", async () => {
    const user = userEvent.setup();
    inLang("en", <BiCompare steps={6} />);
    const train = screen.getByRole("button", { name: "Train both 25 steps" });
    for (let i = 0; i < 8; i++) await user.click(train);
    const lineOf = (name: string): string => screen.getAllByRole("listitem").find((li) => li.textContent?.startsWith(name))?.textContent ?? "";
    const accuracy = (name: string): number => Number(/Held-out accuracy (\d+)%/.exec(lineOf(name))![1]);
    expect(lineOf("Unidirectional GRU")).toMatch(/step 200$/);
    // Uni: 5 of 6 positions are a guess among 3 (≈ 1/3), the last is sure: at most about 45%.
    expect(accuracy("Unidirectional GRU")).toBeLessThan(50);
    expect(accuracy("Bidirectional GRU")).toBeGreaterThan(90);
  });
});
