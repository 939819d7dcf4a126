"""Writes the .pth fixtures of src/weights/fixtures/: a tiny conv net's state dict saved by torch
itself in both layouts torch.save has written, training checkpoints, a 2017-style file, a file
with torch < 1.0 storage views, a whole pickled model, and two malicious pickles, plus
torch-state-dicts.json with every key, shape, dtype and value as torch reads them. The unit tests
(src/weights/torch-pth.test.ts) read these files with no Python.

Run (outside the repo's Node tooling; CI never needs Python):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch
    /tmp/venv/bin/python scripts/reference/torch-state-dicts.py
"""

import copyreg
import io
import json
import pickle
import struct
import zipfile
from collections import OrderedDict
from pathlib import Path

import torch
from torch import nn

OUT = Path(__file__).resolve().parents[2] / "src/weights/fixtures"


class Tiny(nn.Module):
    """conv (weight + bias), BatchNorm with running stats, a linear: the layers a state dict of
    an ImageNet network is made of."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4, 2)


def state_dict() -> "OrderedDict[str, torch.Tensor]":
    torch.manual_seed(17)
    net = Tiny()
    with torch.no_grad():
        net.bn.running_mean.uniform_(-1, 1)
        net.bn.running_var.uniform_(0.5, 2)
        net.bn.weight.uniform_(0.5, 1.5)
        net.bn.bias.uniform_(-0.5, 0.5)
    net.bn.num_batches_tracked.fill_(7)
    sd = net.state_dict()  # keeps _metadata, pickled as BUILD state, as in torchvision's files
    # Storage sharing and views: a transposed view of fc.weight (same storage, strides (1, 4)),
    # a slice of conv.bias (same storage, offset 1), float16 and bfloat16 tensors, an int64 vector.
    sd["extra.fc_weight_t"] = sd["fc.weight"].t()
    sd["extra.conv_bias_tail"] = sd["conv.bias"][1:]
    sd["extra.half"] = torch.tensor([[0.5, -1.25, 65504.0], [6.1e-5, 0.0, -0.0]], dtype=torch.float16)
    sd["extra.bfloat16"] = torch.tensor([1.0, -3.140625, 1e30], dtype=torch.bfloat16)
    sd["extra.int64"] = torch.tensor([-(2**40), 0, 2**53 + 1], dtype=torch.int64)
    return sd


def expected(sd: "OrderedDict[str, torch.Tensor]") -> dict:
    def values(t: torch.Tensor) -> list:
        if t.dtype == torch.int64:
            return [str(v) for v in t.flatten().tolist()]  # exact, beyond 2**53
        return t.float().flatten().tolist()  # float16/bfloat16 as the float32 the reader gives

    return {
        "made_by": f"torch {torch.__version__}: scripts/reference/torch-state-dicts.py",
        "keys": [
            {"key": k, "shape": list(t.shape), "dtype": str(t.dtype).removeprefix("torch."), "values": values(t)}
            for k, t in sd.items()
        ],
    }


def save(obj: object, name: str, **kwargs: object) -> None:
    # To a path, not a BytesIO: the zip's folder is then the file's stem ("tiny-zip/data.pkl"),
    # as in torchvision's files, rather than "archive".
    torch.save(obj, OUT / name, **kwargs)


def save_2017_style(sd: "OrderedDict[str, torch.Tensor]", name: str) -> None:
    """The legacy stream as torch 0.2–0.3 wrote it (vgg16-397923af.pth): tensors rebuilt by
    torch._utils._rebuild_tensor(storage, offset, size, stride), without the v2 extras."""

    def reduce(t: torch.Tensor) -> tuple:
        return (torch._utils._rebuild_tensor, (t._typed_storage(), t.storage_offset(), tuple(t.size()), t.stride()))

    table = copyreg.dispatch_table
    had = table.get(torch.Tensor)
    table[torch.Tensor] = reduce
    try:
        save(sd, name, _use_new_zipfile_serialization=False)
    finally:
        if had is None:
            del table[torch.Tensor]
        else:
            table[torch.Tensor] = had


class _Tensor:
    """Pickles as torch pickles a tensor: _rebuild_tensor_v2(storage, offset, size, stride, …)."""

    def __init__(self, storage: tuple, offset: int, size: tuple, stride: tuple) -> None:
        self.args = (storage, offset, size, stride)

    def __reduce__(self) -> tuple:
        return (torch._utils._rebuild_tensor_v2, (*self.args, False, OrderedDict()))


class _Storage(tuple):
    """A persistent id, as torch < 1.0 wrote it for a view of a storage."""


def save_storage_views(name: str) -> "OrderedDict[str, torch.Tensor]":
    """The legacy stream of torch < 1.0, whose storages could be views of a root storage: persistent
    ids ('storage', type, root_key, location, root_size, (view_key, offset, view_size)). torch 2
    no longer writes them, so this writes the stream by hand and checks that torch.load reads it."""

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj: object) -> object:
            return tuple(obj) if isinstance(obj, _Storage) else None

    root = torch.arange(6, dtype=torch.float32) * 0.5 - 1
    whole = _Storage(("storage", torch.FloatStorage, "root", "cpu", 6, None))
    view = _Storage(("storage", torch.FloatStorage, "root", "cpu", 6, ("view", 2, 4)))
    obj = OrderedDict([("whole", _Tensor(whole, 0, (6,), (1,))), ("view", _Tensor(view, 1, (3,), (1,)))])
    buf = io.BytesIO()
    buf.write(legacy_header())
    Pickler(buf, protocol=2).dump(obj)
    pickle.dump(["root"], buf, protocol=2)
    buf.write(struct.pack("<q", 6) + root.numpy().tobytes())
    (OUT / name).write_bytes(buf.getvalue())
    loaded = torch.load(OUT / name, weights_only=False)
    assert torch.equal(loaded["whole"], root) and torch.equal(loaded["view"], root[3:6]), loaded
    return loaded


def evil_pickle() -> bytes:
    """os.system('echo pwned') by GLOBAL + REDUCE, protocol 2, written by hand (never loaded)."""
    cmd = b"echo pwned"
    return b"\x80\x02cos\nsystem\nq\x00X" + struct.pack("<I", len(cmd)) + cmd + b"q\x01\x85q\x02Rq\x03."


def legacy_header() -> bytes:
    """The three pickles before the object in a legacy .pth: magic number, protocol, sys_info."""
    magic = pickle.dumps(0x1950A86A20F9469CFC6C, protocol=2)
    version = pickle.dumps(1001, protocol=2)
    sys_info = pickle.dumps({"protocol_version": 1001, "little_endian": True, "type_sizes": {"short": 2, "int": 4, "long": 4}}, protocol=2)
    return magic + version + sys_info


def check_round_trip(name: str, sd: "OrderedDict[str, torch.Tensor]", key: str | None = None) -> None:
    loaded = torch.load(OUT / name, weights_only=False)
    if key is not None:
        loaded = loaded[key]
    assert list(loaded) == list(sd), name
    for k in sd:
        assert loaded[k].dtype == sd[k].dtype and torch.equal(loaded[k], sd[k]), (name, k)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sd = state_dict()
    save(sd, "tiny-zip.pth")
    save(sd, "tiny-legacy.pth", _use_new_zipfile_serialization=False)
    save_2017_style(sd, "tiny-2017.pth")
    save({"epoch": 3, "arch": "tiny", "best_acc1": 0.5, "state_dict": sd}, "checkpoint-zip.pth")
    save({"epoch": 3, "model": sd}, "checkpoint-legacy.pth", _use_new_zipfile_serialization=False)
    for name in ("tiny-zip.pth", "tiny-legacy.pth", "tiny-2017.pth"):
        check_round_trip(name, sd)
    check_round_trip("checkpoint-zip.pth", sd, "state_dict")
    check_round_trip("checkpoint-legacy.pth", sd, "model")

    (OUT / "malicious-legacy.pth").write_bytes(legacy_header() + evil_pickle())
    with zipfile.ZipFile(OUT / "malicious-zip.pth", "w", zipfile.ZIP_STORED) as z:
        z.writestr("malicious-zip/data.pkl", evil_pickle())
        z.writestr("malicious-zip/byteorder", "little")
        z.writestr("malicious-zip/version", "3\n")

    # A whole pickled model (torch.save(model)), which names torch.nn classes: refused.
    torch.manual_seed(0)
    save(nn.Sequential(nn.Linear(2, 2)), "whole-model-zip.pth")
    views = save_storage_views("storage-views-legacy.pth")
    (OUT / "torch-state-dicts.json").write_text(json.dumps({**expected(sd), "storage_views": expected(views)["keys"]}, indent=1) + "\n")
    for f in sorted(OUT.iterdir()):
        print(f"{f.name}: {f.stat().st_size} bytes")


if __name__ == "__main__":
    main()
