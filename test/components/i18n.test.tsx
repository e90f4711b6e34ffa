// @vitest-environment jsdom
// test/components/i18n.test.tsx: the interface in English and Simplified Chinese: every dictionary complete in both,
// the translate function, and the language switch re-wording the shell, the sine playground and the settings.
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/app/App";
import { LANG_STORAGE_KEY, setLang, translator, type Dict, type Entry } from "../../src/i18n";
import { CHAR_SCHEMA } from "../../src/store/charSettings";
import { defaults, parseField, type Schema } from "../../src/store/schema";
import { SINE_SCHEMA, type SineSettings } from "../../src/store/sineSettings";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeText } from "../../src/data/text";
import { type CharSettings } from "../../src/store/charSettings";
import { CharLab } from "../../src/widgets/chars/CharLab";
import { inProcessCharWorker } from "./workers";
import { GRAD_DEFAULTS, GRAD_SCHEMA, type GradSettings } from "../../src/store/gradSettings";
import { GradientVisualizer } from "../../src/widgets/gradients/GradientVisualizer";
import { fakeGradWorkers } from "./workers";
import { SinePlayground } from "../../src/widgets/sine/SinePlayground";
import { readSineUrl } from "../../src/store/sineUrl";
import { fakeWorkers } from "./workers";

const CJK = /\p{Script=Han}/u;
/** English prose: two words of letters in a row ("Train on", "the loss"); names such as "RNN (tanh)" or "Adam" are not. */
const PROSE = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
const PLACEHOLDER = /\{(\w+)\}/g;

/** Every dictionary in src/i18n, found by shape: an object whose values all have en and zh. */
const modules = import.meta.glob<Record<string, unknown>>("../../src/i18n/*.ts", { eager: true });
const dictionaries: [string, Dict][] = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, value]) => isDict(value))
    .map(([name, value]): [string, Dict] => [`${file.replace(/^.*\//, "")} ${name}`, value as Dict]),
);

function isDict(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Object.keys(value).length === 0) return false;
  return Object.values(value).every((e) => typeof e === "object" && e !== null && "en" in e && "zh" in e);
}

/** A stand-in for any parameters a function entry reads: every property is "2" (a number-like string). */
const anyParams = new Proxy({}, { get: () => "2" });

function wording(entry: Entry, lang: "en" | "zh"): string {
  const template = entry[lang];
  return typeof template === "function" ? (template as (p: unknown) => string)(anyParams) : template;
}

const placeholders = (s: string): string[] => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();

afterEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, "", "#/");
  document.documentElement.lang = "en";
});

describe("dictionaries", () => {
  it("finds the dictionaries of every area", () => {
    const names = dictionaries.map(([name]) => name);
    for (const expected of ["app.ts APP", "sine.ts SINE", "chars.ts CHARS", "controls.ts CONTROLS", "controls.ts OPTIONS", "viz.ts VIZ", "gradients.ts GRADS", "embed.ts EMBED", "embed.ts EMBED_GUIDE", "embed.ts LESSON_BLOCK"]) {
      expect(names).toContain(expected);
    }
  });

  it.each(dictionaries)("%s: every entry has English and Chinese, Chinese prose in Chinese, the same placeholders", (_, dict) => {
    for (const [key, entry] of Object.entries(dict)) {
      const en = wording(entry, "en");
      const zh = wording(entry, "zh");
      expect(en.trim(), `${key} (en)`).not.toBe("");
      expect(zh.trim(), `${key} (zh)`).not.toBe("");
      if (PROSE.test(en)) expect(zh, `${key} (zh) should be Chinese`).toMatch(CJK);
      if (typeof entry.en === "string" && typeof entry.zh === "string") {
        expect(placeholders(entry.zh), `${key}: placeholders`).toEqual(placeholders(entry.en));
      }
    }
  });

  it.each([
    ["SINE_SCHEMA", SINE_SCHEMA],
    ["CHAR_SCHEMA", CHAR_SCHEMA],
    ["GRAD_SCHEMA", GRAD_SCHEMA],
  ] as [string, Schema][])("%s: every setting is named in Chinese too", (_, schema) => {
    for (const [key, spec] of Object.entries(schema)) expect(spec.labelZh, key).toMatch(CJK);
  });
});

describe("translate", () => {
  const D = {
    status: { en: "Step {step} · loss {loss}", zh: "第 {step} 步 · 损失 {loss}" },
    maths: { en: "how much of c_{t−1} is kept", zh: "c_{t−1} 保留多少" },
  } as const satisfies Dict;

  it("fills placeholders, groups whole numbers and leaves braces of maths alone", () => {
    expect(translator(D, "en")("status", { step: 1200, loss: "0.0123" })).toBe("Step 1,200 · loss 0.0123");
    expect(translator(D, "zh")("status", { step: 120, loss: "0.0123" })).toBe("第 120 步 · 损失 0.0123");
    expect(translator(D, "zh")("maths")).toBe("c_{t−1} 保留多少");
  });

  it("words a refused value in both languages, with the setting's name in each", () => {
    const r = parseField(SINE_SCHEMA.lr, "-2");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.en).toBe("Learning rate must be a number above 0 and up to 100, not -2.");
    expect(r.message.zh).toBe("学习率必须是大于 0 且不超过 100 的数，而不是 -2。");
    expect(r.error).toBe(r.message.en);
  });
});

const SMALL: Partial<SineSettings> = { hidden: 8, seqLength: 20, batch: 8 };
const WAIT = { timeout: 30_000, interval: 10 };

describe("language switch", () => {
  beforeEach(() => {
    // jsdom has no canvas; the heatmaps draw nothing and say so in their names and tables.
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  });

  it("re-words the sine playground: buttons, status line, settings and a refused value", async () => {
    const user = userEvent.setup();
    const workers = fakeWorkers();
    render(<SinePlayground settings={{ ...defaults(SINE_SCHEMA), ...SMALL }} createWorker={workers.createWorker} />);
    const status = screen.getByRole("status");
    await waitFor(() => {
      expect(status).toHaveTextContent(/^Step 0 · validation loss \S+ · press Train or Step to start$/);
    }, WAIT);

    act(() => {
      setLang("zh");
    });
    expect(status).toHaveTextContent(/^第 0 步 · 验证损失 \S+ · 按“训练”或“单步”开始$/);
    for (const name of ["训练", "单步", "重置"]) expect(screen.getByRole("button", { name })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Train" })).not.toBeInTheDocument();
    expect(screen.getByRole("group", { name: "模型" })).toBeInTheDocument();
    expect(screen.getByLabelText("学习率")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "单步" }));
    await waitFor(() => {
      expect(status).toHaveTextContent(/^第 1 步 · 损失 \S+ · 验证损失 \S+ · 已暂停$/);
    }, WAIT);
    await user.click(screen.getByRole("button", { name: "训练" }));
    expect(await screen.findByRole("button", { name: "暂停" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "暂停" }));
    await waitFor(() => {
      expect(status).toHaveTextContent(/^第 [\d,]+ 步 · 损失 \S+ · 验证损失 \S+ · 已暂停$/);
    }, WAIT);

    const lr = screen.getByLabelText("学习率");
    await user.clear(lr);
    await user.type(lr, "-2{Enter}");
    expect(screen.getByText("学习率必须是大于 0 且不超过 100 的数，而不是 -2。仍在使用 0.01。")).toBeInTheDocument();

    // Back to English: the same message, re-worded.
    act(() => {
      setLang("en");
    });
    expect(screen.getByText("Learning rate must be a number above 0 and up to 100, not -2. Still using 0.01.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Train" })).toBeInTheDocument();
  });

  it("re-words the character lab: buttons, status line, panels", async () => {
    const user = userEvent.setup();
    const text = normalizeText(readFileSync(join(__dirname, "../../public/corpora/shakespeare.txt"), "utf8"));
    const settings: CharSettings = { ...defaults(CHAR_SCHEMA), hidden: 12, batch: 4, bptt: 16, sampleLength: 30 };
    act(() => {
      setLang("zh");
    });
    render(<CharLab settings={settings} createWorker={inProcessCharWorker} fetchText={() => Promise.resolve(text)} storage={null} download={() => undefined} />);
    const status = screen.getByRole("status");
    expect(await within(status).findByText(/^第 0 步 · 验证 \d\.\d\d 比特\/字符 · 可以开始训练$/, {}, WAIT)).toBeInTheDocument();
    for (const name of ["训练", "单步", "重置", "生成"]) expect(screen.getByRole("button", { name })).toBeInTheDocument();
    for (const name of ["文本", "模型与训练", "样本", "逐个字符生成", "网络内部"]) expect(screen.getByRole("heading", { level: 2, name })).toBeInTheDocument();
    expect(screen.getByLabelText("要学习的文本")).toHaveDisplayValue("莎士比亚：《科利奥兰纳斯》（tiny Shakespeare，前 54 KB）");

    await user.click(screen.getByRole("button", { name: "训练" }));
    expect(await within(status).findByText(/^第 [1-9][\d,]* 步 · 损失 \d\.\d\d 比特\/字符 · 验证 .* · 每秒 [\d,]+ 个字符/, {}, WAIT)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "暂停" }));
    expect(await within(status).findByText(/ · 已暂停$/, {}, WAIT)).toBeInTheDocument();

    act(() => {
      setLang("en");
    });
    expect(within(status).getByText(/^Step [1-9][\d,]* · loss .* · paused$/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Train" })).toBeInTheDocument();
  });

  it("re-words the gradient visualizer: buttons, status line, presets, per-cell charts, explanation", async () => {
    const user = userEvent.setup();
    const workers = fakeGradWorkers();
    const settings: GradSettings = { ...GRAD_DEFAULTS, hidden: 8, seqLength: 12, batch: 8, classes: 3, distractors: 3 };
    act(() => {
      setLang("zh");
    });
    render(<GradientVisualizer settings={settings} createWorker={workers.createWorker} />);
    const status = screen.getByRole("status");
    await waitFor(() => {
      expect(status).toHaveTextContent(/^第 0 步 · 损失 \S+（tanh-RNN），\S+（LSTM），\S+（GRU） · 按“训练”或“单步”开始$/);
    }, WAIT);
    for (const name of ["训练", "单步", "重置", "梯度消失", "梯度爆炸", "LSTM 解围", "梯度裁剪解围"]) {
      expect(screen.getByRole("button", { name })).toBeInTheDocument();
    }
    const lstm = screen.getByRole("region", { name: "LSTM" });
    expect(within(lstm).getByRole("img", { name: /^LSTM：每个时间步的梯度范数，共 12 个时间步：/ })).toBeInTheDocument();
    expect(within(lstm).getByText(/^第 0 步的准确率为 [\d.]+%（随机猜测为 33.3%）$/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "梯度为什么会消失或爆炸" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "任务：回忆第一个符号" })).toBeInTheDocument();
    expect(screen.getByText(/^LSTM：‖∂L\/∂h_0‖ \/ ‖∂L\/∂h_11‖ = \S+（梯度在回传 11 步的过程中/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "梯度爆炸" }));
    expect(screen.getByText(/^W_hh 缩放到谱半径 3/)).toBeInTheDocument();
    act(() => {
      setLang("en");
    });
    expect(screen.getByText(/^W_hh rescaled to spectral radius 3/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Exploding" })).toBeInTheDocument();
  });

  it("is in the site header, named in both languages, re-words the shell and sets <html lang>", async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, "", "#/");
    render(<App />);
    expect(screen.getByRole("heading", { level: 1, name: "RNN Notebook" })).toBeInTheDocument();
    const banner = screen.getByRole("banner");
    await user.selectOptions(within(banner).getByRole("combobox", { name: "Language / 语言" }), "简体中文");

    expect(screen.getByRole("heading", { level: 1, name: "RNN 笔记本" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "主导航" });
    for (const name of ["课程", "正弦波实验场", "梯度可视化", "字符实验室"]) expect(within(nav).getByRole("link", { name })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "工作原理" })).toBeInTheDocument();
    expect(screen.getByRole("contentinfo")).toHaveTextContent(/在你的浏览器中训练网络/);
    expect(document.documentElement.lang).toBe("zh-Hans");
    expect(document.title).toBe("RNN 笔记本");
    // Remembered: the choice is saved, and a fresh page comes up in Chinese.
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe("zh");
  });

  it("is remembered: a later visit opens in the saved language", () => {
    window.localStorage.setItem(LANG_STORAGE_KEY, "zh");
    window.history.replaceState(null, "", "#/no/such/page");
    render(<App />);
    expect(screen.getByRole("heading", { level: 1, name: "页面未找到" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "返回首页" })).toBeInTheDocument();
    expect(document.title).toBe("页面未找到 · RNN 笔记本");
    expect(within(screen.getByRole("banner")).getByRole("combobox", { name: "Language / 语言" })).toHaveValue("zh");
  });

  it("takes ?lang=zh from the link, remembers it, and does not count it as an unknown setting", async () => {
    window.history.replaceState(null, "", "#/playground/sine?lang=zh&hidden=16");
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "正弦波实验场" }, WAIT)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("zh-Hans");
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe("zh");
    expect(readSineUrl("#/playground/sine?lang=zh&hidden=16").warnings).toEqual([]);
    expect(screen.queryByText(/链接中的部分设置无法使用/)).not.toBeInTheDocument();
  });
});
