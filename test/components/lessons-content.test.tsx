// test/components/lessons-content.test.tsx: the lesson files themselves: content only (no logic), every lesson in both
// languages, the same widgets with the same props in each, and Chinese text that is Chinese.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LESSONS } from "../../src/lessons/catalog";
import { WIDGETS } from "../../src/lessons/registry";

const ROOT = join(import.meta.dirname, "..", "..", "lessons");
const read = (lang: string, slug: string): string => readFileSync(join(ROOT, lang, `${slug}.mdx`), "utf8");

/** The text with code blocks, display maths, inline maths and code spans removed (they are language-neutral). */
function prose(mdx: string): string {
  return mdx
    .replace(/^```[\s\S]*?^```/gm, " ")
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/\$[^$\n]+\$/g, " ")
    .replace(/`[^`\n]*`/g, " ");
}

/** Every <Widget …/> opening tag, normalised (attribute order and spacing kept as written). */
function widgetTags(mdx: string): string[] {
  return [...mdx.matchAll(/<Widget\b[^>]*>/g)].map((m) => m[0].replace(/\s+/g, " ").replace(/\s*\/?>$/, ""));
}

const JSX_ALLOWED = new Set(["Widget", "Note", "table", "thead", "tbody", "tr", "th", "td", "details", "summary"]);
const CJK = /[\u4e00-\u9fff]/;

describe("lesson files", () => {
  it("exist for every lesson in English and Chinese, and nothing else is in lessons/", () => {
    for (const lang of ["en", "zh"]) {
      const files = readdirSync(join(ROOT, lang)).sort();
      expect(files, lang).toEqual(LESSONS.map((l) => `${l.slug}.mdx`).sort());
    }
  });

  it.each(LESSONS.map((l) => l.slug))("%s: content only — no imports, exports or expressions; known tags and widgets", (slug) => {
    for (const lang of ["en", "zh"]) {
      const mdx = read(lang, slug);
      const text = prose(mdx);
      expect(text, `${lang}: import/export`).not.toMatch(/^\s*(import|export)\s/m);
      // Braces outside maths may only be literal numeric props: hidden={2}.
      const braces = [...text.matchAll(/\{[^}]*\}/g)].map((m) => m[0]).filter((b) => !/^\{-?\d+(\.\d+)?\}$/.test(b));
      expect(braces, `${lang}: expressions`).toEqual([]);
      const tags = [...text.matchAll(/<\/?([A-Za-z][\w.]*)/g)].map((m) => m[1]);
      expect(tags.filter((t) => !JSX_ALLOWED.has(t)), `${lang}: tags`).toEqual([]);
      for (const tag of widgetTags(mdx)) {
        const name = /name="([^"]+)"/.exec(tag)?.[1] ?? "";
        expect(Object.keys(WIDGETS), `${lang}: ${tag}`).toContain(name);
      }
    }
  });

  it.each(LESSONS.map((l) => l.slug))("%s: the Chinese lesson has the same widgets, sections and notes as the English one", (slug) => {
    const en = read("en", slug);
    const zh = read("zh", slug);
    // The props are data (seeds, steps, tokens), not language: they must match exactly, title="…" aside.
    const strip = (tags: string[]) => tags.map((t) => t.replace(/ title="[^"]*"/, ""));
    expect(strip(widgetTags(zh))).toEqual(strip(widgetTags(en)));
    expect(zh.match(/^## /gm)?.length).toBe(en.match(/^## /gm)?.length);
    expect(zh.match(/<Note\b/g)?.length ?? 0).toBe(en.match(/<Note\b/g)?.length ?? 0);
    expect(zh.match(/\$\$/g)?.length).toBe(en.match(/\$\$/g)?.length);
    // Code ("The same in PyTorch") is the same program in both languages.
    const code = (mdx: string) => [...mdx.matchAll(/^```\w*\n([\s\S]*?)^```/gm)].map((m) => m[1]);
    expect(code(zh)).toEqual(code(en));
  });

  it.each(LESSONS.map((l) => l.slug))("%s: every line of Chinese prose contains Chinese", (slug) => {
    const lines = prose(read("zh", slug))
      .split("\n")
      .map((l) => l.trim())
      // Tag-only lines (widgets, notes, table rows), link lists and blank lines have no prose of their own.
      .filter((l) => l !== "" && !/^<\/?[A-Za-z][^>]*>$/.test(l) && !l.startsWith("<") && !l.startsWith("</"));
    const english = lines.filter((l) => !CJK.test(l) && /[A-Za-z]{3,}/.test(l));
    expect(english).toEqual([]);
  });
});
