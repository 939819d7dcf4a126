"""Writes the reference that scripts/torchvision-logits.ts compares our tfjs networks with:
torchvision's resnet18, googlenet and vgg11_bn with seeded random weights (BatchNorm statistics included),
saved as float16 state dicts in torch's zip layout, and their logits for two seeded 224×224 RGB
images, prepared as torchvision prepares them (ToTensor, Normalize; GoogLeNet's transform_input).

Beside torchvision's own logits it writes those of the same torch modules with TensorFlow's
"same" padding on every strided conv and pool (and GoogLeNet's 2x2 pool4 as our 3x3 and its aux
heads' adaptive 4×4 pool as our 5x5/3), which is what our description computes: the mapping is
right when ours equals that, and the rest of the difference is the padding.

Not committed (316 MB), not run by CI:
    /tmp/venv/bin/python scripts/reference/torchvision-outputs.py /tmp/tv-ref
"""

import copy
import json
import math
import sys
import types
from pathlib import Path

sys.modules["torchvision._meta_registrations"] = types.ModuleType("torchvision._meta_registrations")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402
from torchvision import models  # noqa: E402

MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)


class TfSame(nn.Module):
    """An unpadded conv or pool after TensorFlow's "same" padding: ⌈n/s⌉ outputs, the extra pixel on the bottom/right."""

    def __init__(self, op: nn.Module, kernel: int, stride: int, value: float) -> None:
        super().__init__()
        self.op, self.kernel, self.stride, self.value = op, kernel, stride, value

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        pads = []
        for n in (x.shape[3], x.shape[2]):
            total = max((math.ceil(n / self.stride) - 1) * self.stride + self.kernel - n, 0)
            pads += [total // 2, total - total // 2]
        return self.op(F.pad(x, pads, value=self.value))


def tf_padded(model: nn.Module, googlenet: bool) -> nn.Module:
    model = copy.deepcopy(model)
    for parent in list(model.modules()):
        for name, child in list(parent.named_children()):
            if isinstance(child, nn.Conv2d) and child.stride[0] > 1:
                conv = copy.deepcopy(child)
                conv.padding = (0, 0)
                setattr(parent, name, TfSame(conv, child.kernel_size[0], child.stride[0], 0.0))
            elif isinstance(child, nn.MaxPool2d) and child.stride > 1:
                # Our GoogLeNet's pool4 is the paper's 3x3/2; torchvision's is 2x2/2.
                kernel = 3 if googlenet and name == "maxpool4" else child.kernel_size
                setattr(parent, name, TfSame(nn.MaxPool2d(kernel, child.stride), kernel, child.stride, -math.inf))
    return model


def randomise(model: nn.Module) -> dict:
    """Seeded weights, BatchNorm statistics too, rounded to float16 (the file's precision). He
    initialisation everywhere keeps the activations near 1 through the depth (GoogLeNet's own
    init, std 0.01, leaves logits of 10⁻³, too small for a difference to mean anything)."""
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            if m.bias is not None:
                m.bias.data.normal_(0, 0.1)
        if isinstance(m, nn.BatchNorm2d):
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.normal_(0, 0.1)
            m.running_mean.normal_(0, 0.1)
            m.running_var.uniform_(0.5, 1.5)
    half = {k: (v.half() if v.is_floating_point() else v) for k, v in model.state_dict().items()}
    model.load_state_dict({k: (v.float() if v.is_floating_point() else v) for k, v in half.items()})
    return half


def aux_logits(model: nn.Module, x: torch.Tensor, adaptive: bool) -> list:
    """GoogLeNet's aux heads run only in training; this runs them in eval mode (no dropout) on inception4a's and 4d's outputs."""
    seen = {}
    hooks = [getattr(model, n).register_forward_hook(lambda _m, _i, o, n=n: seen.__setitem__(n, o)) for n in ("inception4a", "inception4d")]
    model(x)
    for h in hooks:
        h.remove()
    out = []
    for aux, at in ((model.aux1, "inception4a"), (model.aux2, "inception4d")):
        y = F.adaptive_avg_pool2d(seen[at], (4, 4)) if adaptive else F.avg_pool2d(seen[at], 5, 3)
        y = torch.flatten(aux.conv(y), 1)
        out.append(aux.fc2(F.relu(aux.fc1(y))).tolist())
    return out


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    generator = torch.Generator().manual_seed(1)
    images = torch.randint(0, 256, (2, 224, 224, 3), generator=generator, dtype=torch.uint8)
    x = (images.permute(0, 3, 1, 2).float() / 255 - MEAN) / STD
    for name in ("resnet18", "googlenet", "vgg11_bn"):
        torch.manual_seed(0)
        googlenet = name == "googlenet"
        model = models.googlenet(aux_logits=True, transform_input=True, init_weights=True) if googlenet else getattr(models, name)()
        state = randomise(model)
        model.eval()
        ours = tf_padded(model, googlenet).eval()
        with torch.no_grad():
            ref = {
                "made_by": f"torch {torch.__version__}: scripts/reference/torchvision-outputs.py",
                "images": images.flatten().tolist(),
                "torchvision": model(x).tolist(),
                "tfPadding": ours(x).tolist(),
            }
            if googlenet:
                ref["auxTorchvision"] = aux_logits(model, x, True)
                ref["auxTfPadding"] = aux_logits(ours, x, False)
        torch.save(state, out_dir / f"{name}.pth")
        (out_dir / f"{name}.json").write_text(json.dumps(ref))
        diff = (torch.tensor(ref["torchvision"]) - torch.tensor(ref["tfPadding"])).abs().max().item()
        scale = torch.tensor(ref["torchvision"]).abs().max().item()
        print(f"{name}: wrote {out_dir / name}.pth and .json; largest |logit| {scale:.4g}; torchvision against TF padding, in torch: max |Δlogit| {diff:.4g}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/tv-ref"))
