// src/worker/speech/worker.ts: the speech lab's module Web Worker entry: its trainer, served by the kit.
import { initKernels } from "../../engine";
import { serve, workerPort } from "../kit/serve";
import { startSpeech } from "./serve";
import type { SpeechCommand, SpeechReport } from "./protocol";

serve(workerPort<SpeechCommand, SpeechReport>(), { ...startSpeech, ready: initKernels() });
