// src/app/pages/LessonsPage.tsx: placeholder for the lesson index until the first lessons are written.
import { ComingSoon } from "./ComingSoon";

export function LessonsPage() {
  return (
    <ComingSoon
      title="Lessons"
      intro="Short lessons that explain recurrent networks with prose, equations and live widgets you can train as you read. They are being written; this is the path they will follow."
      willHold={[
        "Sequence data and state: why order matters, and what a hidden state carries that a fixed window cannot.",
        "The simple (Elman) RNN: hₜ = tanh(W_ih xₜ + W_hh hₜ₋₁ + b), weight sharing, unrolling in time.",
        "Losses and training: mean squared error, softmax cross-entropy, SGD, momentum, RMSprop and Adam.",
        "Backpropagation through time, step by step, and truncated BPTT for long streams.",
        "Vanishing and exploding gradients: the spectral radius of W_hh, tanh's derivative, clipping.",
        "The LSTM: input, forget and output gates, and the cell state as an additive path.",
        "The GRU: reset and update gates, and how PyTorch's form relates to Cho et al.'s.",
        "Practice: over- and underfitting, regularisation, early stopping, and debugging by looking inside.",
        "Applications: series prediction, character-level text generation, and sequence classification.",
      ]}
    />
  );
}
