# test/pytorch/load_state_dict.py: loads model files written by the notebook into plain torch.nn modules with
# load_state_dict(strict=True) and runs them. stdin: [{"path": model file, "T", "B", "inputs" or "inputIndices"}, …].
# stdout: [{"outputs": head outputs, flat}, …] in float64.
import json
import sys

import torch

torch.set_default_dtype(torch.float64)


class Model(torch.nn.Module):
    def __init__(self, V, H, L, O, cell):
        super().__init__()
        self.rnn = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell](V, H, L)
        self.head = torch.nn.Linear(H, O)


def run(job):
    with open(job["path"]) as f:
        file = json.load(f)
    model = Model(file["inputSize"], file["hiddenSize"], file["numLayers"], file["outputSize"], file["cell"])
    model.load_state_dict({k: torch.tensor(v) for k, v in file["state_dict"].items()}, strict=True)
    T, B = job["T"], job["B"]
    if file["inputKind"] == "onehot":
        x = torch.nn.functional.one_hot(torch.tensor(job["inputIndices"]).reshape(T, B), file["inputSize"]).double()
    else:
        x = torch.tensor(job["inputs"]).reshape(T, B, file["inputSize"])
    with torch.no_grad():
        out, _ = model.rnn(x)
        if file.get("outputMode", "all") == "last":
            out = out[-1]
        y = model.head(out)
    return {"outputs": y.reshape(-1).tolist()}


print(json.dumps([run(job) for job in json.load(sys.stdin)]))
