package org.vectorkernels.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where Fashion-MNIST's four IDX files are, and reading them: a directory holding
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte}, each plain or gzip ({@code .gz}), as Debian's {@code dataset-fashion-mnist}
 * installs them in {@link #DEBIAN_DIR} and as github.com/zalandoresearch/fashion-mnist serves them.
 */
public final class FashionMnist {
    /** Where Debian's and Ubuntu's {@code dataset-fashion-mnist} installs the data set. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private FashionMnist() {}

    /**
     * Whether {@code dir} holds the training images (plain or gzip).
     *
     * @param dir the directory
     * @return true if the training images are there
     */
    public static boolean installedIn(Path dir) {
        return Files.isRegularFile(find(dir, "train-images-idx3-ubyte"));
    }

    /**
     * The 60,000 training images and their labels.
     *
     * @param dir the directory of the four files
     * @return the training set
     * @throws IOException if a file is missing, unreadable or not valid IDX
     */
    public static LabeledImages train(Path dir) throws IOException {
        return read(dir, "train");
    }

    /**
     * The 10,000 test images and their labels.
     *
     * @param dir the directory of the four files
     * @return the test set
     * @throws IOException if a file is missing, unreadable or not valid IDX
     */
    public static LabeledImages test(Path dir) throws IOException {
        return read(dir, "t10k");
    }

    private static LabeledImages read(Path dir, String part) throws IOException {
        return LabeledImages.read(find(dir, part + "-images-idx3-ubyte"), find(dir, part + "-labels-idx1-ubyte"));
    }

    private static Path find(Path dir, String name) {
        Objects.requireNonNull(dir, "dir");
        Path plain = dir.resolve(name);
        return Files.exists(plain) ? plain : dir.resolve(name + ".gz");
    }
}
