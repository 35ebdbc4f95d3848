package org.vectorkernels.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.vectorkernels.nn.Tensor;

/**
 * Images [N, rows, cols] scaled to [0, 1] with one class label each, as in MNIST and
 * Fashion-MNIST: read from an IDX file of images and one of labels, whose counts must agree.
 *
 * @param images the images, [N, rows, cols], values in [0, 1]
 * @param labels the class of each image
 */
public record LabeledImages(Tensor images, int[] labels) {
    /** Checks that there is one label per image. */
    public LabeledImages {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (images.rank() < 1 || images.dim(0) != labels.length) {
            throw new IllegalArgumentException("images " + images + " and " + labels.length + " labels differ in count");
        }
    }

    /** The classes of MNIST and Fashion-MNIST. */
    public static final int TEN_CLASSES = 10;

    /**
     * Reads a set of ten classes (MNIST, Fashion-MNIST), of any size.
     *
     * @param images the IDX file of images (may be gzip-compressed)
     * @param labels the IDX file of labels (may be gzip-compressed)
     * @return the images and labels
     * @throws IOException if a file cannot be read or is not a valid IDX file of the expected kind
     */
    public static LabeledImages read(Path images, Path labels) throws IOException {
        return read(images, labels, TEN_CLASSES, Idx.NO_LIMIT);
    }

    /**
     * Reads a set whose labels are in [0, classes), with at most {@code maxBytes} bytes of pixels
     * (each becomes a 4-byte float: the set then takes about 5·maxBytes of memory).
     *
     * @param images the IDX file of images (may be gzip-compressed)
     * @param labels the IDX file of labels (may be gzip-compressed)
     * @param classes how many classes there are
     * @param maxBytes the most bytes of pixels to accept
     * @return the images and labels
     * @throws IOException if a file cannot be read, is not a valid IDX file of the expected kind, or is larger than allowed
     */
    public static LabeledImages read(Path images, Path labels, int classes, long maxBytes) throws IOException {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException("classes must be in [1, 256] (labels are bytes), not " + classes);
        }
        Idx.Array x = Idx.read(images, maxBytes), t = Idx.read(labels, maxBytes);
        if (x.dims().length < 2) {
            throw new IOException(images + ": images need at least 2 dimensions, not " + Arrays.toString(x.dims()));
        }
        if (t.dims().length != 1) {
            throw new IOException(labels + ": labels need 1 dimension, not " + Arrays.toString(t.dims()));
        }
        if (x.count() != t.count()) {
            throw new IOException("count mismatch: " + images + " holds " + x.count() + " images but " + labels
                    + " holds " + t.count() + " labels");
        }
        int[] classOf = t.labels();
        for (int i = 0; i < classOf.length; i++) {
            if (classOf[i] >= classes) {
                throw new IOException(labels + ": label " + i + " is " + classOf[i] + ", not a class in [0, " + classes + ")");
            }
        }
        return new LabeledImages(Tensor.of(x.floats(1f / 255), x.dims()), classOf);
    }

    /**
     * The number of images.
     *
     * @return how many images (and labels) there are
     */
    public int size() {
        return labels.length;
    }

    /**
     * The indices 0 … n − 1 in a random order (Fisher–Yates, drawing from {@code random}): the
     * order of an epoch over a set of n rows. The same n and state of {@code random} give the same order.
     *
     * @param n the number of rows, at least 0
     * @param random the source of the order
     * @return a permutation of 0 … n − 1
     */
    public static int[] randomOrder(int n, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, not " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1), tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /**
     * Copies the rows {@code rows[from]}, {@code rows[from + 1]}, … into {@code x} and {@code t}, as
     * many as {@code t} holds: a batch of an epoch's order (see {@link #randomOrder}) into buffers
     * the caller reuses.
     *
     * @param rows row indices of this set
     * @param from the first entry of {@code rows} to copy
     * @param x the images out, {@code t.length} rows of this set's values per image
     * @param t the labels out
     * @throws IllegalArgumentException if {@code x} does not hold {@code t.length} images
     * @throws IndexOutOfBoundsException if {@code rows} has too few entries from {@code from}, or names a row outside the set
     */
    public void copyRows(int[] rows, int from, float[] x, int[] t) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(t, "t");
        int per = images.size() / Math.max(1, size());
        if (x.length != t.length * per) {
            throw new IllegalArgumentException("x has " + x.length + " values for " + t.length + " images of " + per);
        }
        Objects.checkFromIndexSize(from, t.length, rows.length);
        for (int r = 0; r < t.length; r++) {
            Objects.checkIndex(rows[from + r], size());
        }
        float[] values = images.data();
        for (int r = 0; r < t.length; r++) {
            int row = rows[from + r];
            System.arraycopy(values, row * per, x, r * per, per);
            t[r] = labels[row];
        }
    }

    /**
     * Rows [from, to) as a new batch.
     *
     * @param from the first row, included
     * @param to the last row, excluded
     * @return the rows, copied
     */
    public LabeledImages slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        int[] shape = images.shape();
        int per = images.size() / Math.max(1, shape[0]);
        shape[0] = to - from;
        return new LabeledImages(Tensor.of(Arrays.copyOfRange(images.data(), from * per, to * per), shape),
                Arrays.copyOfRange(labels, from, to));
    }
}
