// src/widgets/speech/SpeechStoreProvider.tsx: gives each speech lab its own store (and worker) through context.
import { recordFor, startCapture } from "../../audio/capture";
import { openRecordingStore, type RecordingStore } from "../../audio/recordings";
import { createSpeechStore, fetchSpeechPack, type Microphone, type PackLoader, type SpeechSettings, type SpeechWorkerLike } from "../../store/speechStore";
import type { SpeechCommand, SpeechReport } from "../../worker/speech/protocol";
import { browserWorker } from "../kit/browserWorker";
import { createWidgetContext } from "../kit/widgetContext";

/** The real training worker: a module Worker running src/worker/speech/worker.ts. */
export function createSpeechWorker(): SpeechWorkerLike {
  return browserWorker<SpeechCommand, SpeechReport>(() => new Worker(new URL("../../worker/speech/worker.ts", import.meta.url), { type: "module", name: "rnn-notebook speech lab" }));
}

/** The browser's microphone through src/audio/capture (getUserMedia + AudioWorklet, 8 kHz chunks). */
export const browserMicrophone: Microphone = {
  record: (seconds, onLevel) => recordFor(seconds, { onLevel: (l) => { onLevel(l.rmsDb); } }),
  stream: (onChunk, onLevel) => startCapture({ onChunk, onLevel: (l) => { onLevel(l.rmsDb); } }),
};

export interface SpeechStoreProviderProps {
  settings?: SpeechSettings;
  createWorker?: () => SpeechWorkerLike;
  loadPack?: PackLoader;
  recordingStore?: RecordingStore | null;
  microphone?: Microphone;
}

const speech = createWidgetContext("The speech lab", (p: SpeechStoreProviderProps) =>
  createSpeechStore({
    settings: p.settings,
    createWorker: p.createWorker ?? createSpeechWorker,
    loadPack: p.loadPack ?? fetchSpeechPack(document.baseURI),
    recordingStore: p.recordingStore === undefined ? openRecordingStore() : p.recordingStore,
    microphone: p.microphone ?? browserMicrophone,
  }),
);

export const SpeechStoreProvider = speech.Provider;
export const useSpeechStore = speech.useStoreApi;
export const useSpeech = speech.useSlice;
