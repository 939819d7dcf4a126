"""Writes the reference files for mapping Keras' .h5 weights onto our networks (src/runtime/import/):

Committed (small), in src/runtime/import/fixtures/:

- keras-applications-layers.json: for keras.applications' Xception, VGG16, VGG19 and ResNet50 as
  their ImageNet files have them (include_top, 1000 classes, the default input) and without their
  top (the `_notop` files), every layer of `layer_names` in Keras' order with its weights' names
  and shapes in `weight_names` order (what the legacy saver writes; no values). The recogniser's
  tests read these instead of the 92–553 MB files.
- keras3-<app>-w16.h5 (Xception, VGG16, ResNet50): Keras' own application code with every conv
  at 1/16 of its filters (and VGG's fc1, fc2 at 32 units), 10 classes, at the smallest input
  Keras takes with a top (71×71, 32×32, 32×32): the same layers, names and order as the
  application, small enough to commit. Seeded values everywhere (biases and BatchNorm's moving
  statistics too), saved by Keras 3's legacy saver (`save_weights_to_hdf5_group`).
- keras2-xception-w16.h5: the same Xception weights with Keras 2's names (`conv2d_1` …,
  `batch_normalization_1` …, `block1_conv1/kernel:0`), every layer in model order, the lists as
  fixed-length byte strings, as Keras 2's saver wrote them (h5py here).
- keras-w16-outputs.json: for each small model, two seeded RGB images (bytes), the model's
  output for them after the application's own `preprocess_input`, and the output of the layer
  before `predictions` (more sensitive than the softmax).

Not committed (too large), in /tmp/keras-applications-h5/ (or the folder given as argument):
Xception (71×71), VGG16 (32×32) and ResNet50 (32×32) at full width, 10 classes, seeded, as
<app>.h5 plus <app>-outputs.json in the same form, for scripts/keras-h5-compare.ts.

Run (outside the repo's Node tooling; CI never needs Python):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install keras jax h5py
    KERAS_BACKEND=jax /tmp/venv/bin/python scripts/reference/keras-applications-h5.py [/tmp/keras-applications-h5]
"""

import base64
import contextlib
import json
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras.src import layers as keras_layers  # noqa: E402
from keras.src.legacy.saving.legacy_h5_format import _legacy_weights, save_weights_to_hdf5_group  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "src/runtime/import/fixtures"
LARGE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/keras-applications-h5")

APPS = {
    "Xception": (keras.applications.Xception, keras.applications.xception.preprocess_input, 71),
    "VGG16": (keras.applications.VGG16, keras.applications.vgg16.preprocess_input, 32),
    "VGG19": (keras.applications.VGG19, keras.applications.vgg19.preprocess_input, 32),
    "ResNet50": (keras.applications.ResNet50, keras.applications.resnet50.preprocess_input, 32),
}


def scaled(channels: int, width: float) -> int:
    """Our width multiplier (src/model/layers.ts): max(1, Math.round(c·w)), halves rounded up."""
    return max(1, math.floor(channels * width + 0.5))


@contextlib.contextmanager
def narrow(width: float, fc: int):
    """Keras' application code with every Conv2D and SeparableConv2D at `width` of its filters and
    VGG's fc1 and fc2 at `fc` units (the code reads keras.src.layers.X at call time)."""
    originals = {name: getattr(keras_layers, name) for name in ("Conv2D", "SeparableConv2D", "Dense")}

    def conv(kind):
        def make(filters, *args, **kwargs):
            return originals[kind](scaled(filters, width), *args, **kwargs)

        return make

    def dense(units, *args, **kwargs):
        return originals["Dense"](fc if kwargs.get("name") in ("fc1", "fc2") else units, *args, **kwargs)

    keras_layers.Conv2D = conv("Conv2D")
    keras_layers.SeparableConv2D = conv("SeparableConv2D")
    keras_layers.Dense = dense
    try:
        yield
    finally:
        for name, value in originals.items():
            setattr(keras_layers, name, value)


def fresh(build, seed: int = 17, **kwargs) -> keras.Model:
    """A model built in a fresh session, so its automatic names start again (conv2d, not
    conv2d_8), its initial kernels seeded."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(seed)
    return build(**kwargs)


def seeded(model: keras.Model, seed: int) -> keras.Model:
    """Seeded values in every weight: kernels as Keras initialises them (seeded), biases small,
    BatchNorm's γ, β, moving mean and a positive moving variance, so every weight's place shows."""
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        values = []
        for w in _legacy_weights(layer):
            name, shape = w.path.split("/")[-1], tuple(w.shape)
            value = np.asarray(w)
            if name == "gamma":
                value = rng.uniform(0.5, 1.5, shape)
            elif name in ("beta", "bias", "moving_mean"):
                value = rng.normal(0, 0.1, shape)
            elif name == "moving_variance":
                value = rng.uniform(0.5, 1.5, shape)
            values.append(value.astype("float32"))
        if values:
            # _legacy_weights is trainable + non-trainable; set_weights takes layer.weights order.
            by_path = {w.path: v for w, v in zip(_legacy_weights(layer), values)}
            layer.set_weights([by_path[w.path] for w in layer.weights])
    return model


def layers_of(model: keras.Model) -> list:
    """[name, [[weight name, shape], ...]] for every layer, in model.layers order (layer_names)."""
    return [[layer.name, [[w.path, list(w.shape)] for w in _legacy_weights(layer)]] for layer in model.layers]


def outputs_of(app: str, model: keras.Model, size: int, seed: int) -> dict:
    """Two seeded RGB images, the model's output and the output of the layer before predictions."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, (2, size, size, 3), dtype=np.uint8)
    prepared = APPS[app][1](images.astype("float32"))
    before = model.layers[-2].output
    probe = keras.Model(model.inputs, [model.output, before])
    out, features = probe.predict(prepared, verbose=0)
    b64 = lambda a: base64.b64encode(np.ascontiguousarray(a).tobytes()).decode("ascii")  # noqa: E731
    return {
        "input": [size, size, 3],
        "images": [b64(img) for img in images],
        "outputs": [[float(x) for x in row] for row in out],
        "featuresLayer": model.layers[-2].name,
        "features": [b64(row.astype("<f4")) for row in features],
    }


def write_keras2(path: Path, model: keras.Model) -> None:
    """Keras 2's layout and names: automatic names numbered from 1, weight names with ":0"."""

    def keras2(name: str) -> str:
        for base in ("conv2d", "batch_normalization", "add", "input_layer"):
            if name == base or (name.startswith(base + "_") and name[len(base) + 1 :].isdigit()):
                n = 0 if name == base else int(name[len(base) + 1 :])
                return f"input_{n + 1}" if base == "input_layer" else f"{base}_{n + 1}"
        return name

    def names(items: list) -> np.ndarray:
        return np.array([s.encode("utf8") for s in items])

    with h5py.File(path, "w") as f:
        layer_names = [keras2(layer.name) for layer in model.layers]
        f.attrs["layer_names"] = names(layer_names)
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.2.4"
        for layer, name in zip(model.layers, layer_names):
            group = f.create_group(name)
            weights = _legacy_weights(layer)
            weight_names = [f"{name}/{w.path.split('/')[-1]}:0" for w in weights]
            group.attrs["weight_names"] = names(weight_names) if weight_names else np.array([], dtype="S1")
            for weight_name, w in zip(weight_names, weights):
                group.create_dataset(weight_name, data=np.asarray(w))


def save_legacy(path: Path, model: keras.Model) -> None:
    with h5py.File(path, "w") as f:
        save_weights_to_hdf5_group(f, model)


def main() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    LARGE.mkdir(parents=True, exist_ok=True)
    keras.utils.set_random_seed(17)

    # What the ImageNet files hold, layer by layer (weights=None: the same layers and shapes).
    reference = {"made_by": f"keras {keras.__version__} ({keras.backend.backend()}): scripts/reference/keras-applications-h5.py", "applications": {}}
    for app, (build, _, _) in APPS.items():
        reference["applications"][app] = layers_of(fresh(build, weights=None))
        reference["applications"][f"{app}_notop"] = layers_of(fresh(build, weights=None, include_top=False))
    (FIXTURES / "keras-applications-layers.json").write_text(json.dumps(reference, separators=(",", ":")) + "\n")

    # Small: Keras' own code at 1/16 width, 10 classes, the smallest input it takes with a top.
    small = {}
    for seed, app in enumerate(["Xception", "VGG16", "ResNet50"], start=1):
        build, _, size = APPS[app]
        with narrow(1 / 16, 32):
            model = seeded(fresh(build, seed, weights=None, classes=10, input_shape=(size, size, 3)), seed)
        save_legacy(FIXTURES / f"keras3-{app.lower()}-w16.h5", model)
        if app == "Xception":
            write_keras2(FIXTURES / "keras2-xception-w16.h5", model)
        small[app] = outputs_of(app, model, size, 100 + seed)
    (FIXTURES / "keras-w16-outputs.json").write_text(json.dumps(small, separators=(",", ":")) + "\n")

    # Full width, 10 classes: too large to commit; scripts/keras-h5-compare.ts reads them.
    for seed, app in enumerate(["Xception", "VGG16", "ResNet50"], start=11):
        build, _, size = APPS[app]
        model = seeded(fresh(build, seed, weights=None, classes=10, input_shape=(size, size, 3)), seed)
        save_legacy(LARGE / f"{app}.h5", model)
        (LARGE / f"{app}-outputs.json").write_text(json.dumps(outputs_of(app, model, size, 200 + seed)) + "\n")

    for path in sorted([*FIXTURES.glob("keras*"), *LARGE.glob("*")]):
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
