// src/audio/index.ts: the speech lab's audio core: built-in words, features, recordings, microphone and listening.
// Everything but capture.ts and recordings.ts is free of DOM APIs and runs in a worker or in Node as well.
export { AudioError, type AudioErrorCode } from "./errors";
export { AUDIO_ERRORS, audioErrorMsg } from "./messages";
export { decodeMulaw, encodeMulaw } from "./mulaw";
export { decodeWav, encodeWav, type Pcm } from "./wav";
export { loadSpeechPack, parseSpeechIndex, decodeSpeechPack, type SpeechPack, type SpeechClip, type Split } from "./pack";
export {
  SAMPLE_RATE, FRAME_SIZE, HOP_SIZE, MEL_BANDS, FRAMES_PER_SECOND, FLOOR_DB,
  frameCount, logMelFrames, normaliseLogMel, speechFeatures, LogMelStream, type FeatureFrames,
} from "./features";
export {
  level, blockLevels, findWord, trimSilence, toDb, type Level, type WordSpan,
  SILENT_DB, MAX_WORD_SECONDS, MIN_WORD_SECONDS, TRIM_MARGIN_SECONDS,
} from "./level";
export { Resampler, resample } from "./resample";
export { Endpointer, type EndpointEvent, HANGOVER_BLOCKS, PREROLL } from "./endpoint";
export { Listener, type HeardWord, type ListenerOptions } from "./listen";
export { examplesFromPack, ofSplit, makeBatch, epochBatches, type SpeechExample, type SpeechBatch } from "./dataset";
export { startCapture, recordFor, mediaErrorToAudioError, type Capture, type CaptureOptions } from "./capture";
export { openRecordingStore, recordingProblem, MAX_STORED_SAMPLES, type Recording, type RecordingStore, type RecordingList } from "./recordings";
