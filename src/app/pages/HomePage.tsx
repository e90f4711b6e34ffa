// src/app/pages/HomePage.tsx: the landing page: what the notebook is, and a card for each area.
import { AREAS } from "../areas";

export function HomePage() {
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">RNN Notebook</h1>
        <p className="lead">
          Train real recurrent neural networks (a simple RNN, an LSTM and a GRU) right in your browser, and watch
          them learn: their hidden states, their gates, and the gradients flowing back through time.
        </p>
        <p>
          Nothing is installed and nothing is sent to a server. The networks use the same formulas and parameter
          layout as PyTorch, so what you see here is what a real framework computes.
        </p>
      </section>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title">Where to start</h2>
        <p className="note">The notebook is young: areas marked “coming soon” describe what they will hold.</p>
        <ul className="cards">
          {AREAS.map((area) => (
            <li key={area.href} className="card">
              <h3>
                <a href={area.href}>{area.name}</a>
              </h3>
              <p>{area.summary}</p>
              {!area.isReady && <p className="tag">Coming soon</p>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">How it works</h2>
        <ol className="steps">
          <li>
            <strong>Pick a task and a cell.</strong> A sine wave to continue, a text to imitate, or a sequence whose
            gradients you want to follow.
          </li>
          <li>
            <strong>Train it here.</strong> A background worker runs backpropagation through time while the page
            stays responsive; pause, step and change settings at any moment.
          </li>
          <li>
            <strong>Look inside.</strong> Loss curves, hidden states over time, gate activations and gradient norms
            update as the network learns, each with a text description and a data table.
          </li>
        </ol>
      </section>
    </div>
  );
}
