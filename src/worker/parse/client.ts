// src/worker/parse/client.ts: the page's side of the parsing worker: one worker per file, ended once it answers.
import { parseCsvColumn, SeriesInputError } from "../../data/csv";
import type { ParseCsvReply, ParseCsvRequest } from "./protocol";

export type CsvFileResult = Extract<ParseCsvReply, { ok: true }> | Extract<ParseCsvReply, { ok: false }>;

/**
 * Reads and parses `file` in a Web Worker (or, where there are none, on this thread: jsdom, old browsers). Never
 * rejects: a refused or unreadable file resolves with `ok: false` and the reason.
 */
export function parseCsvFile(file: Blob): Promise<CsvFileResult> {
  if (typeof Worker === "undefined") return parseHere(file);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "rnn-notebook file reader" });
    } catch {
      resolve(parseHere(file));
      return;
    }
    worker.onmessage = (e: MessageEvent<ParseCsvReply>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve({ type: "csv", ok: false, isInput: false, message: e.message || "the file reader stopped" });
    };
    const request: ParseCsvRequest = { type: "csv", file };
    worker.postMessage(request);
  });
}

async function parseHere(file: Blob): Promise<CsvFileResult> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { type: "csv", ok: false, isInput: false, message: e instanceof Error ? e.message : String(e) };
  }
  try {
    const col = parseCsvColumn(text);
    return { type: "csv", ok: true, values: col.values, name: col.name };
  } catch (e) {
    if (!(e instanceof SeriesInputError)) throw e;
    return { type: "csv", ok: false, isInput: true, message: e.message };
  }
}
