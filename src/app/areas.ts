// src/app/areas.ts: the notebook's four areas, as the header nav and the home page's cards show them.

export interface Area {
  /** Where the area lives (a hash route). */
  href: string;
  /** Short name for the nav and the card heading. */
  name: string;
  /** One or two sentences for the home page card. */
  summary: string;
  /** False while the route shows a "coming soon" placeholder; flip it when the real page lands. */
  isReady: boolean;
}

export const AREAS: readonly Area[] = [
  {
    href: "#/lessons",
    name: "Lessons",
    summary:
      "From sequence data and the simple RNN through backpropagation through time, vanishing gradients, " +
      "LSTM and GRU, with live widgets beside the equations.",
    isReady: false,
  },
  {
    href: "#/playground/sine",
    name: "Sine playground",
    summary:
      "Train an RNN, LSTM or GRU to continue a sine wave. Change the cell, sizes and learning rate, and watch " +
      "the loss, the predictions and the hidden state as it learns.",
    isReady: false,
  },
  {
    href: "#/visualizer/gradients",
    name: "Gradient visualizer",
    summary:
      "Watch the gradient ∂L/∂hₜ shrink or explode as it flows back through time, and see how the recurrent " +
      "weights, clipping and gates change that.",
    isReady: false,
  },
  {
    href: "#/lab/chars",
    name: "Character lab",
    summary:
      "Train a character-level model on a text, sample from it at different temperatures, and find the hidden " +
      "units that track quotes, line ends or words.",
    isReady: false,
  },
];
