// src/engine/index.ts: the engine's public API (pure TypeScript: runs in Node and in a worker, no DOM).
export { EngineError, type EngineErrorCode } from "./errors";
export { createRng, Rng } from "./rng";
export {
  countParams, directionCount, gateCount, gateNames, LIMITS, normalizeConfig,
  type CellType, type InputKind, type LossType, type ModelConfig, type ModelConfigInput, type Nonlinearity, type OutputMode,
} from "./config";
export { makeLayout, type ParamLayout, type ParamSpec } from "./layout";
export { validateBatch, MAX_BATCH, MAX_STEPS, PADDING_INDEX, type Batch } from "./batch";
export { initKernels, bestKernelName, createKernels, type KernelChoice, type KernelName, type Kernels } from "./kernels";
export { initParams, spectralRadius, type InitOptions, type InitScheme } from "./init";
export { createNetwork, Network, type BackwardOptions, type ForwardOptions, type InitialState, type NetworkOptions } from "./network";
export {
  clipGradNorm, gradNorm, Optimizer, MAX_LEARNING_RATE, OPTIMIZER_KINDS, resolveOptimizerSpec, validateLearningRate,
  type OptimizerKind, type OptimizerSettings, type OptimizerSpec, type OptimizerState,
} from "./optim";
export { createOptimizer, trainStep, type Divergence, type StepOptions, type StepResult } from "./train";
export { BLOW_UP_FACTOR, StepGuard, type GuardFailure, type GuardOptions, type GuardedResult } from "./guard";
export { createRawProfile, readRawProfile, type RawProfile } from "./gradProfile";
export { setUpdateGateBias } from "./gateBias";
export { readTrace, type DirectionTrace, type Trace, type TraceOptions } from "./trace";
export {
  checkVocabulary, configMismatch, exportModel, loadParams, parseModelFile, MAX_MODEL_FILE_CHARS, MAX_TOKEN_CHARS, MODEL_FORMAT, MODEL_FORMAT_VERSION,
  type ModelFile,
} from "./io";
export { gradCheck, type GradCheckEntry, type GradCheckOptions, type GradCheckResult } from "./gradcheck";
export { freeRun, predict, sampleSymbols, type FreeRunResult, type SampleOptions, type SampleStep } from "./generate";
