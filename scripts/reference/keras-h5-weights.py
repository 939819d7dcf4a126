"""Writes the small Keras .h5 files under src/weights/fixtures/ and the JSON of what they hold, for
the unit tests of the .h5 weights reader (src/weights/keras-h5.test.ts). One tiny model (conv,
BatchNorm, separable conv, dense; seeded weights) saved four ways:

- keras3-weights.h5: the legacy `save_weights` layout written by Keras 3's own legacy saver
  (Keras 3 names: `conv2d`, `kernel`).
- keras2-weights.h5: the same layout with Keras 2's names (`conv2d_1`, `conv2d_1/kernel:0`) and
  attributes, written here with h5py as Keras 2's saver wrote them (arrays of fixed-length byte
  strings; every layer in model order, the input layer too; `backend`, `keras_version`).
- keras2-vlen-chunked.h5: Keras 2's names again, with the name lists as variable-length strings
  and `layer_names` split into `layer_names0`, `layer_names1` (what Keras' saver does with lists
  over 64 KB), so the reader is tested on both string kinds and on chunked lists.
- keras3-model.h5: a whole model saved by `model.save(...h5)` (legacy format): config,
  training config, and the weights nested under `model_weights`.
- keras3.weights.h5: Keras 3's own `save_weights` format (`layers/<name>/vars/0`, no
  `layer_names`), which the reader names and refuses.

Run (outside the repo's Node tooling; CI never needs Python):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install keras jax h5py
    KERAS_BACKEND=jax /tmp/venv/bin/python scripts/reference/keras-h5-weights.py
"""

import json
import os
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras.src.legacy.saving.legacy_h5_format import save_weights_to_hdf5_group  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "src/weights/fixtures"


def build() -> keras.Model:
    keras.utils.set_random_seed(17)
    inputs = keras.Input((6, 6, 2))
    x = keras.layers.Conv2D(3, 3, padding="same")(inputs)
    x = keras.layers.BatchNormalization()(x)
    x = keras.layers.SeparableConv2D(4, 3, padding="same", activation="relu")(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    outputs = keras.layers.Dense(3, activation="softmax")(x)
    model = keras.Model(inputs, outputs, name="tiny")
    # Seeded values everywhere, the biases and BatchNorm's moving statistics too (not 0 and 1).
    rng = np.random.default_rng(17)
    for layer in model.layers:
        layer.set_weights([rng.standard_normal(w.shape).astype("float32") for w in layer.get_weights()])
    return model


def keras2_name(name: str) -> str:
    """Keras 2 numbered automatic names from 1 (`conv2d_1`, `input_1`); Keras 3 from none (`conv2d`)."""
    return "input_1" if name == "input_layer" else f"{name}_1"


def keras2_layers(model: keras.Model) -> list:
    """[(layer name, [(weight name, value)])] in model order, the input layer too, as Keras 2 wrote them."""
    layers = []
    for layer in model.layers:
        name = keras2_name(layer.name)
        variables = layer.trainable_weights + layer.non_trainable_weights
        layers.append((name, [(f"{name}/{v.name}:0", np.asarray(v)) for v in variables]))
    return layers


def write_keras2(path: Path, model: keras.Model, vlen: bool) -> None:
    layers = keras2_layers(model)
    strings = h5py.string_dtype("utf-8") if vlen else None

    def names(items: list) -> np.ndarray:
        return np.array(items, dtype=strings) if vlen else np.array([s.encode("utf8") for s in items])

    with h5py.File(path, "w") as f:
        layer_names = [name for name, _ in layers]
        if vlen:
            f.attrs["layer_names0"] = names(layer_names[:3])
            f.attrs["layer_names1"] = names(layer_names[3:])
        else:
            f.attrs["layer_names"] = names(layer_names)
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.2.4"
        for name, weights in layers:
            group = f.create_group(name)
            group.attrs["weight_names"] = names([w for w, _ in weights])
            for weight_name, value in weights:
                group.create_dataset(weight_name, data=value)


def describe(layers: list) -> list:
    return [
        {
            "name": name,
            "weights": [
                {"name": w, "shape": list(v.shape), "values": [float(x) for x in v.astype("float32").ravel()]}
                for w, v in weights
            ],
        }
        for name, weights in layers
    ]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    model = build()

    with h5py.File(OUT / "keras3-weights.h5", "w") as f:
        save_weights_to_hdf5_group(f, model)
    model.save_weights(OUT / "keras3.weights.h5")
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    model.save(OUT / "keras3-model.h5")
    write_keras2(OUT / "keras2-weights.h5", model, vlen=False)
    write_keras2(OUT / "keras2-vlen-chunked.h5", model, vlen=True)

    # What the files hold, read back with h5py the way Keras' legacy loader reads them.
    keras3 = []
    with h5py.File(OUT / "keras3-weights.h5", "r") as f:
        # Keras 3 writes its lists of bytes through h5py 3, which stores them as variable-length strings.
        for name in f.attrs["layer_names"]:
            weight_names = list(f[name].attrs["weight_names"])
            keras3.append((name, [(w, f[name][w][()]) for w in weight_names]))
    expected = {
        "keras": keras.__version__,
        "backend": keras.backend.backend(),
        "keras3": describe(keras3),
        "keras2": describe(keras2_layers(model)),
    }
    (OUT / "keras-h5-weights.json").write_text(json.dumps(expected, indent=1) + "\n")
    for path in sorted(OUT.glob("keras*")):
        print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
