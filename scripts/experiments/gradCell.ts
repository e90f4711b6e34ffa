// scripts/experiments/gradCell.ts: one cell of the gradient visualizer, trained as GradTrainer's CellRun builds it
// (same init, gate biases, batches and held-out set), without the other two: for quick sweeps of one cell.
//   npx tsx scripts/experiments/gradCell.ts <rnn|lstm|gru> <preset|defaults|JSON patch> <steps> <seeds> [every]
import { createNetwork, createOptimizer, initKernels, trainStep, type CellType, type InitOptions } from "../../src/engine";
import { accuracyOf, MemoryTask } from "../../src/data/memoryTask";
import { GRAD_DEFAULTS, presetSettings, toGradSetup, type GradSettings, type PresetName } from "../../src/store/gradSettings";
import { HELD_OUT_SIZE } from "../../src/worker/gradients/trainer";

const [cellArg = "rnn", which = "defaults", stepsArg = "500", seedsArg = "1,2,3", everyArg = "100"] = process.argv.slice(2);
const cell = cellArg as CellType;

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
for (const seed of seedsArg.split(",").map(Number)) {
  const setup = toGradSetup(settingsOf(seed));
  const task = new MemoryTask(setup.task, seed, HELD_OUT_SIZE);
  const { init, optim, hiddenSize: H } = setup;
  const io: InitOptions = { scheme: init.scheme };
  if (init.whh === "radius") io.spectralRadius = init.whhValue;
  else if (init.whh === "scale") io.recurrentScale = init.whhValue;
  if (cell === "lstm") io.forgetBias = init.forgetBias;
  const net = createNetwork(
    { cell, inputSize: task.vocabSize, hiddenSize: H, numLayers: 1, outputSize: setup.task.numClasses, loss: "xent", outputMode: "last", inputKind: "onehot" },
    { seed, init: io },
  );
  if (cell === "gru") {
    net.param("rnn.bias_ih_l0").fill(init.updateBias, H, 2 * H);
    net.param("rnn.bias_hh_l0").fill(0, H, 2 * H);
  }
  const opt = createOptimizer(net, { kind: optim.optimizer, lr: optim.learningRate });
  const accs: string[] = [];
  const t0 = process.cpuUsage();
  let first = -1;
  for (let k = 0; k < Number(stepsArg); k++) {
    const r = trainStep(net, opt, task.batchAt(k), { clipMaxNorm: optim.clipMaxNorm });
    if (r.diverged) {
      accs.push(`DIV@${k + 1}`);
      break;
    }
    if ((k + 1) % Number(everyArg) === 0) {
      net.forward(task.heldOut);
      const a = accuracyOf(net.outputs(), task.heldOut.targetIndices, setup.task.numClasses);
      if (a >= 0.9 && first < 0) first = k + 1;
      accs.push(String(Math.round(a * 100)).padStart(3));
    }
  }
  const cpu = process.cpuUsage(t0);
  console.log(`${cell} seed ${seed}: ${accs.join(" ")}  (≥90% at ${first}; ${((cpu.user + cpu.system) / 1000 / Number(stepsArg)).toFixed(2)} ms/step)`);
}
