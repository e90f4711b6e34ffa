// src/lessons/StepControls.tsx: previous/next timestep, forward/backward switch, play, a timestep slider; all keyboard-operable.
import { useEffect, useId, type KeyboardEvent } from "react";
import { useStrings } from "./LangContext";
import { useStep } from "./stepStore";

/** Time between two steps while playing. */
const PLAY_INTERVAL_MS = 1100;

export function StepControls({ allowBackward }: { allowBackward: boolean }) {
  const s = useStrings();
  const T = useStep((st) => st.T);
  const t = useStep((st) => st.t);
  const direction = useStep((st) => st.direction);
  const isPlaying = useStep((st) => st.isPlaying);
  const setT = useStep((st) => st.setT);
  const next = useStep((st) => st.next);
  const prev = useStep((st) => st.prev);
  const advance = useStep((st) => st.advance);
  const setDirection = useStep((st) => st.setDirection);
  const setPlaying = useStep((st) => st.setPlaying);
  const sliderId = useId();

  useEffect(() => {
    if (!isPlaying) return;
    const timer = window.setInterval(() => {
      if (!advance()) window.clearInterval(timer);
    }, PLAY_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
    };
  }, [isPlaying, advance]);

  // Arrow keys anywhere in the controls move in time (the slider handles its own keys the same way).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) return;
    const moves: Record<string, () => void> = {
      ArrowLeft: prev,
      ArrowRight: next,
      Home: () => {
        setT(1);
      },
      End: () => {
        setT(T);
      },
    };
    const move = moves[event.key] as (() => void) | undefined;
    if (!move) return;
    event.preventDefault();
    setPlaying(false);
    move();
  };

  const isForward = direction === "forward";
  return (
    <div className="step-controls" role="group" aria-label={s.stepControls} onKeyDown={onKeyDown}>
      {allowBackward && (
        <div className="step-direction" role="group" aria-label={`${s.forwardPass} / ${s.backwardPass}`}>
          <button type="button" aria-pressed={isForward} onClick={() => { setDirection("forward"); }}>
            {s.forwardPass}
          </button>
          <button type="button" aria-pressed={!isForward} onClick={() => { setDirection("backward"); }}>
            {s.backwardPass}
          </button>
        </div>
      )}
      <div className="step-buttons">
        <button type="button" onClick={() => { setPlaying(false); prev(); }} aria-disabled={t <= 1} aria-label={s.previousStep}>
          <span aria-hidden="true">◀ t − 1</span>
        </button>
        <button type="button" onClick={() => { setPlaying(!isPlaying); }} aria-label={isPlaying ? s.pause : s.play}>
          <span aria-hidden="true">{isPlaying ? "❚❚" : "▶"}</span> {isPlaying ? s.pause : s.play}
        </button>
        <button type="button" onClick={() => { setPlaying(false); next(); }} aria-disabled={t >= T} aria-label={s.nextStep}>
          <span aria-hidden="true">t + 1 ▶</span>
        </button>
        <label htmlFor={sliderId} className="step-slider">
          {s.timestep}
          <input
            id={sliderId}
            type="range"
            min={1}
            max={T}
            step={1}
            value={t}
            onChange={(e) => {
              setPlaying(false);
              setT(Number(e.target.value));
            }}
          />
        </label>
      </div>
      <p className="step-status" role="status" aria-live="polite">
        {s.stepStatus(t, T, isForward)}
      </p>
      <p className="step-hint">{s.keyboardHint}</p>
    </div>
  );
}
