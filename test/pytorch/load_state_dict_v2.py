# test/pytorch/load_state_dict_v2.py: loads version 2 model files written by the notebook (bidirectional, ReLU,
# token embeddings, "last", BCE) into the torch.nn module of docs/conformance.md (scripts/fixtures/make_v2.py's
# Model) with load_state_dict(strict=True) and runs it on packed variable-length batches.
# stdin: [{"path", "T", "B", "inputs" or "inputIndices", "lengths"}, …]; stdout: [{"outputs": flat}, …], float64.
import json
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../scripts/fixtures"))
from make_v2 import Model  # noqa: E402

torch.set_default_dtype(torch.float64)


def run(job):
    with open(job["path"]) as f:
        file = json.load(f)
    T, B = job["T"], job["B"]
    lengths = job.get("lengths")
    spec = dict(cell=file["cell"], nonlinearity=file.get("nonlinearity", "tanh"), D=file["inputSize"], H=file["hiddenSize"],
                L=file["numLayers"], O=file["outputSize"], T=T, B=B, loss=file["loss"], N=2 if file.get("bidirectional") else 1,
                inputKind=file["inputKind"], V=file.get("vocabSize", 0), lengths=lengths, output=file.get("outputMode", "all"))
    model = Model(spec)
    model.load_state_dict({k: torch.tensor(v) for k, v in file["state_dict"].items()}, strict=True)
    if spec["inputKind"] == "tokens":
        x = torch.tensor(job["inputIndices"]).reshape(T, B)
    else:
        x = torch.tensor(job["inputs"]).reshape(T, B, spec["D"])
    n = spec["L"] * spec["N"]
    h0 = torch.zeros(n, B, spec["H"])
    with torch.no_grad():
        y, _ = model(x, (h0, h0.clone()) if spec["cell"] == "lstm" else h0)
    if lengths is not None and spec["output"] == "all":
        for b in range(B):
            y[lengths[b]:, b] = 0.0
    return {"outputs": y.reshape(-1).tolist()}


print(json.dumps([run(job) for job in json.load(sys.stdin)]))
