// src/app/pages/CharLabPage.tsx: placeholder for the character-level language model lab (#/lab/chars).
import { ComingSoon } from "./ComingSoon";

export function CharLabPage() {
  return (
    <ComingSoon
      title="Character lab"
      intro="Train a character-level language model on a text of your choice, then let it write."
      willHold={[
        "A few built-in texts, or your own pasted in, to train an LSTM or GRU one character at a time.",
        "Training over long streams with truncated backpropagation through time and the state carried over.",
        "Sampling at a temperature you choose, from cautious and repetitive to wild.",
        "Hidden units shown over the text, to find the ones that track quotes, line ends or words.",
        "Loading a model trained in PyTorch (its state_dict as JSON) to look inside it here.",
      ]}
    />
  );
}
