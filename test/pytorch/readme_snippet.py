# test/pytorch/readme_snippet.py: runs the README's "models trained in PyTorch" snippet as a user would.
# stdin: {"snippet": the README's code, "text", "jobs": [{"dir", "cell", "H", "L", "seed"}, …]}. The snippet is split
# at its "# ... train it ..." line; this script fills that gap: it trains the model in float32 (PyTorch's default) on
# the text's characters, one-hot, for a few Adam steps. The snippet's second half then writes model.json in the
# job's directory. stdout: per job, the float64 outputs of the trained model (head at every step) on a check sequence.
import json
import os
import sys

import torch

request = json.load(sys.stdin)
lines = request["snippet"].splitlines()


def run(job):
    os.chdir(job["dir"])
    gap = next(i for i, line in enumerate(lines) if line.lstrip().startswith("# ..."))
    module = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}[job["cell"]]
    before = "\n".join(lines[:gap]).replace("torch.nn.LSTM(", f"torch.nn.{module}(")
    after = "\n".join(lines[gap + 1:]).replace('"cell": "lstm"', f'"cell": "{job["cell"]}"')
    assert f"torch.nn.{module}(" in before and f'"cell": "{job["cell"]}"' in after, "the README snippet changed shape"

    ns = {}
    exec(before, ns)  # imports, class Model

    text = request["text"]
    vocab = sorted(set(text))
    V, H, L = len(vocab), job["H"], job["L"]
    torch.manual_seed(job["seed"])
    model = ns["Model"](V, H, L)  # float32, as most PyTorch code is
    ids = torch.tensor([vocab.index(ch) for ch in text])
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    T, B = 12, 4
    for step in range(6):
        start = torch.arange(B) * ((len(ids) - 1) // B) + step
        at = start[None, :] + torch.arange(T)[:, None]
        x = torch.nn.functional.one_hot(ids[at], V).float()
        out, _ = model.rnn(x)
        loss = torch.nn.functional.cross_entropy(model.head(out).reshape(-1, V), ids[at + 1].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()

    ns.update(model=model, V=V, H=H, L=L, vocab=vocab)
    exec(after, ns)  # the README's export: header + state_dict as float64 lists → model.json

    check = ids[: 3 * 7].reshape(7, 3)  # [T][B]
    m = model.double()
    with torch.no_grad():
        out, _ = m.rnn(torch.nn.functional.one_hot(check, V).double())
        y = m.head(out)
    return {"T": 7, "B": 3, "inputIndices": check.reshape(-1).tolist(), "outputs": y.reshape(-1).tolist()}


print(json.dumps([run(job) for job in request["jobs"]]))
