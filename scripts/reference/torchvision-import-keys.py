"""Writes src/runtime/import/reference/torchvision-keys.json: the state-dict keys and shapes of
torchvision's GoogLeNet (with and without its auxiliary heads) and VGGs (11–19, with and without
BatchNorm), read from torchvision itself, for the unit tests of the .pth recogniser and mapper
(src/runtime/import/). The ResNets' lists are in src/analysis/reference/torchvision-resnet.json.

Run (outside the repo's Node tooling; CI never needs Python):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch torchvision
    /tmp/venv/bin/python scripts/reference/torchvision-import-keys.py
"""

import json
import sys
import types
from pathlib import Path

# torchvision's compiled ops may not load from CPU wheels; the model definitions do not need them.
sys.modules["torchvision._meta_registrations"] = types.ModuleType("torchvision._meta_registrations")

import torch  # noqa: E402
import torchvision  # noqa: E402
from torchvision import models  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "src/runtime/import/reference/torchvision-keys.json"


def keys(model: torch.nn.Module) -> list:
    # Every entry, num_batches_tracked included: the recogniser must ignore it itself.
    return [[key, list(value.shape)] for key, value in model.state_dict().items()]


def main() -> None:
    nets = {
        # The published googlenet-1378be20.pth holds the aux heads (torchvision builds the model
        # with aux_logits=True to load it, then drops them).
        "googlenet": keys(models.googlenet(aux_logits=True, init_weights=False)),
        "googlenet-noaux": keys(models.googlenet(aux_logits=False, init_weights=False)),
    }
    for depth in (11, 13, 16, 19):
        nets[f"vgg{depth}"] = keys(getattr(models, f"vgg{depth}")())
        nets[f"vgg{depth}_bn"] = keys(getattr(models, f"vgg{depth}_bn")())
    out = {
        "made_by": f"torch {torch.__version__}, torchvision {torchvision.__version__}: scripts/reference/torchvision-import-keys.py",
        "networks": nets,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
