// src/widgets/chars/CharLab.tsx: the character lab: text, settings, run bar, loss, samples and a look inside, over one store.
import { useEffect } from "react";
import type { MsgLike } from "../../i18n";
import type { CharSettings } from "../../store/charSettings";
import type { CharWorkerLike, LabStorage } from "../../store/charStore";
import { CharStoreProvider, useCharStore } from "./CharStoreProvider";
import { GeneratePanel } from "./GeneratePanel";
import { InsidePanel } from "./InsidePanel";
import { LossPanel } from "./LossPanel";
import { Messages } from "./Messages";
import { ModelPanel } from "./ModelPanel";
import { RunBar } from "./RunBar";
import { SamplePanel } from "./SamplePanel";
import { SettingsPanel } from "./SettingsPanel";
import { TextPanel } from "./TextPanel";
import "./chars.css";
import { Panel } from "../../embed/EmbedContext";

export interface CharLabProps {
  /** Starting settings, already validated (defaults, or read from the URL). */
  settings: CharSettings;
  urlWarnings?: readonly MsgLike[];
  /** True when the settings came from the link (they win over the saved ones). */
  hasUrlSettings?: boolean;
  /** Tests pass an in-process worker, a fake fetch and storage; by default the browser's. */
  createWorker?: () => CharWorkerLike;
  fetchText?: (path: string) => Promise<string>;
  storage?: LabStorage | null;
  download?: (fileName: string, text: string) => void;
  /** Called after every accepted change of settings (the page writes them to the URL). */
  onSettingsChange?: (settings: CharSettings) => void;
  /** Settings the course locked (lock=… in the link): shown, but no control or remedy changes them. */
  locked?: Partial<CharSettings>;
}

export function CharLab({ onSettingsChange, ...providerProps }: CharLabProps) {
  return (
    <CharStoreProvider {...providerProps}>
      <CharLabWidget onSettingsChange={onSettingsChange} />
    </CharStoreProvider>
  );
}

function CharLabWidget({ onSettingsChange }: { onSettingsChange: ((s: CharSettings) => void) | undefined }) {
  const store = useCharStore();
  useEffect(() => {
    if (!onSettingsChange) return;
    return store.subscribe((state, prev) => {
      if (state.settings !== prev.settings) onSettingsChange(state.settings);
    });
  }, [store, onSettingsChange]);
  return (
    <div className="chars-widget">
      <RunBar />
      <Messages />
      <div className="chars-layout">
        <div className="chars-controls">
          <TextPanel />
          <SettingsPanel />
          <ModelPanel />
        </div>
        <div className="chars-main">
          <Panel id="loss">
            <LossPanel />
          </Panel>
          <Panel id="sample">
            <SamplePanel />
          </Panel>
          <Panel id="generate">
            <GeneratePanel />
          </Panel>
          <Panel id="inside">
            <InsidePanel />
          </Panel>
        </div>
      </div>
    </div>
  );
}
