// @vitest-environment jsdom
// test/components/speech.test.tsx: the speech lab in jsdom with its real worker in-process: the built-in words
// failing to load (clear message, the learner's recordings still train), and the microphone refused (a mocked
// getUserMedia rejecting as a browser does): a clear message, and no recording lost.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SpeechLab } from "../../src/widgets/speech/SpeechLab";
import { startSpeech } from "../../src/worker/speech/serve";
import { decodeSpeechPack, parseSpeechIndex } from "../../src/audio/pack";
import type { Recording, RecordingStore } from "../../src/audio/recordings";
import { AudioError } from "../../src/audio/errors";
import { SPEECH_DEFAULTS } from "../../src/store/speechStore";
import { workerOf } from "./workers";

const dir = join(__dirname, "..", "..", "public", "data", "speech");
const pack = decodeSpeechPack(parseSpeechIndex(JSON.parse(readFileSync(join(dir, "index.json"), "utf8"))), new Uint8Array(readFileSync(join(dir, "clips.bin"))));

function memoryStore(initial: Recording[]): RecordingStore & { items: Recording[] } {
  const items = [...initial];
  return {
    items,
    list: () => Promise.resolve({ recordings: [...items], skipped: [] }),
    put: (r) => {
      items.push(r);
      return Promise.resolve();
    },
    remove: (id) => {
      items.splice(items.findIndex((r) => r.id === id), 1);
      return Promise.resolve();
    },
    clear: () => {
      items.length = 0;
      return Promise.resolve();
    },
  };
}

const mine: Recording[] = pack.clips.slice(0, 4).map((c, i) => ({ id: `r${i}`, word: pack.words[c.word], createdAt: i, sampleRate: 8000, samples: c.samples }));
const failingPack = () => Promise.reject(new AudioError("decodeFailed", "clips.bin: HTTP 404", { why: "clips.bin: HTTP 404" }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("speech lab", () => {
  it("says so when the built-in words cannot be loaded, and trains on the learner's recordings instead", async () => {
    const store = memoryStore(mine);
    render(<SpeechLab settings={{ ...SPEECH_DEFAULTS, hidden: 4 }} createWorker={() => workerOf(startSpeech)} loadPack={failingPack} recordingStore={store} />);
    expect(await screen.findByRole("alert")).toHaveTextContent(/built-in/i);
    const status = screen.getByRole("status");
    await waitFor(() => { expect(status).toHaveTextContent(/Step 0 · loss .* train accuracy/); }, { timeout: 20_000 });
    expect(screen.getByRole("combobox", { name: "Data" })).toHaveValue("mine");
    await userEvent.click(screen.getByRole("button", { name: "Step" }));
    await waitFor(() => { expect(status).toHaveTextContent(/^Step 1 · loss \d/); }, { timeout: 20_000 });
    expect(screen.getByText("4 recordings")).toBeInTheDocument();
  }, 60_000);

  it("reports a refused microphone clearly and loses no recording", async () => {
    const getUserMedia = vi.fn(() => Promise.reject(new DOMException("Permission denied", "NotAllowedError")));
    Object.defineProperty(navigator, "mediaDevices", { value: { getUserMedia }, configurable: true });
    // Web Audio present (jsdom has none), so the refusal comes from getUserMedia itself.
    vi.stubGlobal("AudioContext", function AudioContext() { return {}; });
    const store = memoryStore(mine);
    render(<SpeechLab settings={{ ...SPEECH_DEFAULTS, hidden: 4, source: "mine" }} createWorker={() => workerOf(startSpeech)} loadPack={failingPack} recordingStore={store} />);
    const record = await screen.findByRole("button", { name: "Record “yes”" });
    await userEvent.click(record);
    const region = screen.getByRole("region", { name: "Record" });
    expect(await within(region).findByRole("alert")).toHaveTextContent(/microphone was refused/i);
    expect(getUserMedia).toHaveBeenCalled();
    expect(within(region).getByText("4 recordings")).toBeInTheDocument();
    expect(store.items).toHaveLength(4);
    expect(within(region).getByRole("button", { name: "Record “yes”" })).toBeEnabled();
  }, 60_000);
});
