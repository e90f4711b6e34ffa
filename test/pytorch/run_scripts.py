# test/pytorch/run_scripts.py: runs several exported Python files as scripts (`__main__`, their own argv) in one
# process, so torch is imported once. stdin: [{"path", "args": [...]}, …]; stdout: [what each printed, …].
import contextlib
import io
import json
import runpy
import sys

outputs = []
for job in json.load(sys.stdin):
    sys.argv = [job["path"], *job["args"]]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        runpy.run_path(job["path"], run_name="__main__")
    outputs.append(buf.getvalue())
print(json.dumps(outputs))
