// src/widgets/chars/ModelPanel.tsx: save the model as a file, load one (also from PyTorch), forget what is saved.
import { useId } from "react";
import { useChar, useCharStore } from "./CharStoreProvider";

export function ModelPanel() {
  const store = useCharStore();
  const message = useChar((s) => s.modelMessage);
  const canPersist = useChar((s) => s.canPersist);
  const hasModel = useChar((s) => s.snapshot !== null);
  const fileId = useId();
  return (
    <section className="chars-panel" aria-labelledby={`${fileId}-h`}>
      <h2 id={`${fileId}-h`}>Models</h2>
      <div className="chars-row">
        <button type="button" disabled={!hasModel} onClick={() => { store.getState().saveModel(); }}>
          Save model
        </button>
      </div>
      <label htmlFor={fileId}>Load a model file (.json)</label>
      <input
        id={fileId}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          void file.text().then((text) => {
            store.getState().loadModelFile(text, file.name);
          });
        }}
      />
      {message && (
        <p className={message.kind === "error" ? "chars-message chars-error" : "chars-message chars-ok"} role={message.kind === "error" ? "alert" : undefined}>
          {message.text}
        </p>
      )}
      <p className="chars-note">
        A model file is JSON with the vocabulary and PyTorch&apos;s state_dict names, so a model trained in PyTorch loads here
        (see the README, &quot;Model files&quot;). A model whose vocabulary differs from the text&apos;s is loaded with its own
        vocabulary: it can write and be looked inside, and it trains on the text only if its vocabulary covers it.
      </p>
      {canPersist ? (
        <>
          <p className="chars-note">The settings, your own text and the model are kept in this browser for your next visit.</p>
          <button type="button" onClick={() => { void store.getState().forgetSaved(); }}>
            Forget saved model
          </button>
        </>
      ) : (
        <p className="chars-note">This browser offers no storage (IndexedDB), so nothing is kept after a reload: use Save model.</p>
      )}
    </section>
  );
}
