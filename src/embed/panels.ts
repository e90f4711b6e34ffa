// src/embed/panels.ts: the chart panels of each widget, by the id a link's `panels=` names them with.
// The widgets wrap each section in <Panel id>; the guide page and the Embed dialog list these same ids.

export interface PanelInfo {
  id: string;
  /** What the panel shows, as the Embed dialog's checkbox and the guide's table say it. */
  label: string;
}

export const SINE_PANELS = [
  { id: "series", label: "Target and predictions (teacher-forced and free-running)" },
  { id: "baselines", label: "A real series: its split in time and the Baselines table" },
  { id: "loss", label: "Training and validation loss" },
  { id: "state", label: "Hidden state h (and the LSTM's cell state c)" },
  { id: "gates", label: "Gate activations" },
  { id: "gradients", label: "Gradient norms per timestep" },
  { id: "weights", label: "A weight matrix and its gradient" },
] as const satisfies readonly PanelInfo[];

export const CHAR_PANELS = [
  { id: "loss", label: "Loss in bits per character" },
  { id: "sample", label: "Live sample while training" },
  { id: "generate", label: "Generate, one character at a time" },
  { id: "inside", label: "Inside the network (units, gates, heatmaps)" },
] as const satisfies readonly PanelInfo[];

export const CLASSIFY_PANELS = [
  { id: "metrics", label: "Loss, accuracy, confusion matrix, precision/recall/F1" },
  { id: "example", label: "One example: belief while reading, saliency, hidden state and gates" },
  { id: "errors", label: "Error analysis: most confident mistakes, accuracy by length" },
  { id: "compare", label: "Compare RNN, LSTM, GRU, uni- and bidirectional" },
] as const satisfies readonly PanelInfo[];

export const GRAD_PANELS = [
  { id: "summary", label: "How much gradient reaches the first step" },
  { id: "norms", label: "Gradient norm per timestep, per cell" },
  { id: "heatmap", label: "‖∂L/∂h_t‖ over training, per cell" },
  { id: "total", label: "Total gradient norm per step, per cell" },
  { id: "accuracy", label: "Held-out accuracy, per cell" },
  { id: "explanation", label: "Why the gradient vanishes or explodes" },
] as const satisfies readonly PanelInfo[];

export const TRANSLATE_PANELS = [
  { id: "metrics", label: "Test scores, greedy and beam search" },
  { id: "attention", label: "Attention matrix of the current example" },
  { id: "samples", label: "Test examples decoded greedily and with beam search" },
  { id: "compare", label: "Attention vs no attention, by input length" },
  { id: "type", label: "Try your own input" },
  { id: "distribution", label: "The decoder's output distribution" },
  { id: "states", label: "Encoder and decoder states" },
  { id: "loss", label: "Training loss" },
] as const satisfies readonly PanelInfo[];

export type PanelId =
  | (typeof TRANSLATE_PANELS)[number]["id"]
  | (typeof SINE_PANELS)[number]["id"]
  | (typeof CHAR_PANELS)[number]["id"]
  | (typeof GRAD_PANELS)[number]["id"]
  | (typeof CLASSIFY_PANELS)[number]["id"];
