// src/worker/parse/worker.ts: the parsing worker's entry: reads and checks a learner's CSV file so the page never
// holds its thread for the seconds a 20 MB file takes to split into lines; answers once, then the page ends it.
import { parseCsvColumn, SeriesInputError } from "../../data/csv";
import type { ParseCsvReply, ParseCsvRequest } from "./protocol";

interface Scope {
  onmessage: ((e: MessageEvent<ParseCsvRequest>) => void) | null;
  postMessage(message: ParseCsvReply, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as Scope;

scope.onmessage = (e) => {
  const request = e.data;
  request.file.text().then(
    (text) => {
      try {
        const col = parseCsvColumn(text);
        scope.postMessage({ type: "csv", ok: true, values: col.values, name: col.name }, [col.values.buffer]);
      } catch (err) {
        const isInput = err instanceof SeriesInputError;
        scope.postMessage({ type: "csv", ok: false, isInput, message: err instanceof Error ? err.message : String(err) });
      }
    },
    (err: unknown) => {
      scope.postMessage({ type: "csv", ok: false, isInput: false, message: err instanceof Error ? err.message : String(err) });
    },
  );
};
