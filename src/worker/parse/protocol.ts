// src/worker/parse/protocol.ts: messages to and from the parsing worker, which reads large learner files off the page's thread.

/** Read `file` as CSV and return one column of decimal numbers (src/data/csv.ts parseCsvColumn). */
export interface ParseCsvRequest {
  type: "csv";
  file: Blob;
}

export type ParseCsvReply =
  | { type: "csv"; ok: true; values: Float64Array; name: string | null }
  /** `isInput`: the data was refused (the message says why); otherwise the file could not be read at all. */
  | { type: "csv"; ok: false; isInput: boolean; message: string };
