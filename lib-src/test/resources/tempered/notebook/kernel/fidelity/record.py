#!/usr/bin/env python3
"""Records what the real JJava kernel shows for the fidelity corpus, as the executor's expected outputs.

KernelFidelityIT runs the same notebooks through the project's executor and compares. Record again after changing
the corpus, notebooks/setup.jsh or notebooks/gpt2.jsh, with the kernel `./lab` pins (jjava==1.0a7, kernel name
`java`) and Jupyter's nbclient:

    mvn -B -q package -DskipTests && python3 lib-src/test/resources/tempered/notebook/kernel/fidelity/record.py

Each notebook runs from notebooks/ (where Jupyter starts the kernel for the series), allowing errors, with no model
anywhere the library looks, so gpt2.jsh says GPT-2 is missing here as it does in CI.
"""
import copy
import json
import os
import pathlib
import sys
import tempfile

import nbformat
from nbclient import NotebookClient

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[6]
NOTEBOOKS = ROOT / "notebooks"


def main():
    if not (ROOT / "target" / "tempered.jar").is_file():
        sys.exit("record.py: build the library first: mvn -B -q package -DskipTests")
    with tempfile.TemporaryDirectory() as empty:
        os.environ["HF_HOME"] = empty
        for name in ("TEMPERED_MODEL_DIR", "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "JJAVA_TIMEOUT"):
            os.environ.pop(name, None)
        (HERE / "expected").mkdir(exist_ok=True)
        for corpus in sorted(HERE.glob("*.ipynb")):
            notebook = nbformat.read(corpus, as_version=4)
            client = NotebookClient(
                copy.deepcopy(notebook),
                kernel_name="java",
                allow_errors=True,
                timeout=300,
                resources={"metadata": {"path": str(NOTEBOOKS)}},
            )
            ran = client.execute()
            for cell in ran.cells:
                cell.pop("execution_count", None)
                for output in cell.get("outputs", []):
                    output.pop("execution_count", None)
            # The recording must match on any clone, so the notebooks folder's path is written as the
            # placeholder KernelFidelityIT puts in its place.
            ran = nbformat.reads(nbformat.writes(ran).replace(str(NOTEBOOKS), "<notebooks>"), as_version=4)
            ran.metadata["recorded_with"] = {"kernel": "java", "jjava": "1.0-a7"}
            nbformat.write(ran, HERE / "expected" / corpus.name)
            print("recorded", corpus.name)


if __name__ == "__main__":
    main()
