// @vitest-environment jsdom
// test/components/App.test.tsx: the app shell routes by location.hash: home, the nav's areas, lessons, not found.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/app/App";

/** Starts the app at `hash` as if the learner had opened that link. */
function openAt(hash: string) {
  window.history.replaceState(null, "", hash);
  return render(<App />);
}

const NAV_LINKS = ["Lessons", "Sine playground", "Gradient visualizer", "Character lab"];

describe("App routing", () => {
  it("shows the home page at #/ with the main navigation", () => {
    openAt("#/");
    expect(screen.getByRole("heading", { level: 1, name: "RNN Notebook" })).toBeInTheDocument();
    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("main")).toBeInTheDocument();
    expect(screen.getByRole("contentinfo")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main" });
    for (const name of NAV_LINKS) {
      expect(within(nav).getByRole("link", { name })).toBeInTheDocument();
    }
    // Each area also has a card on the home page.
    const main = screen.getByRole("main");
    for (const name of NAV_LINKS) {
      expect(within(main).getByRole("link", { name })).toBeInTheDocument();
    }
    expect(document.title).toBe("RNN Notebook");
  });

  it("treats an empty hash as the home page", () => {
    openAt("#");
    expect(screen.getByRole("heading", { level: 1, name: "RNN Notebook" })).toBeInTheDocument();
  });

  it.each([
    ["Lessons", "Lessons", false],
    ["Sine playground", "Sine playground", false],
    ["Gradient visualizer", "Gradient visualizer", false],
    ["Character lab", "Character lab", false],
  ])("opens %s from the nav, marks it current and titles the document", async (linkName, heading, isPlaceholder) => {
    const user = userEvent.setup();
    openAt("#/");
    const nav = screen.getByRole("navigation", { name: "Main" });
    await user.click(within(nav).getByRole("link", { name: linkName }));

    expect(await screen.findByRole("heading", { level: 1, name: heading })).toBeInTheDocument();
    if (isPlaceholder) expect(screen.getByText("Coming soon")).toBeInTheDocument();
    else expect(screen.queryByText("Coming soon")).not.toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: linkName })).toHaveAttribute("aria-current", "page");
    expect(document.title).toBe(`${heading} · RNN Notebook`);
    // Focus moves to the new content, as a page load would.
    expect(screen.getByRole("main")).toHaveFocus();
  });

  it("opens a lesson under Lessons, and says so when a lesson does not exist", async () => {
    openAt("#/lessons/vanishing-gradients");
    expect(await screen.findByRole("heading", { level: 1, name: "Vanishing and exploding gradients" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Lessons" })).toHaveAttribute("aria-current", "page");
    expect(document.title).toBe("Vanishing and exploding gradients · RNN Notebook");

    window.location.hash = "#/lessons/no-such-lesson";
    expect(await screen.findByRole("heading", { level: 1, name: "No such lesson" })).toBeInTheDocument();
    expect(screen.getByText(/no-such-lesson/)).toBeInTheDocument();
  });

  it("keeps the page when the hash carries settings after '?'", async () => {
    openAt("#/playground/sine?hidden=16");
    expect(await screen.findByRole("heading", { level: 1, name: "Sine playground" })).toBeInTheDocument();
  });

  it("says 'Page not found' for an unknown route and links home", async () => {
    const user = userEvent.setup();
    openAt("#/no/such/page");
    expect(screen.getByRole("heading", { level: 1, name: "Page not found" })).toBeInTheDocument();
    expect(screen.getByText("#/no/such/page")).toBeInTheDocument();
    expect(document.title).toBe("Page not found · RNN Notebook");

    await user.click(screen.getByRole("link", { name: "Go to the home page" }));
    expect(await screen.findByRole("heading", { level: 1, name: "RNN Notebook" })).toBeInTheDocument();
  });

  it("follows the browser's back button (a hashchange)", async () => {
    const user = userEvent.setup();
    openAt("#/");
    await user.click(within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Character lab" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Character lab" })).toBeInTheDocument();

    window.history.back();
    expect(await screen.findByRole("heading", { level: 1, name: "RNN Notebook" })).toBeInTheDocument();
  });
});
