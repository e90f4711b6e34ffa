// src/app/pages/GradientVisualizerPage.tsx: placeholder for the gradient-flow visualizer (#/visualizer/gradients).
import { ComingSoon } from "./ComingSoon";

export function GradientVisualizerPage() {
  return (
    <ComingSoon
      title="Gradient visualizer"
      intro="Follow the gradient of the loss as it flows back through time, and see when it vanishes or explodes."
      willHold={[
        "The size of ∂L/∂hₜ at every timestep, for a simple RNN, an LSTM and a GRU side by side.",
        "A control for the spectral radius of the recurrent weights W_hh, from vanishing to exploding.",
        "How saturated tanh units shrink the gradient, and how the LSTM's cell state lets it pass.",
        "Gradient clipping and truncated backpropagation through time, switched on and off.",
        "A live gradient check against finite differences, so you can trust what you see.",
      ]}
    />
  );
}
