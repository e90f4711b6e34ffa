// src/main.tsx: browser entry point: mounts the notebook's app shell into #root.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./app/app.css";

const rootElement = document.getElementById("root");
if (!rootElement) {
  throw new Error('index.html has no <div id="root">: the notebook has nowhere to render.');
}
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
