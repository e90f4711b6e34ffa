// src/worker/translate/worker.ts: the translation lab's module Web Worker entry: its trainer, served by the kit.
import { initKernels } from "../../engine";
import { serve, workerPort } from "../kit/serve";
import { startTranslate } from "./serve";
import type { TranslateCommand, TranslateReport } from "./protocol";

serve(workerPort<TranslateCommand, TranslateReport>(), { ...startTranslate, ready: initKernels() });
