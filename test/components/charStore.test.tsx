// @vitest-environment jsdom
// test/components/charStore.test.tsx: the character lab's store with the real trainer in-process: texts and their
// checks, training, model files, and what survives a reload.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { StoreApi } from "zustand/vanilla";
import { createNetwork, exportModel } from "../../src/engine";
import { normalizeText } from "../../src/data/text";
import { defaults } from "../../src/store/schema";
import { CHAR_SCHEMA, type CharSettings } from "../../src/store/charSettings";
import { createCharStore, type CharState, type LabStorage } from "../../src/store/charStore";
import { inProcessCharWorker, memoryStorage } from "./workers";
import { inLang, type MsgLike } from "../../src/i18n";

/** A store message as an English reader sees it (messages are kept in both languages). */
const en = (m: MsgLike | null | undefined): string | null | undefined => (m === null || m === undefined ? m : inLang(m, "en"));

const SHAKESPEARE = normalizeText(readFileSync(join(__dirname, "../../public/corpora/shakespeare.txt"), "utf8"));
/** Small enough for the TypeScript kernels to train at test speed. */
const SMALL: CharSettings = { ...defaults(CHAR_SCHEMA), hidden: 12, batch: 4, bptt: 16, sampleLength: 20 };

interface Made {
  store: StoreApi<CharState>;
  downloads: { name: string; text: string }[];
}

function makeStore(patch: { settings?: Partial<CharSettings>; fetchText?: (p: string) => Promise<string>; storage?: LabStorage | null } = {}): Made {
  const downloads: { name: string; text: string }[] = [];
  const store = createCharStore({
    settings: { ...SMALL, ...patch.settings },
    createWorker: inProcessCharWorker,
    fetchText: patch.fetchText ?? (() => Promise.resolve(SHAKESPEARE)),
    storage: patch.storage ?? null,
    download: (name, text) => downloads.push({ name, text }),
  });
  return { store, downloads };
}

async function started(m: Made): Promise<Made> {
  await m.store.getState().start();
  await vi.waitFor(() => {
    expect(m.store.getState().status).toBe("idle");
    expect(m.store.getState().snapshot).not.toBeNull();
  });
  return m;
}

describe("character lab store", () => {
  it("loads the built-in text, shows its vocabulary and is ready to train", async () => {
    const fetchText = vi.fn(() => Promise.resolve(SHAKESPEARE));
    const { store } = await started(makeStore({ fetchText }));
    expect(fetchText).toHaveBeenCalledWith("corpora/shakespeare.txt");
    const s = store.getState();
    expect(s.vocabulary.length).toBe(new Set(SHAKESPEARE).size);
    expect(en(s.textNotice)).toMatch(/characters, \d+ distinct/);
    expect(s.snapshot!.step).toBe(0);
    await vi.waitFor(() => {
      expect(store.getState().liveSample).not.toBeNull();
    });
    store.getState().dispose();
  });

  it("says clearly when a built-in text cannot be fetched", async () => {
    const { store } = makeStore({ fetchText: () => Promise.reject(new Error("HTTP 404 for corpora/shakespeare.txt")) });
    await store.getState().start();
    const s = store.getState();
    expect(s.status).toBe("noText");
    expect(en(s.textError)).toMatch(/^Could not load the built-in text "Shakespeare.*" \(HTTP 404 for corpora\/shakespeare.txt\)\. Pick it again, pick another, or paste your own text\./);
    store.getState().dispose();
  });

  it("trains: Step, Train and Pause move the step count", async () => {
    const { store } = await started(makeStore());
    store.getState().step();
    await vi.waitFor(() => {
      expect(store.getState().snapshot!.step).toBe(1);
    });
    store.getState().train();
    expect(store.getState().status).toBe("training");
    await vi.waitFor(() => {
      expect(store.getState().snapshot!.step).toBeGreaterThan(5);
    });
    store.getState().pause();
    await vi.waitFor(() => {
      expect(store.getState().status).toBe("idle");
    });
    expect(Number.isFinite(store.getState().snapshot!.lossBits)).toBe(true);
    store.getState().dispose();
  });

  it("refuses bad texts with their messages and keeps the current one", async () => {
    const { store } = await started(makeStore());
    const before = store.getState().text;
    store.getState().useText("   ", "Pasted text");
    expect(en(store.getState().textError)).toMatch(/^Pasted text: The text is empty\..*The current text is kept\.$/);
    store.getState().useText("zzzzzzzz", "Pasted text");
    expect(en(store.getState().textError)).toMatch(/single distinct character \("z"\)/);
    await store.getState().openTextFile(new Blob([new Uint8Array([0x63, 0x61, 0x66, 0xe9])]), "menu.txt");
    expect(en(store.getState().textError)).toMatch(/^"menu.txt" is not UTF-8 text/);
    store.getState().useText("ab ab ab", "Pasted text");
    expect(en(store.getState().textError)).toMatch(/Lower the batch size or the BPTT length, or use a longer text/);
    expect(store.getState().text).toBe(before);
    store.getState().dispose();
  });

  it("offers the first part of a text over the limit", async () => {
    const { store } = await started(makeStore());
    const big = "to be or not to be\n".repeat(60_000); // 1,140,000 characters
    store.getState().useText(big, "Pasted text");
    expect(en(store.getState().textError)).toMatch(/1,140,000 characters; the lab trains on at most 1,000,000\. Use its first 1,000,000 characters/);
    expect(store.getState().largeText).not.toBeNull();
    store.getState().useFirstPart();
    expect(store.getState().textError).toBeNull();
    expect(store.getState().textLength).toBe(1_000_000);
    expect(store.getState().source).toEqual({ kind: "custom", name: "Pasted text (first 1,000,000 characters)" });
    store.getState().dispose();
  });

  it("takes pasted Chinese text: one symbol per character", async () => {
    const { store } = await started(makeStore());
    const poems = normalizeText(readFileSync(join(__dirname, "../../public/corpora/tang-poems.txt"), "utf8")).slice(0, 3000);
    store.getState().useText(poems, "Pasted text");
    expect(store.getState().textError).toBeNull();
    expect(store.getState().vocabulary).toContain("月");
    expect(store.getState().vocabulary.length).toBe(new Set(poems).size);
    await vi.waitFor(() => {
      expect(store.getState().snapshot?.vocabSize).toBe(new Set(poems).size);
    });
    store.getState().step();
    await vi.waitFor(() => {
      expect(store.getState().snapshot!.step).toBe(1);
    });
    store.getState().dispose();
  });

  it("saves a model file and loads it back; a file that does not fit is refused and the current model kept", async () => {
    const { store, downloads } = await started(makeStore());
    store.getState().step();
    await vi.waitFor(() => {
      expect(store.getState().snapshot!.step).toBe(1);
    });
    store.getState().saveModel();
    await vi.waitFor(() => {
      expect(downloads).toHaveLength(1);
    });
    expect(downloads[0].name).toBe("char-lstm-h12-l1-step1.json");
    expect(en(store.getState().modelMessage?.text)).toMatch(/^Saved the model as char-lstm-h12-l1-step1\.json/);

    store.getState().loadModelFile("{ not json", "broken.json");
    expect(store.getState().modelMessage?.kind).toBe("error");
    expect(en(store.getState().modelMessage?.text)).toMatch(/^Model file "broken.json": The file is not valid JSON .*The current model is kept\.$/);
    const series = exportModel(createNetwork({ cell: "gru", inputSize: 1, hiddenSize: 4, numLayers: 1, outputSize: 1, loss: "mse" }));
    store.getState().loadModelFile(series, "sine.json");
    expect(en(store.getState().modelMessage?.text)).toMatch(/It is not a character model/);
    expect(store.getState().snapshot!.step).toBe(1);

    store.getState().loadModelFile(downloads[0].text, downloads[0].name);
    expect(en(store.getState().modelMessage?.text)).toMatch(/Its vocabulary is the text's own, so training can go on\./);
    expect(store.getState().isSampleOnly).toBe(false);
    store.getState().dispose();
  });

  it("loads a model with a foreign vocabulary for sampling only, and Reset trains anew on the text", async () => {
    const { store } = await started(makeStore());
    const vocabulary = ["a", "b", "c", " ", "\n"];
    const net = createNetwork({ cell: "gru", inputSize: 5, hiddenSize: 8, numLayers: 1, outputSize: 5, loss: "xent", inputKind: "onehot" });
    store.getState().loadModelFile(exportModel(net, vocabulary), "abc.json");
    const s = store.getState();
    expect(en(s.modelMessage?.text)).toMatch(/lacks characters of the current text .*training is off\. Reset trains a new model on this text\./);
    expect(s.isSampleOnly).toBe(true);
    expect(s.settings.cell).toBe("gru");
    expect(s.vocabulary).toEqual(vocabulary);
    await vi.waitFor(() => {
      expect(store.getState().snapshot?.canTrain).toBe(false);
    });
    store.getState().train();
    expect(store.getState().status).toBe("idle");
    store.getState().setPrime("ab");
    expect(store.getState().fieldErrors.prime).toBeUndefined();
    store.getState().setPrime("xyz");
    expect(en(store.getState().fieldErrors.prime)).toMatch(/does not know "x", "y", "z"/);
    store.getState().reset();
    expect(store.getState().isSampleOnly).toBe(false);
    expect(store.getState().vocabulary.length).toBe(new Set(SHAKESPEARE).size);
    store.getState().dispose();
  });

  it("keeps settings and the model across a reload, until Forget saved model", async () => {
    const storage = memoryStorage();
    const first = await started(makeStore({ storage }));
    first.store.getState().setSetting("temperature", "0.5");
    first.store.getState().step();
    first.store.getState().step();
    await vi.waitFor(() => {
      expect(storage.saved?.checkpoint?.step).toBe(2);
    });
    first.store.getState().dispose();

    const second = await started(makeStore({ storage }));
    expect(second.store.getState().snapshot!.step).toBe(2);
    expect(second.store.getState().settings.temperature).toBe(0.5);
    await second.store.getState().forgetSaved();
    expect(second.store.getState().settings.temperature).toBe(CHAR_SCHEMA.temperature.default);
    // The defaults mean a hidden size of 128 on TypeScript kernels here: a few seconds to build and validate.
    await vi.waitFor(
      () => {
        expect(second.store.getState().snapshot!.step).toBe(0);
      },
      { timeout: 30_000, interval: 100 },
    );
    second.store.getState().dispose();
  });
});
