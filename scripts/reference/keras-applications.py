"""Writes src/analysis/reference/keras-applications.json: for keras.applications' VGG16, VGG19 and
ResNet50, every layer's name, output shape and parameter count, read from Keras itself, for the
unit test that checks our VGG names and counts each layer as Keras does (its .h5 files map by
layer), and our ResNet50 with `--preset keras` counts as Keras' does layer by layer.

Run (outside the repo's Node tooling; CI never needs Python):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install keras jax
    KERAS_BACKEND=jax /tmp/venv/bin/python scripts/reference/keras-applications.py
"""

import json
import os
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "src/analysis/reference/keras-applications.json"


def describe(model: keras.Model) -> dict:
    return {
        "params": model.count_params(),
        "trainable": sum(int(w.numpy().size) for w in model.trainable_weights),
        "layers": [
            [layer.name, layer.__class__.__name__, list(layer.output.shape[1:]), layer.count_params()]
            for layer in model.layers
            if layer.count_params() > 0
        ],
    }


def main() -> None:
    out = {
        "made_by": f"keras {keras.__version__} ({keras.backend.backend()}): scripts/reference/keras-applications.py",
        "networks": {
            "VGG16": describe(keras.applications.VGG16(weights=None)),
            "VGG19": describe(keras.applications.VGG19(weights=None)),
            "ResNet50": describe(keras.applications.ResNet50(weights=None)),
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
