// src/app/pages/SinePlaygroundPage.tsx: placeholder for the sine-wave playground (#/playground/sine).
import { ComingSoon } from "./ComingSoon";

export function SinePlaygroundPage() {
  return (
    <ComingSoon
      title="Sine playground"
      intro="Train a real recurrent network to predict the next value of a sine wave, and watch it learn."
      willHold={[
        "A choice of cell (RNN, LSTM or GRU), hidden size, number of layers, optimiser and learning rate.",
        "A live loss curve while the network trains in the background, with pause, single step and reset.",
        "Predictions against the true wave, both one step ahead and running freely on its own output.",
        "The hidden state over time as a heatmap, so you can see what the network keeps.",
        "A comparison with a dense network that only sees a fixed window, and no state.",
        "Settings kept in the link, so any run can be shared and replayed exactly.",
      ]}
    />
  );
}
