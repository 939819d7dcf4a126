"""Writes src/analysis/reference/torchvision-resnet.json: the state-dict keys and shapes of
torchvision's ResNets, read from torchvision itself, for the unit test that checks our ResNet
names every weight as torchvision does (so its .pth files map by name).

Run (outside the repo's Node tooling; CI never needs Python):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch torchvision
    /tmp/venv/bin/python scripts/reference/torchvision-state-dicts.py
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

OUT = Path(__file__).resolve().parents[2] / "src/analysis/reference/torchvision-resnet.json"


def describe(model: torch.nn.Module) -> dict:
    state = model.state_dict()
    return {
        # num_batches_tracked is a counter, not a weight: the loader ignores it.
        "keys": [[key, list(value.shape)] for key, value in state.items() if not key.endswith("num_batches_tracked")],
        "trainable": sum(p.numel() for p in model.parameters()),
        "modules": {
            name: sum(p.numel() for p in module.parameters())
            for name, module in model.named_modules()
            # Our conv1 module is the whole stem (conv, BN, ReLU, pool); torchvision's is the conv.
            if name == "fc" or (name.count(".") == 1 and name.startswith("layer"))
        },
    }


def main() -> None:
    out = {
        "made_by": f"torch {torch.__version__}, torchvision {torchvision.__version__}: scripts/reference/torchvision-state-dicts.py",
        "networks": {f"resnet{depth}": describe(getattr(models, f"resnet{depth}")()) for depth in (18, 34, 50, 101, 152)},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
