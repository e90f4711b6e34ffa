// @vitest-environment jsdom
// test/components/lessons-pages.test.tsx: the lesson index and a lesson page: languages (switch, memory, ?lang=), loading.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LESSONS } from "../../src/lessons/catalog";
import { LANG_STORAGE_KEY, hashWithLang, langFromHash } from "../../src/lessons/i18n";
import { LessonIndex, LessonView } from "../../src/lessons/LessonView";

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, "", "#/lessons");
});

describe("lesson index", () => {
  it("lists all nine lessons in order, in English by default", () => {
    render(<LessonIndex />);
    expect(screen.getByRole("heading", { level: 1, name: "Lessons" })).toBeInTheDocument();
    const links = within(screen.getByRole("list")).getAllByRole("link");
    expect(links.map((a) => a.textContent)).toEqual(LESSONS.map((l) => l.title.en));
    expect(links[2]).toHaveAttribute("href", "#/lessons/bptt");
  });

  it("switches to Chinese with the visible control, and remembers the choice", async () => {
    const user = userEvent.setup();
    const { unmount } = render(<LessonIndex />);
    await user.click(screen.getByRole("button", { name: "简体中文" }));
    expect(screen.getByRole("heading", { level: 1, name: "课程" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "简体中文" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("article")).toHaveAttribute("lang", "zh-Hans");
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe("zh");
    unmount();
    render(<LessonIndex />);
    expect(screen.getByRole("heading", { level: 1, name: "课程" })).toBeInTheDocument();
  });

  it("takes the language from ?lang= over the remembered one, and rewrites it when switched", async () => {
    const user = userEvent.setup();
    window.localStorage.setItem(LANG_STORAGE_KEY, "en");
    window.history.replaceState(null, "", "#/lessons?lang=zh");
    render(<LessonIndex />);
    expect(screen.getByRole("heading", { level: 1, name: "课程" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("heading", { level: 1, name: "Lessons" })).toBeInTheDocument();
    expect(window.location.hash).toBe("#/lessons?lang=en");
  });

  it("reads and writes lang in a hash route's query", () => {
    expect(langFromHash("#/lessons/bptt?lang=zh")).toBe("zh");
    expect(langFromHash("#/lessons/bptt?lang=fr")).toBeNull();
    expect(langFromHash("#/lessons/bptt")).toBeNull();
    expect(hashWithLang("#/lessons/bptt?embed=1", "zh")).toBe("#/lessons/bptt?embed=1&lang=zh");
    expect(hashWithLang("#/lessons/bptt?lang=zh", "en")).toBe("#/lessons/bptt?lang=en");
  });
});

describe("lesson page", () => {
  it("loads the lesson text and its widgets, with links to the neighbours", async () => {
    render(<LessonView slug="bptt" />);
    expect(screen.getByRole("heading", { level: 1, name: "Loss and backpropagation through time" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 2, name: "Two ways out of a hidden state" }, { timeout: 30_000 })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Run the gradient check" }, { timeout: 30_000 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Previous lesson: The forward pass/ })).toHaveAttribute("href", "#/lessons/forward-pass");
    expect(screen.getByRole("link", { name: /Next lesson: Vanishing and exploding gradients/ })).toHaveAttribute("href", "#/lessons/vanishing-gradients");
    expect(document.querySelectorAll(".katex-error")).toHaveLength(0);
  });

  it("shows the Chinese lesson when Chinese is chosen", async () => {
    window.history.replaceState(null, "", "#/lessons/gru?lang=zh");
    render(<LessonView slug="gru" />);
    expect(screen.getByRole("heading", { level: 1, name: "门控循环单元（GRU）" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 2, name: "你会遇到的两种约定" }, { timeout: 30_000 })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "下一个时间步" }, { timeout: 30_000 })).toBeInTheDocument();
  });

  it("says so for a lesson that does not exist", () => {
    render(<LessonView slug="no-such-lesson" />);
    expect(screen.getByRole("heading", { level: 1, name: "No such lesson" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "All lessons" })).toHaveAttribute("href", "#/lessons");
  });
});
