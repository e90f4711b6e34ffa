// src/worker/classify/worker.ts: the classification lab's module Web Worker entry: its trainer, served by the kit.
import { initKernels } from "../../engine";
import { serve, workerPort } from "../kit/serve";
import { startClassify } from "./serve";
import type { ClassifyCommand, ClassifyReport } from "./protocol";

serve(workerPort<ClassifyCommand, ClassifyReport>(), { ...startClassify, ready: initKernels() });
