// bench/lib/brain.d.ts: types for the slice of brain.js 1.6.1 the benchmark uses.
// brain.js ships an index.d.ts, but it lacks what is used here (the recurrent nets' learningRate/dataFormatter
// options, utilities.DataFormatter, trainPattern, formatData, the model), so brainjs.ts views the package
// through these types instead. trainPattern & co. are internals, stable within 1.6.x, not documented API.

export interface RecurrentOptions {
  inputSize?: number;
  outputSize?: number;
  hiddenLayers?: number[];
  learningRate?: number;
  decayRate?: number;
  smoothEps?: number;
  regc?: number;
  clipval?: number;
  dataFormatter?: DataFormatter;
}

export interface TrainOptions {
  iterations?: number;
  errorThresh?: number;
  learningRate?: number;
  log?: boolean;
}

export interface TrainResult {
  error: number;
  iterations: number;
}

export interface RecurrentMatrix {
  rows: number;
  columns: number;
  weights: Float32Array;
  deltas: Float32Array;
}

export interface DataFormatter {
  characters: string[];
  indexTable: Record<string, number>;
  toIndexes(value: string): number[];
}

/** Character (index-sequence) model: embedding row per symbol, softmax over symbols + an END token. */
export interface RNN {
  train(data: string[], options?: TrainOptions): TrainResult;
  /** One sequence: forward, backward, RMSProp update. Returns the error when logErrorRate is true. */
  trainPattern(input: number[], logErrorRate: true): number;
  formatDataIn(input: string): number[];
  dataFormatter: DataFormatter;
  trainOpts: Required<TrainOptions>;
  model: { allMatrices: RecurrentMatrix[]; output: RecurrentMatrix; input: RecurrentMatrix };
}

/** Time-series model on number sequences (each step predicts the next value). */
export interface RNNTimeStep {
  train(data: number[][], options?: TrainOptions): TrainResult;
  /** Formats number sequences into the per-step Float32Array form trainPattern takes. */
  formatData(data: number[][]): Float32Array[][];
  trainPattern(input: Float32Array[], logErrorRate: true): number;
  trainOpts: Required<TrainOptions>;
  inputSize: number;
  outputSize: number;
  model: { allMatrices: RecurrentMatrix[] };
}

export type RNNConstructor = new (options?: RecurrentOptions) => RNN;
export type RNNTimeStepConstructor = new (options?: RecurrentOptions) => RNNTimeStep;

/** The package's default export (module.exports), as used here. */
export interface BrainJs {
  recurrent: {
    RNN: RNNConstructor;
    LSTM: RNNConstructor;
    GRU: RNNConstructor;
    RNNTimeStep: RNNTimeStepConstructor;
    LSTMTimeStep: RNNTimeStepConstructor;
    GRUTimeStep: RNNTimeStepConstructor;
  };
  utilities: { DataFormatter: new (values: string[], maxThreshold?: number) => DataFormatter };
}
