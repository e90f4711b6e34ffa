// scripts/experiments/gradPresets.ts: trains the gradient visualizer's three cells (the real GradTrainer, as the
// worker runs it) on a preset or on settings given as JSON, and prints held-out accuracy and the vanishing ratios
// every `every` steps, with the CPU time per step.
//   npx tsx scripts/experiments/gradPresets.ts <preset|defaults|JSON patch> <steps> <seed,seed,…> [every]
import { initKernels } from "../../src/engine";
import { GRAD_DEFAULTS, presetSettings, toGradSetup, type GradSettings, type PresetName } from "../../src/store/gradSettings";
import { GradTrainer } from "../../src/worker/gradients/trainer";
import type { GradReport, GradSnapshot } from "../../src/worker/gradients/protocol";

const [which = "defaults", stepsArg = "300", seedsArg = "1,2,3", everyArg = "50"] = process.argv.slice(2);

function settingsOf(seed: number): GradSettings {
  if (which === "defaults") return { ...GRAD_DEFAULTS, seed };
  if (which.startsWith("{")) {
    const patch = JSON.parse(which) as Partial<GradSettings> & { preset?: PresetName };
    const base = patch.preset ? presetSettings(patch.preset, seed) : { ...GRAD_DEFAULTS, seed };
    delete patch.preset;
    return { ...base, ...patch, seed };
  }
  return presetSettings(which as PresetName, seed);
}

await initKernels();
const steps = Number(stepsArg);
const every = Number(everyArg);
for (const seed of seedsArg.split(",").map(Number)) {
  const reports: GradReport[] = [];
  const pending: (() => void)[] = [];
  let clock = 0;
  // A fake clock that moves 1 ms per call: slices are short and deterministic; CPU time is measured apart.
  const host = { post: (r: GradReport) => reports.push(r), schedule: (fn: () => void) => pending.push(fn), now: () => clock++ };
  const s = settingsOf(seed);
  const trainer = new GradTrainer(host, toGradSetup(s));
  const line = (snap: GradSnapshot, ms: number): string =>
    `step ${String(snap.step).padStart(5)} ` +
    snap.cells
      .map((c) => {
        const m = c.profile.dcNorm ?? c.profile.dhNorm;
        const ratio = m[0] / m[m.length - 1];
        return `${c.cell} acc ${(c.accuracy * 100).toFixed(0).padStart(3)}% loss ${c.loss.toFixed(3)} r ${ratio.toExponential(1)}${c.divergence ? ` DIV@${c.divergence.step}` : ""}`;
      })
      .join(" | ") +
    ` | ${ms.toFixed(1)} ms/step`;
  console.log(`# ${which} seed ${seed}: T ${s.seqLength} H ${s.hidden} B ${s.batch} lr ${s.lr} ${s.optimizer} clip ${s.clip ? s.clipNorm : "off"} fb ${s.forgetBias} ub ${s.updateBias}`);
  let cpu = process.cpuUsage();
  let done = 0;
  trainer.handle({ type: "train" });
  for (let target = every; target <= steps; target += every) {
    while (pending.length > 0) {
      const snap = trainer.buildSnapshot();
      if (snap.step >= target) break;
      pending.shift()!();
    }
    trainer.handle({ type: "pause" });
    const snap = trainer.buildSnapshot();
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    console.log(line(snap, (used.user + used.system) / 1000 / Math.max(1, snap.step - done)));
    done = snap.step;
    if (pending.length === 0 && snap.cells.every((c) => c.divergence)) break;
    trainer.handle({ type: "train" });
  }
}
