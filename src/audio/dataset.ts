// src/audio/dataset.ts: spoken words as training data: features + labels + lengths, in engine v2's batch layout.
//
// v2 batches (docs/conformance.md, "v2"): dense inputs [T][B][D] with T the longest sequence of the batch, shorter
// ones zero-padded, `lengths` [B] giving each sequence's valid steps, and with output "last" one class index per
// sequence (`targetIndices` [B]), read at the sequence's own last step.
import { speechFeatures, type FeatureFrames } from "./features";
import type { SpeechPack, Split } from "./pack";

/** One spoken word, ready for the network. */
export interface SpeechExample {
  readonly features: FeatureFrames;
  /** Class index into the word list. */
  readonly label: number;
  /** Who spoke it: an espeak-ng voice name, or "you" for the learner's recordings. */
  readonly voice: string;
  readonly split: Split;
}

/** A batch in engine v2's format for many-to-one classification. */
export interface SpeechBatch {
  readonly T: number;
  readonly B: number;
  readonly D: number;
  /** [T][B][D], zero at padded steps t ≥ lengths[b]. */
  readonly inputs: Float64Array;
  /** [B], each in 1 … T. */
  readonly lengths: Int32Array;
  /** [B] class indices. */
  readonly targetIndices: Int32Array;
}

/** Every clip of the built-in set as an example (features computed here: about 2 ms per second of audio). */
export function examplesFromPack(pack: SpeechPack): SpeechExample[] {
  return pack.clips.map((clip) => ({
    features: speechFeatures(clip.samples),
    label: clip.word,
    voice: pack.voices[clip.voice].name,
    split: clip.split,
  }));
}

/** The examples of one split. */
export function ofSplit(examples: readonly SpeechExample[], split: Split): SpeechExample[] {
  return examples.filter((e) => e.split === split);
}

/** Packs examples into one batch: T is the longest, the others are padded with zeros. */
export function makeBatch(examples: readonly SpeechExample[]): SpeechBatch {
  if (examples.length === 0) throw new RangeError("A batch needs at least one example.");
  const D = examples[0].features.D;
  let T = 0;
  for (const e of examples) {
    if (e.features.D !== D) throw new RangeError(`Examples have ${D} and ${e.features.D} bands; a batch needs one size.`);
    T = Math.max(T, e.features.T);
  }
  const B = examples.length;
  const inputs = new Float64Array(T * B * D);
  const lengths = new Int32Array(B);
  const targetIndices = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const { features, label } = examples[b];
    lengths[b] = features.T;
    targetIndices[b] = label;
    for (let t = 0; t < features.T; t++) {
      const src = t * D, dst = (t * B + b) * D;
      for (let d = 0; d < D; d++) inputs[dst + d] = features.data[src + d];
    }
  }
  return { T, B, D, inputs, lengths, targetIndices };
}

/**
 * One epoch's batches of at most `batchSize` examples, in an order shuffled by `random` (a seeded generator, so a
 * run replays). Examples of similar length share a batch (sorted within windows of 8 batches), so little is padding.
 */
export function epochBatches(examples: readonly SpeechExample[], batchSize: number, random: () => number): SpeechBatch[] {
  const order = examples.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const window = batchSize * 8;
  for (let w = 0; w < order.length; w += window) {
    const part = order.slice(w, w + window).sort((a, b) => examples[a].features.T - examples[b].features.T);
    order.splice(w, part.length, ...part);
  }
  const batches: SpeechBatch[] = [];
  for (let i = 0; i < order.length; i += batchSize) {
    batches.push(makeBatch(order.slice(i, i + batchSize).map((k) => examples[k])));
  }
  return batches;
}
