package org.vectorkernels.examples.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.vectorkernels.data.FashionMnist;
import org.vectorkernels.data.LabeledImages;
import org.vectorkernels.data.SyntheticImages;

/**
 * Where the images come from, as the executors see it: Fashion-MNIST in a directory every
 * executor can read, or, when it is not there, the synthetic sets the training example uses
 * (6,000 training and 1,000 test images). Each JVM reads a set at most once ({@link #load}).
 */
record ImageSource(String dir, boolean real) implements Serializable {
    /** Sets loaded in this JVM, by source and part: two entries at most, one per part. */
    private static final Map<String, LabeledImages> LOADED = new ConcurrentHashMap<>();

    static ImageSource at(Path dir) {
        return new ImageSource(dir.toString(), FashionMnist.installedIn(dir));
    }

    /** The training set ({@code test} false) or the test set, read once per JVM. */
    LabeledImages load(boolean test) {
        return LOADED.computeIfAbsent(dir + real + test, key -> read(test));
    }

    private LabeledImages read(boolean test) {
        if (!real) {
            return test ? SyntheticImages.generate(1000, 2) : SyntheticImages.generate(6000, 1);
        }
        try {
            return test ? FashionMnist.test(Path.of(dir)) : FashionMnist.train(Path.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows [first, first + count) of a set, copied into a block. */
    ImageBlock block(boolean test, int first, int count) {
        LabeledImages set = load(test);
        int features = set.images().size() / set.size();
        float[] images = Arrays.copyOfRange(set.images().data(), first * features, (first + count) * features);
        return new ImageBlock(first, features, images, Arrays.copyOfRange(set.labels(), first, first + count));
    }

    String describe() {
        return real ? "Fashion-MNIST from " + dir : "synthetic images (Fashion-MNIST is not at " + dir
                + "; on Debian or Ubuntu: sudo apt install dataset-fashion-mnist)";
    }
}
