// src/engine/seq2seq/index.ts: the encoder–decoder with attention (docs/seq2seq.md): model, training, decoding, files.
export {
  ATTENTION_KINDS, SEQ2SEQ_CELLS, SEQ2SEQ_LIMITS, decoderInputSize, initSeq2SeqParams, normalizeSeq2SeqConfig, seq2seqLayout,
  type AttentionKind, type Seq2SeqCell, type Seq2SeqConfig, type Seq2SeqLayout, type Seq2SeqParamSpec,
} from "./config";
export { IGNORE_INDEX, packSeq2SeqBatch, validateSeq2SeqBatch, type PairInput, type Seq2SeqBatch } from "./batch";
export { Seq2SeqModel, type ForwardOptions, type Seq2SeqOptions, type Seq2SeqTrace } from "./model";
export { Seq2SeqTrainer, type Seq2SeqStepOptions, type Seq2SeqStepResult } from "./train";
export { beamSearch, greedyDecode, type BeamOptions, type BeamResult, type DecodeOptions, type GreedyResult, type Hypothesis } from "./decode";
export {
  checkVocabularies, exportSeq2Seq, loadSeq2SeqParams, parseSeq2SeqFile, seq2seqConfigMismatch,
  MAX_SEQ2SEQ_FILE_CHARS, SEQ2SEQ_FORMAT, SEQ2SEQ_FORMAT_VERSION, type ExportExtras, type Seq2SeqFile, type SpecialTokens,
} from "./io";
export { parseSeq2seqFixture, runSeq2seqFixture, type Seq2SeqFixture } from "./conformance";
export { seq2seqGradCheck, type Seq2SeqGradCheckResult } from "./gradcheck";
