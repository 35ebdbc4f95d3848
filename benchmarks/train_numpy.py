#!/usr/bin/env python3
"""The benchmark peer of TrainFashionMnist: the same 784 -> 100 -> 10 network in numpy (float32).

Affine, ReLU, Affine, softmax with cross-entropy, as the layers of "Deep Learning from Scratch"
ch. 5 compute them (every Affine backward computes dx, the first layer's too); He-normal and
Glorot-uniform initial weights, SGD with momentum, mini-batches of 100, as the Java example.
Prints one line per epoch (seconds, images/s), the test accuracy, and the BLAS numpy uses.

    python3 benchmarks/train_numpy.py [--epochs 5] [--data DIR] [--lr 0.02] [--momentum 0.9]

Its thread count is OpenBLAS's own: set OPENBLAS_NUM_THREADS (benchmarks/train-compare does).
"""
import argparse
import ctypes
import glob
import gzip
import os
import sys
import time

import numpy as np

BATCH, HIDDEN, CLASSES = 100, 100, 10


def read_idx(path):
    """One IDX file (plain or .gz) as an array of its dimensions."""
    if not os.path.exists(path):
        path += ".gz"
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(directory, part):
    x = read_idx(os.path.join(directory, part + "-images-idx3-ubyte"))
    t = read_idx(os.path.join(directory, part + "-labels-idx1-ubyte"))
    return x.reshape(len(x), -1).astype(np.float32) / np.float32(255), t.astype(np.int64)


class Affine:
    def __init__(self, w, b):
        self.w, self.b = w, b

    def forward(self, x):
        self.x = x
        return x @ self.w + self.b

    def backward(self, dout):
        self.dw = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.w.T


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0
        return dout


class SoftmaxWithLoss:
    def forward(self, x, t):
        x = x - x.max(axis=1, keepdims=True)
        e = np.exp(x)
        self.y = e / e.sum(axis=1, keepdims=True)
        self.t = t
        n = len(t)
        return -np.log(self.y[np.arange(n), t] + np.float32(1e-7)).mean()

    def backward(self):
        n = len(self.t)
        dx = self.y.copy()
        dx[np.arange(n), self.t] -= 1
        return dx / np.float32(n)


def network(features, rng):
    w1 = (rng.standard_normal((features, HIDDEN)) * np.sqrt(2.0 / features)).astype(np.float32)
    limit = np.sqrt(6.0 / (HIDDEN + CLASSES))
    w2 = rng.uniform(-limit, limit, (HIDDEN, CLASSES)).astype(np.float32)
    return [Affine(w1, np.zeros(HIDDEN, np.float32)), Relu(), Affine(w2, np.zeros(CLASSES, np.float32))]


def predict(layers, x):
    for layer in layers:
        x = layer.forward(x)
    return x


def blas():
    """What numpy's OpenBLAS says about itself: version, core, threads (None where it cannot tell)."""
    for lib in glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*")):
        so = ctypes.CDLL(lib)
        for suffix in ("64_", ""):
            for prefix in ("scipy_", ""):
                core = getattr(so, prefix + "openblas_get_corename" + suffix, None)
                if core is not None:
                    core.restype = ctypes.c_char_p
                    conf = getattr(so, prefix + "openblas_get_config" + suffix)
                    conf.restype = ctypes.c_char_p
                    threads = getattr(so, prefix + "openblas_get_num_threads" + suffix)
                    return f"{conf().decode()}, core {core().decode()}, {threads()} threads"
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--lr", type=float, default=0.02)
    p.add_argument("--momentum", type=float, default=0.9)
    a = p.parse_args()
    if not glob.glob(os.path.join(a.data, "train-images-idx3-ubyte*")):
        sys.exit(f"Fashion-MNIST is not at {a.data}: sudo apt install dataset-fashion-mnist, or --data DIR")
    x_train, t_train = load(a.data, "train")
    x_test, t_test = load(a.data, "t10k")
    print(f"numpy {np.__version__}, BLAS: {blas()}")
    rng = np.random.default_rng(7)
    layers, last = network(x_train.shape[1], rng), SoftmaxWithLoss()
    params = [(l, name) for l in layers if isinstance(l, Affine) for name in ("w", "b")]
    velocity = {(id(l), name): np.zeros_like(getattr(l, name)) for l, name in params}
    lr, mu = np.float32(a.lr), np.float32(a.momentum)
    batches = len(x_train) // BATCH
    for epoch in range(1, a.epochs + 1):
        order = rng.permutation(len(x_train))
        start, loss = time.perf_counter(), 0.0
        for b in range(batches):
            idx = order[b * BATCH:(b + 1) * BATCH]
            loss += last.forward(predict(layers, x_train[idx]), t_train[idx])
            d = last.backward()
            for layer in reversed(layers):
                d = layer.backward(d)
            for l, name in params:
                v = velocity[(id(l), name)]
                v *= mu
                v -= lr * getattr(l, "d" + name)
                getattr(l, name)[...] += v
        seconds = time.perf_counter() - start
        print(f"epoch {epoch}/{a.epochs}: {seconds:.3f} s, {batches * BATCH / seconds:,.0f} img/s, "
              f"loss {loss / batches:.4f}")
    right = (predict(layers, x_test).argmax(axis=1) == t_test).mean()
    print(f"test accuracy {right:.4f}")


if __name__ == "__main__":
    main()
