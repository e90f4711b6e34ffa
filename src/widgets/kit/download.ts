// src/widgets/kit/download.ts: hands a text file to the learner as a download, and lets tests catch it instead.
import { createContext, useContext } from "react";

export type Download = (fileName: string, text: string) => void;

const TYPES: Record<string, string> = { json: "application/json", py: "text/x-python", csv: "text/csv" };

/** Hands a text file to the learner as a download (its type from the extension). */
export function downloadText(fileName: string, text: string): void {
  const ext = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  const url = URL.createObjectURL(new Blob([text], { type: TYPES[ext] ?? "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  // The click has started the download; the URL can go once the current task is done.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  });
}

/** Where downloads go: the browser's by default; a test provides its own to read the file. */
export const DownloadContext = createContext<Download>(downloadText);

export function useDownload(): Download {
  return useContext(DownloadContext);
}
