// src/worker/chars/worker.ts: the character lab's module Web Worker entry: its trainer, served by the kit.
import { initKernels } from "../../engine";
import { serve, workerPort } from "../kit/serve";
import { startChars } from "./serve";
import type { CharCommand, CharReport } from "./protocol";

serve(workerPort<CharCommand, CharReport>(), { ...startChars, ready: initKernels() });
