// src/store/charStore.ts: one character lab's state: its text, settings, samples and latest snapshot; owns its worker.
import { createStore, type StoreApi } from "zustand/vanilla";
import { countParams, parseModelFile, type CellType, type ModelFile } from "../engine";
import {
  buildVocabulary, checkText, countChars, decodeUtf8, describeSymbol, firstChars, MAX_FILE_BYTES, MAX_TEXT_CHARS,
  missingSymbols, normalizeText, streamProblem, TextInputError, vocabularyOf,
} from "../data/text";
import {
  CHAR_PROTOCOL_VERSION,
  type CharCheckpoint, type CharCommand, type CharInspection, type CharReport, type CharSample, type CharSnapshot, type DivergenceInfo,
} from "../worker/chars/protocol";
import type { FaultKind, WorkerLike } from "../worker/kit/protocol";
import { inLang, msgOf, msgPer, type Lang, type Msg, type MsgLike } from "../i18n";
import { createConnection } from "./kit/connection";
import { PytorchRequests, type PytorchReport } from "./kit/pytorch";
import { followConnection, statusAfterSnapshot } from "./kit/lifecycle";
import { CHARS } from "../i18n/chars";
import { defaults, parseField } from "./schema";
import { indexedDbRecord } from "./persist";
import { isLockedKey, lockedChanges, lockedRefusal, lockedRemedyRefusal, withLocks } from "./locks";
import {
  CHAR_SCHEMA, CORPORA, LIVE_KEYS, MAX_PRIME_CHARS, optimOf, SAMPLING_KEYS, samplingOf, toCharSetup,
  type BuiltinCorpus, type CharKey, type CharSettings,
} from "./charSettings";

/** What the store needs of a Worker (a real one in the browser, an in-process one in tests). */
export type CharWorkerLike = WorkerLike<CharCommand, CharReport>;

export type CharStatus = "loadingText" | "noText" | "starting" | "idle" | "training" | "diverged" | "restarting" | "failed";

export type TextSource = { kind: "builtin"; id: string } | { kind: "custom"; name: string };

/** What survives a reload (IndexedDB): settings, the learner's own text, and the model with its vocabulary. */
export interface SavedLab {
  version: 1;
  settings: CharSettings;
  prime: string;
  source: TextSource;
  /** The learner's own text, when the source is custom. */
  customText: string | null;
  vocabulary: string[];
  checkpoint: CharCheckpoint | null;
}

export interface LabStorage {
  load(): Promise<SavedLab | null>;
  save(lab: SavedLab): Promise<void>;
  clear(): Promise<void>;
}

export type ColourBy = "h" | "c" | "i" | "f" | "g" | "o" | "r" | "z" | "n";

export interface Message {
  kind: "ok" | "error";
  text: MsgLike;
}

/** Checkpoints arrive every few seconds while training; storage writes are coalesced to at most one per this. */
const SAVE_DEBOUNCE_MS = 500;

export interface CharState {
  settings: CharSettings;
  prime: string;
  source: TextSource;
  /** The text trained on (normalised), null until one is loaded. */
  text: string | null;
  textLength: number;
  /** The vocabulary the model uses: the text's own, or a loaded model's. */
  vocabulary: string[];
  /** True when the vocabulary is a loaded model's and lacks characters of the text: no training, sampling only. */
  isSampleOnly: boolean;
  /** Why the last text offered was refused (the current text is kept). */
  textError: MsgLike | null;
  /** A text over the limit, kept so the learner can choose to use its first part. */
  largeText: { text: string; name: string; length: number } | null;
  textNotice: MsgLike | null;
  fieldErrors: Partial<Record<CharKey | "prime", MsgLike>>;
  urlWarnings: readonly MsgLike[];
  status: CharStatus;
  snapshot: CharSnapshot | null;
  divergence: DivergenceInfo | null;
  error: MsgLike | null;
  notice: MsgLike | null;
  liveSample: CharSample | null;
  generated: CharSample | null;
  isGenerating: boolean;
  /** The step of the generated text whose candidates are shown. */
  selectedStep: number;
  inspection: CharInspection | null;
  inspectLayer: number;
  inspectUnit: number;
  colourBy: ColourBy;
  hoverT: number | null;
  modelMessage: Message | null;
  /** Whether settings and model are saved across reloads (false where the browser has no IndexedDB). */
  canPersist: boolean;

  start(): Promise<void>;
  dispose(): void;
  train(): void;
  pause(): void;
  toggleTraining(): void;
  step(): void;
  reset(): void;
  setSetting(key: CharKey, raw: unknown): void;
  setPrime(prime: string): void;
  chooseCorpus(id: string): Promise<void>;
  useText(text: string, name: string): void;
  openTextFile(file: Blob, name: string): Promise<void>;
  useFirstPart(): void;
  generate(): void;
  selectStep(step: number): void;
  saveModel(): void;
  loadModelFile(text: string, fileName: string): void;
  forgetSaved(): Promise<void>;
  setInspectUnit(layer: number, unit: number): void;
  setColourBy(by: ColourBy): void;
  setHoverT(t: number | null): void;
  applyRemedy(remedy: "halveLearningRate" | "enableClipping"): void;
  dismissNotice(): void;
  simulateCrash(): void;
  /** Test hook: make the worker fail in one of the ways a real one can (throw, reject, hang, exit). */
  fault(kind: FaultKind): void;
  /** "Export to PyTorch": the Python file that continues this run, made by the worker (or why it cannot be). */
  requestPytorch(): Promise<PytorchReport>;
}

export interface CharStoreOptions {
  settings: CharSettings;
  urlWarnings?: readonly MsgLike[];
  /** True when the settings came from the link: they win over saved ones. */
  hasUrlSettings?: boolean;
  createWorker: () => CharWorkerLike;
  /** Fetches a built-in text (path relative to the site root). */
  fetchText: (path: string) => Promise<string>;
  storage?: LabStorage | null;
  /** Hands a file to the learner (a download in the browser). */
  download?: (fileName: string, text: string) => void;
  now?: () => number;
  /** Runs the watchdog (setInterval by default; tests may pass their own clock). */
  every?: (ms: number, fn: () => void) => () => void;
  /** Settings the course locked (lock=… in the link): they start at these values and no action changes them. */
  locked?: Partial<CharSettings>;
}

function without<T extends object>(o: T, key: keyof T): T {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as T;
}

const grouped = (n: number): string => n.toLocaleString("en");

/** A built-in text's name in `lang`. */
export function corpusName(corpus: BuiltinCorpus, lang: Lang): string {
  return lang === "zh" ? corpus.zh.name : corpus.name;
}

/** What the text is called: a built-in text's name in `lang`, or the learner's file or "Pasted text". */
function sourceName(source: TextSource, lang: Lang): string {
  if (source.kind === "custom") return source.name;
  const corpus = CORPORA.find((c) => c.id === source.id);
  return corpus ? corpusName(corpus, lang) : source.id;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Settings read back from storage pass through the schema again (a stored value may predate a change of range). */
function revalidate(raw: Partial<Record<string, unknown>>): CharSettings {
  const out = defaults(CHAR_SCHEMA) as Record<string, unknown>;
  for (const [k, spec] of Object.entries(CHAR_SCHEMA)) {
    if (!(k in raw)) continue;
    const r = parseField(spec, raw[k]);
    if (r.ok) out[k] = r.value;
  }
  return out as CharSettings;
}

/** A character model's problems as the learner should read them (in both languages); null when the lab can take it. */
export function characterModelProblem(file: ModelFile): Msg | null {
  const c = file.config;
  if (c.loss !== "xent" || c.inputKind !== "onehot" || c.outputMode !== "all" || c.inputSize !== c.outputSize) {
    return msgOf(CHARS, "notCharModel", { loss: c.loss, inputs: c.inputKind, outputs: c.outputMode });
  }
  if (!file.vocabulary) return msgOf(CHARS, "noVocabulary", { n: String(c.inputSize) });
  const hidden = CHAR_SCHEMA.hidden;
  if (c.hiddenSize < hidden.min || c.hiddenSize > hidden.max) return msgOf(CHARS, "hiddenOutOfRange", { h: String(c.hiddenSize), min: String(hidden.min), max: String(hidden.max) });
  const layers = CHAR_SCHEMA.layers;
  if (c.numLayers > layers.max) return msgOf(CHARS, "tooManyLayers", { n: String(c.numLayers), max: String(layers.max) });
  return null;
}

export function createCharStore(options: CharStoreOptions): StoreApi<CharState> {
  const now = options.now ?? (() => Date.now());
  const storage = options.storage ?? null;
  let lastCheckpoint: CharCheckpoint | null = null;
  let requestId = 0;
  let pendingGenerate = -1;
  let pendingExport = -1;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let isDisposed = false;
  /** The first start's restore-or-fetch, shared by a second start that comes before it ends. */
  let starting: Promise<void> | null = null;
  /** Bumped by every text request, so a slow fetch that lost the race is ignored. */
  let textRequest = 0;

  return createStore<CharState>()((set, get) => {
    const connection = createConnection<CharCommand, CharReport, CharCheckpoint>({
      createWorker: options.createWorker,
      now,
      every: options.every,
      init: (resume) => {
        const { settings, prime } = get();
        return { type: "init", version: CHAR_PROTOCOL_VERSION, setup: setupNow(), sampling: samplingOf(settings, prime), ...(resume ? { resume } : {}) };
      },
      latest: () => lastCheckpoint ?? undefined,
      isTraining: () => get().status === "training",
      onReport: (report) => {
        onReport(report);
      },
      onEvent: (event) => {
        if (event.type === "error") set({ isGenerating: false });
        follow(event);
      },
    });
    const follow = followConnection(get, set);
    const send = (cmd: CharCommand): void => {
      connection.send(cmd);
    };
    const pytorch = new PytorchRequests();

    const setupNow = () => {
      const { settings, text, vocabulary } = get();
      return toCharSetup(settings, text ?? "", vocabulary);
    };

    const saveSoon = (): void => {
      if (!storage || isDisposed) return;
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        saveTimer = null;
        const s = get();
        if (s.text === null) return;
        const lab: SavedLab = {
          version: 1,
          settings: s.settings,
          prime: s.prime,
          source: s.source,
          customText: s.source.kind === "custom" ? s.text : null,
          vocabulary: s.vocabulary,
          checkpoint: lastCheckpoint,
        };
        storage.save(lab).catch((e: unknown) => {
          set({ notice: msgOf(CHARS, "couldNotSaveLab", { why: (e as Error).message }) });
        });
      }, SAVE_DEBOUNCE_MS);
    };

    const onReport = (report: CharReport): void => {
      switch (report.type) {
        case "snapshot": {
          const s = report.snapshot;
          set({ snapshot: s, status: statusAfterSnapshot(s.isTraining, get().status) as CharStatus });
          return;
        }
        case "sample":
          if (report.requestId === null) {
            set({ liveSample: report.sample });
          } else if (report.requestId === pendingGenerate) {
            set({ generated: report.sample, isGenerating: false, selectedStep: 0 });
          }
          return;
        case "inspection": {
          const i = report.inspection;
          const { inspectLayer, inspectUnit, colourBy } = get();
          const hasColour = colourBy === "h" || (colourBy === "c" ? i.c !== null : colourBy in i.gates);
          set({
            inspection: i,
            inspectLayer: Math.min(inspectLayer, i.numLayers - 1),
            inspectUnit: Math.min(inspectUnit, i.H - 1),
            colourBy: hasColour ? colourBy : "h",
          });
          return;
        }
        case "checkpoint":
          lastCheckpoint = report.checkpoint;
          saveSoon();
          return;
        case "model":
          if (report.requestId !== pendingExport) return;
          pendingExport = -1;
          try {
            const s = get().settings;
            const step = get().snapshot?.step ?? 0;
            const fileName = `char-${s.cell}-h${s.hidden}-l${s.layers}-step${step}.json`;
            options.download?.(fileName, report.json);
            set({ modelMessage: { kind: "ok", text: msgOf(CHARS, "savedModel", { file: fileName, n: grouped(report.json.length), v: String(get().vocabulary.length) }) } });
          } catch (e) {
            set({ modelMessage: { kind: "error", text: msgOf(CHARS, "couldNotSaveModel", { why: (e as Error).message }) } });
          }
          return;
        case "diverged":
          set({ status: "diverged", divergence: report.divergence });
          return;
        case "pytorch":
          pytorch.settle(report);
          return;
        default:
          return;
      }
    };

    /** Sends the current setup: a first worker, or a reset of the running one. */
    const startModel = (resume?: CharCheckpoint): void => {
      lastCheckpoint = resume ?? null;
      const wasTraining = get().status === "training";
      set({ divergence: null, error: null, liveSample: null, generated: null, inspection: null });
      if (!connection.isRunning) {
        set({ status: "starting" });
        connection.start(resume);
      } else {
        if (get().status === "diverged" || get().status === "failed") set({ status: "idle" });
        send({ type: "reset", setup: setupNow(), ...(resume ? { resume } : {}) });
        if (wasTraining && !get().isSampleOnly) send({ type: "train" });
      }
      saveSoon();
    };

    /** Takes a checked text: new vocabulary, new model. Returns false (and says why) when the settings cannot use it. */
    const applyText = (text: string, source: TextSource, resume?: CharCheckpoint, vocabularyOverride?: string[]): boolean => {
      const checked = checkText(text);
      const { settings } = get();
      const trainLength = checked.length - Math.floor(checked.length * settings.validation);
      const problem = streamProblem(trainLength, settings.batch, settings.bptt);
      if (problem) {
        set({ textError: msgOf(CHARS, "textUnusable", { message: problem }), largeText: null });
        return false;
      }
      const own = checked.vocabulary.symbols as string[];
      const vocabulary = vocabularyOverride ?? own;
      const corpus = source.kind === "builtin" ? source.id : "custom";
      set({
        text,
        textLength: checked.length,
        source,
        vocabulary,
        isSampleOnly: missingSymbols(text, vocabularyOf(vocabulary), 1).length > 0,
        settings: { ...settings, corpus },
        textError: null,
        largeText: null,
        textNotice: msgPer(CHARS, "textStats", (lang) => ({ name: sourceName(source, lang), n: grouped(checked.length), distinct: grouped(own.length) })),
      });
      startModel(resume);
      return true;
    };

    /** The learner's own text replaces the course's when the text (corpus) is locked: refused, with the reason. */
    const refuseOwnText = (): boolean => {
      if (!isLockedKey(options.locked, "corpus")) return false;
      set({ textError: lockedRefusal(CHAR_SCHEMA.corpus, get().settings.corpus), largeText: null });
      return true;
    };

    const refuseText = (e: unknown, name: string): void => {
      if (!(e instanceof TextInputError)) throw e;
      set({ textError: msgOf(CHARS, "textRefused", { name, message: e.message }), largeText: null });
    };

    const offerText = (raw: string, name: string): void => {
      const text = normalizeText(raw);
      try {
        applyText(text, { kind: "custom", name });
      } catch (e) {
        if (e instanceof TextInputError && e.problem === "tooLarge") {
          set({ largeText: { text, name, length: e.length }, textError: msgOf(CHARS, "textTooLarge", { name, message: e.message }) });
          return;
        }
        refuseText(e, name);
      }
    };

    const loadBuiltin = async (id: string, resume?: CharCheckpoint, vocabulary?: string[]): Promise<void> => {
      const corpus = CORPORA.find((c) => c.id === id) ?? CORPORA[0];
      const request = ++textRequest;
      const hadText = get().text !== null;
      if (!hadText) set({ status: "loadingText" });
      set({ textNotice: msgPer(CHARS, "loadingCorpus", (lang) => ({ name: corpusName(corpus, lang) })), textError: null });
      let raw: string;
      try {
        raw = await options.fetchText(corpus.file);
      } catch (e) {
        if (request !== textRequest || isDisposed) return;
        set({
          textNotice: null,
          textError: msgPer(CHARS, "couldNotLoadBuiltin", (lang) => ({ name: corpusName(corpus, lang), why: (e as Error).message })),
          status: hadText ? get().status : "noText",
        });
        return;
      }
      if (request !== textRequest || isDisposed) return;
      try {
        applyText(normalizeText(raw), { kind: "builtin", id: corpus.id }, resume, vocabulary);
      } catch (e) {
        refuseText(e, corpus.name);
        if (!hadText) set({ status: "noText" });
      }
    };

    const restore = async (): Promise<boolean> => {
      if (!storage) return false;
      let saved: SavedLab | null;
      try {
        saved = await storage.load();
      } catch (e) {
        set({ notice: msgOf(CHARS, "couldNotReadSaved", { why: (e as Error).message }) });
        return false;
      }
      if (!saved || saved.version !== 1) return false;
      const settings = withLocks(options.hasUrlSettings ? get().settings : revalidate(saved.settings), options.locked);
      set({ settings, prime: typeof saved.prime === "string" ? saved.prime.slice(0, MAX_PRIME_CHARS) : "" });
      // The saved model resumes only if the settings still describe its shape.
      let resume: CharCheckpoint | undefined;
      const cp = saved.checkpoint;
      const V = saved.vocabulary.length;
      if (cp && cp.params.length === countParams({ cell: settings.cell as CellType, inputSize: V, hiddenSize: settings.hidden, numLayers: settings.layers, outputSize: V })) {
        resume = cp;
      } else if (cp) {
        set({ notice: msgOf(CHARS, "savedModelMismatch") });
      }
      const vocabulary = resume ? saved.vocabulary : undefined;
      // A locked text is the course's: the text saved in this browser does not replace it.
      const source: TextSource = isLockedKey(options.locked, "corpus") ? { kind: "builtin", id: settings.corpus } : saved.source;
      if (source.kind === "custom" && saved.customText) {
        try {
          applyText(saved.customText, source, resume, vocabulary);
          return true;
        } catch {
          return false;
        }
      }
      const id = source.kind === "builtin" ? source.id : settings.corpus;
      await loadBuiltin(CORPORA.some((c) => c.id === id) ? id : CORPORA[0].id, resume, vocabulary);
      return true;
    };

    return {
      settings: withLocks(options.settings, options.locked),
      prime: "",
      source: { kind: "builtin", id: withLocks(options.settings, options.locked).corpus },
      text: null,
      textLength: 0,
      vocabulary: [],
      isSampleOnly: false,
      textError: null,
      largeText: null,
      textNotice: null,
      fieldErrors: {},
      urlWarnings: options.urlWarnings ?? [],
      status: "loadingText",
      snapshot: null,
      divergence: null,
      error: null,
      notice: null,
      liveSample: null,
      generated: null,
      isGenerating: false,
      selectedStep: 0,
      inspection: null,
      inspectLayer: 0,
      inspectUnit: 0,
      colourBy: "h",
      hoverT: null,
      modelMessage: null,
      canPersist: storage !== null,

      async start() {
        isDisposed = false;
        if (connection.isRunning) return;
        // Mounted again (React StrictMode, or a remount): the text is here, only the worker went.
        if (get().text !== null) {
          startModel(lastCheckpoint ?? undefined);
          return;
        }
        starting ??= (async () => {
          if (await restore()) return;
          const id = get().settings.corpus;
          await loadBuiltin(CORPORA.some((c) => c.id === id) ? id : CORPORA[0].id);
        })();
        await starting;
      },
      dispose() {
        isDisposed = true;
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = null;
        connection.stop();
      },
      train() {
        if (get().status !== "idle" || get().isSampleOnly) return;
        set({ status: "training", notice: null });
        send({ type: "train" });
      },
      pause() {
        send({ type: "pause" });
      },
      toggleTraining() {
        if (get().status === "training") get().pause();
        else get().train();
      },
      step() {
        if (get().status !== "idle" || get().isSampleOnly) return;
        send({ type: "step" });
      },
      reset() {
        const { text } = get();
        if (text === null) return;
        // A new network on the text's own vocabulary (a loaded model's vocabulary is dropped).
        set({ vocabulary: buildVocabulary(text).symbols as string[], isSampleOnly: false, notice: null, modelMessage: null });
        startModel();
      },
      setSetting(key, raw) {
        const parsed = parseField(CHAR_SCHEMA[key], raw);
        if (!parsed.ok) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: parsed.message } });
          return;
        }
        if (isLockedKey(options.locked, key) && parsed.value !== get().settings[key]) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: lockedRefusal(CHAR_SCHEMA[key], get().settings[key]) } });
          return;
        }
        if (key === "corpus") {
          set({ fieldErrors: without(get().fieldErrors, key) });
          void get().chooseCorpus(parsed.value as string);
          return;
        }
        const next = { ...get().settings, [key]: parsed.value } as CharSettings;
        if (next[key] === get().settings[key]) {
          set({ fieldErrors: without(get().fieldErrors, key) });
          return;
        }
        const { textLength } = get();
        if (textLength > 0 && (key === "batch" || key === "bptt" || key === "validation")) {
          const problem = streamProblem(textLength - Math.floor(textLength * next.validation), next.batch, next.bptt);
          if (problem) {
            set({ fieldErrors: { ...get().fieldErrors, [key]: msgOf(CHARS, "textUnusable", { message: problem }) } });
            return;
          }
        }
        set({ settings: next, fieldErrors: without(get().fieldErrors, key), error: null });
        if (SAMPLING_KEYS.includes(key)) {
          send({ type: "setSampling", sampling: samplingOf(next, get().prime) });
        } else if (LIVE_KEYS.includes(key)) {
          send({ type: "setOptim", optim: optimOf(next) });
        } else if (get().text !== null) {
          // A new network: on the text's own vocabulary, as Reset.
          set({ vocabulary: buildVocabulary(get().text!).symbols as string[], isSampleOnly: false });
          startModel();
          return;
        }
        saveSoon();
      },
      setPrime(prime) {
        if (countChars(prime) > MAX_PRIME_CHARS) {
          set({ fieldErrors: { ...get().fieldErrors, prime: msgOf(CHARS, "primeTooLong", { n: MAX_PRIME_CHARS }) } });
          return;
        }
        const missing = missingSymbols(prime, vocabularyOf(get().vocabulary), 3);
        if (missing.length > 0) {
          set({
            prime,
            fieldErrors: {
              ...get().fieldErrors,
              prime: msgOf(CHARS, "primeUnknown", { symbols: missing.map((s) => `"${describeSymbol(s)}"`).join(", ") }),
            },
          });
          return;
        }
        set({ prime, fieldErrors: without(get().fieldErrors, "prime") });
        send({ type: "setSampling", sampling: samplingOf(get().settings, prime) });
        saveSoon();
      },
      async chooseCorpus(id) {
        if (id === "custom") return; // the learner's own text is applied with useText/openTextFile
        if (!CORPORA.some((c) => c.id === id)) {
          set({ fieldErrors: { ...get().fieldErrors, corpus: msgOf(CHARS, "noSuchCorpus", { id }) } });
          return;
        }
        await loadBuiltin(id);
      },
      useText(text, name) {
        if (refuseOwnText()) return;
        textRequest++; // a built-in text still loading loses to this one
        offerText(text, name);
      },
      async openTextFile(file, name) {
        if (refuseOwnText()) return;
        textRequest++;
        const isPartial = file.size > MAX_FILE_BYTES;
        let text: string;
        try {
          const bytes = new Uint8Array(await (isPartial ? file.slice(0, MAX_FILE_BYTES) : file).arrayBuffer());
          text = decodeUtf8(bytes, name, isPartial);
        } catch (e) {
          if (e instanceof TextInputError) {
            set({ textError: msgOf(CHARS, "textRefused", { name: null, message: e.message }), largeText: null });
            return;
          }
          set({ textError: msgOf(CHARS, "fileUnreadable", { name, why: (e as Error).message }), largeText: null });
          return;
        }
        if (isPartial) {
          const normalized = normalizeText(text);
          set({
            largeText: { text: normalized, name, length: Infinity },
            textError: msgOf(CHARS, "fileTooLarge", { name, bytes: grouped(file.size), max: grouped(MAX_TEXT_CHARS) }),
          });
          return;
        }
        offerText(text, name);
      },
      useFirstPart() {
        if (refuseOwnText()) return;
        const large = get().largeText;
        if (!large) return;
        const part = firstChars(large.text, MAX_TEXT_CHARS);
        offerText(part, `${large.name} (first ${grouped(MAX_TEXT_CHARS)} characters)`);
      },
      generate() {
        if (get().fieldErrors.prime || !connection.isRunning) return;
        pendingGenerate = ++requestId;
        set({ isGenerating: true, error: null });
        send({ type: "generate", requestId: pendingGenerate, sampling: samplingOf(get().settings, get().prime) });
      },
      selectStep(step) {
        const g = get().generated;
        if (!g) return;
        const clamped = Math.max(0, Math.min(g.indices.length - 1, Math.round(step)));
        if (clamped !== get().selectedStep) set({ selectedStep: clamped });
      },
      saveModel() {
        if (!connection.isRunning) return;
        pendingExport = ++requestId;
        send({ type: "export", requestId: pendingExport });
      },
      loadModelFile(text, fileName) {
        const refuse = (why: MsgLike): void => {
          set({ modelMessage: { kind: "error", text: msgPer(CHARS, "modelRefused", (lang) => ({ file: fileName, why: inLang(why, lang) })) } });
        };
        let file: ModelFile;
        try {
          file = parseModelFile(text);
        } catch (e) {
          refuse(msgOf(CHARS, "engineProblem", { message: (e as Error).message }));
          return;
        }
        const problem = characterModelProblem(file);
        if (problem) {
          refuse(problem);
          return;
        }
        const current = get().text;
        if (current === null) {
          refuse(msgOf(CHARS, "noTextForModel"));
          return;
        }
        const vocabulary = file.vocabulary!;
        const c = file.config;
        const settings: CharSettings = { ...get().settings, cell: c.cell, hidden: c.hiddenSize, layers: c.numLayers };
        const lockedShape = lockedChanges(get().settings, settings, options.locked);
        if (lockedShape.length > 0) {
          refuse(lockedRemedyRefusal(CHAR_SCHEMA, lockedShape));
          return;
        }
        const own = buildVocabulary(current).symbols;
        const missing = missingSymbols(current, vocabularyOf(vocabulary), 5);
        let text2: Msg;
        if (sameList(own, vocabulary)) {
          text2 = msgOf(CHARS, "sameVocabulary");
        } else if (missing.length === 0) {
          text2 = msgOf(CHARS, "coveringVocabulary", { v: String(vocabulary.length), own: String(own.length) });
        } else {
          text2 = msgOf(CHARS, "lackingVocabulary", { v: String(vocabulary.length), missing: missing.map((s) => `"${describeSymbol(s)}"`).join(", ") });
        }
        set({
          settings,
          vocabulary,
          isSampleOnly: missing.length > 0,
          modelMessage: { kind: "ok", text: msgPer(CHARS, "loadedModel", (lang) => ({ file: fileName, cell: c.cell.toUpperCase(), h: String(c.hiddenSize), l: String(c.numLayers), more: text2[lang] })) },
        });
        startModel({ step: 0, params: file.params, history: { step: new Float64Array(0), train: new Float64Array(0), valStep: new Float64Array(0), val: new Float64Array(0) } });
      },
      async forgetSaved() {
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = null;
        try {
          await storage?.clear();
        } catch (e) {
          set({ notice: msgOf(CHARS, "couldNotClearSaved", { why: (e as Error).message }) });
          return;
        }
        // Back to the defaults, as a first visit would be (the fresh model is what gets saved from now on).
        const fresh = withLocks(defaults(CHAR_SCHEMA), options.locked);
        set({ settings: fresh, prime: "", fieldErrors: {}, modelMessage: null, notice: msgOf(CHARS, "forgotSaved") });
        lastCheckpoint = null;
        await loadBuiltin(fresh.corpus);
      },
      setInspectUnit(layer, unit) {
        const i = get().inspection;
        const L = i?.numLayers ?? get().settings.layers;
        const H = i?.H ?? get().settings.hidden;
        set({ inspectLayer: Math.max(0, Math.min(L - 1, layer)), inspectUnit: Math.max(0, Math.min(H - 1, unit)) });
      },
      setColourBy(by) {
        set({ colourBy: by });
      },
      setHoverT(t) {
        if (get().hoverT !== t) set({ hoverT: t });
      },
      applyRemedy(remedy) {
        const s = get().settings;
        const next: CharSettings = remedy === "halveLearningRate" ? { ...s, lr: s.lr / 2 } : { ...s, clip: true, clipNorm: Math.min(s.clipNorm, 1) };
        const refused = lockedChanges(s, next, options.locked);
        if (refused.length > 0) {
          set({ error: lockedRemedyRefusal(CHAR_SCHEMA, refused) });
          return;
        }
        set({ settings: next, divergence: null, status: "training", error: null });
        send({ type: "resume", optim: optimOf(next) });
      },
      dismissNotice() {
        set({ notice: null });
      },
      simulateCrash() {
        connection.fault("throw");
      },
      fault(kind) {
        connection.fault(kind);
      },
      requestPytorch() {
        return pytorch.request(send);
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Storage across reloads: one IndexedDB record (src/store/persist.ts), under the names it has always had.

/** The browser's IndexedDB as LabStorage, or null where there is none (jsdom, some private modes). */
export function indexedDbStorage(): LabStorage | null {
  return indexedDbRecord<SavedLab>("rnn-notebook-char-lab", "lab", "current");
}
