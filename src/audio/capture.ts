// src/audio/capture.ts: the microphone, as Float32 chunks at 8 kHz. Audio stays in the page: nothing is sent anywhere.
//
// getUserMedia → MediaStreamAudioSourceNode → an AudioWorklet (or, where there is none, a ScriptProcessorNode)
// that hands over each block of samples → Resampler to SAMPLE_RATE → onChunk. Failures become AudioError codes:
// permissionDenied, noDevice, deviceBusy, notSupported.
import { AudioError } from "./errors";
import { SAMPLE_RATE } from "./features";
import { level, type Level } from "./level";
import { Resampler } from "./resample";

export interface CaptureOptions {
  /** Each new chunk of samples at SAMPLE_RATE (8 kHz), about every 11–43 ms. */
  readonly onChunk: (samples: Float32Array) => void;
  /** The level of each chunk as captured, for a meter. */
  readonly onLevel?: (level: Level) => void;
  /** Force the ScriptProcessorNode path (for tests of the fallback). */
  readonly preferScriptProcessor?: boolean;
}

export interface Capture {
  /** The AudioContext's rate, at which the microphone is read before resampling. */
  readonly contextRate: number;
  readonly method: "audioWorklet" | "scriptProcessor";
  /** Stops the microphone (its indicator goes off) and closes the audio context. */
  stop(): Promise<void>;
}

/** Samples per message from the worklet: 512 (about 11 ms at 48 kHz) keeps "Listen" quick without flooding. */
const WORKLET_BLOCK = 512;

// The worklet runs on the audio thread and cannot import modules from the page's bundle: it is this tiny source,
// loaded from a Blob URL (no extra file to serve, no build step).
const WORKLET_SOURCE = `
class RnnNotebookCapture extends AudioWorkletProcessor {
  constructor() { super(); this.block = new Float32Array(${WORKLET_BLOCK}); this.n = 0; }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      for (let i = 0; i < channel.length; i++) {
        this.block[this.n++] = channel[i];
        if (this.n === this.block.length) {
          this.port.postMessage(this.block, [this.block.buffer]);
          this.block = new Float32Array(${WORKLET_BLOCK});
          this.n = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor("rnn-notebook-capture", RnnNotebookCapture);
`;

/** getUserMedia's (and AudioContext's) DOMException names to our codes. */
export function mediaErrorToAudioError(e: unknown): AudioError {
  // A DOMException from another realm (an iframe, a test DOM) is not `instanceof Error` here: read its fields.
  const o = typeof e === "object" && e !== null ? (e as { name?: unknown; message?: unknown }) : {};
  const name = typeof o.name === "string" ? o.name : "";
  const message = typeof o.message === "string" ? o.message : String(e);
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return new AudioError("permissionDenied", `The microphone was refused (${message}). Allow it in the browser's site settings to record.`, { name });
    case "NotFoundError":
    case "OverconstrainedError":
    case "DevicesNotFoundError":
      return new AudioError("noDevice", `No microphone was found (${message}). Connect one, or use the built-in voices.`, { name });
    case "NotReadableError":
    case "AbortError":
    case "TrackStartError":
      return new AudioError("deviceBusy", `The microphone could not be started (${message}); another program may be using it.`, { name });
    default:
      return new AudioError("notSupported", `The microphone cannot be used here (${name || "error"}: ${message}).`, { name });
  }
}

/** Starts reading the microphone. Rejects with an AudioError (see mediaErrorToAudioError). */
export async function startCapture(options: CaptureOptions): Promise<Capture> {
  const AudioContextClass = globalThis.AudioContext as typeof AudioContext | undefined;
  if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia || !AudioContextClass) {
    throw new AudioError("notSupported", "This browser cannot record audio here (no getUserMedia or Web Audio; the page must be served over https).");
  }
  let stream: MediaStream;
  try {
    // Raw sound: echo cancellation, noise suppression and gain control would make recordings unlike the built-in set.
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (e) {
    throw mediaErrorToAudioError(e);
  }
  const context = new AudioContextClass();
  const stopAll = async (): Promise<void> => {
    for (const track of stream.getTracks()) track.stop();
    if (context.state !== "closed") await context.close();
  };
  try {
    if (context.state === "suspended") await context.resume();
    const source = context.createMediaStreamSource(stream);
    const resampler = new Resampler(context.sampleRate, SAMPLE_RATE);
    const deliver = (block: Float32Array): void => {
      options.onLevel?.(level(block));
      const out = resampler.push(block);
      if (out.length > 0) options.onChunk(out);
    };
    // A muted sink keeps the graph pulling samples without playing the microphone back.
    const mute = context.createGain();
    mute.gain.value = 0;
    mute.connect(context.destination);
    let method: Capture["method"];
    let disconnect: () => void;
    if (context.audioWorklet && !options.preferScriptProcessor) {
      const url = URL.createObjectURL(new Blob([WORKLET_SOURCE], { type: "text/javascript" }));
      try {
        await context.audioWorklet.addModule(url);
      } finally {
        URL.revokeObjectURL(url);
      }
      const node = new AudioWorkletNode(context, "rnn-notebook-capture", { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1 });
      node.port.onmessage = (event: MessageEvent<Float32Array>) => {
        deliver(event.data);
      };
      source.connect(node).connect(mute);
      method = "audioWorklet";
      disconnect = () => {
        node.port.onmessage = null;
        source.disconnect();
        node.disconnect();
      };
    } else {
      // Deprecated but still everywhere, and the only way where AudioWorklet is missing; 2048 samples per callback
      // (~43 ms at 48 kHz). The fallback is its purpose, so the deprecation warnings are silenced here.
      /* eslint-disable @typescript-eslint/no-deprecated */
      const node = context.createScriptProcessor(2048, 1, 1);
      node.onaudioprocess = (event) => {
        deliver(event.inputBuffer.getChannelData(0).slice());
      };
      source.connect(node).connect(mute);
      method = "scriptProcessor";
      disconnect = () => {
        node.onaudioprocess = null;
        source.disconnect();
        node.disconnect();
      };
      /* eslint-enable @typescript-eslint/no-deprecated */
    }
    return {
      contextRate: context.sampleRate,
      method,
      async stop() {
        disconnect();
        await stopAll();
      },
    };
  } catch (e) {
    await stopAll();
    throw e instanceof AudioError ? e : mediaErrorToAudioError(e);
  }
}

/**
 * Records `seconds` of microphone audio at 8 kHz (for a fixed-length "Record"); the capture is stopped after.
 * A microphone that delivers nothing (a muted or stalled device) fails with "deviceBusy" after `seconds` + 3 s
 * instead of leaving the caller waiting.
 */
export async function recordFor(seconds: number, options: Omit<CaptureOptions, "onChunk"> = {}): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  let total = 0;
  const wanted = Math.round(seconds * SAMPLE_RATE);
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const capture = await startCapture({
    ...options,
    onChunk: (c) => {
      if (total >= wanted) return;
      chunks.push(c);
      total += c.length;
      if (total >= wanted) done();
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new AudioError("deviceBusy", `The microphone delivered ${(total / SAMPLE_RATE).toFixed(1)} s of sound in ${seconds + 3} s; it may be muted or stalled.`, {
        seconds: Number((total / SAMPLE_RATE).toFixed(1)),
      }));
    }, (seconds + 3) * 1000);
  });
  try {
    await Promise.race([finished, stalled]);
  } finally {
    clearTimeout(timer);
    await capture.stop();
  }
  const out = new Float32Array(wanted);
  let at = 0;
  for (const c of chunks) {
    out.set(c.subarray(0, Math.min(c.length, wanted - at)), at);
    at += c.length;
    if (at >= wanted) break;
  }
  return out;
}
