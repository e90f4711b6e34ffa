// src/worker/sine/worker.ts: the sine playground's module Web Worker entry: its trainer, served by the kit.
import { initKernels } from "../../engine";
import { serve, workerPort } from "../kit/serve";
import { startSine } from "./serve";
import type { Command, Report } from "./protocol";

serve(workerPort<Command, Report>(), { ...startSine, ready: initKernels() });
