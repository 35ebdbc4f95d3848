package org.vectorkernels.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST's files found plain or gzip, the synthetic stand-in, and an epoch's random order. */
class DataSetsTest {
    @TempDir
    Path dir;

    @Test
    void fashionMnistIsFoundPlainOrGzipAndReadByPart() throws IOException {
        assertFalse(FashionMnist.installedIn(dir));
        write("train-images-idx3-ubyte", IdxTest.idx(0x08, new int[] {3, 2, 2}, new byte[] {0, 51, 102, (byte) 255, 1, 2, 3, 4, 5, 6, 7, 8}), true);
        write("train-labels-idx1-ubyte", IdxTest.idx(0x08, new int[] {3}, new byte[] {9, 0, 4}), false);
        write("t10k-images-idx3-ubyte", IdxTest.idx(0x08, new int[] {1, 2, 2}, new byte[] {(byte) 255, 0, 0, 0}), false);
        write("t10k-labels-idx1-ubyte", IdxTest.idx(0x08, new int[] {1}, new byte[] {7}), true);
        assertTrue(FashionMnist.installedIn(dir));
        LabeledImages train = FashionMnist.train(dir), test = FashionMnist.test(dir);
        assertArrayEquals(new int[] {3, 2, 2}, train.images().shape());
        assertArrayEquals(new int[] {9, 0, 4}, train.labels());
        assertEquals(1f, train.images().data()[3]);
        assertEquals(0.2f, train.images().data()[1], 1e-7f);
        assertArrayEquals(new int[] {7}, test.labels());
        assertEquals(1f, test.images().data()[0]);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        IOException e = assertThrows(IOException.class, () -> FashionMnist.test(dir));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void syntheticSetsRepeatBySeedAndShareTheirClasses() {
        LabeledImages a = SyntheticImages.generate(50, 1), again = SyntheticImages.generate(50, 1), other = SyntheticImages.generate(50, 2);
        assertArrayEquals(new int[] {50, 28, 28}, a.images().shape());
        assertArrayEquals(a.images().data(), again.images().data());
        assertArrayEquals(a.labels(), again.labels());
        assertNotEquals(Arrays.hashCode(a.images().data()), Arrays.hashCode(other.images().data()));
        for (float v : a.images().data()) {
            assertTrue(v >= 0f && v <= 1f, "pixel " + v);
        }
        assertTrue(Arrays.stream(a.labels()).allMatch(c -> c >= 0 && c < 10));
        assertEquals(0, SyntheticImages.generate(0, 1).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticImages.generate(-1, 1));
        assertEquals("count must be at least 0, not -1", e.getMessage());
    }

    @Test
    void randomOrderIsAPermutationThatTheSeedRepeats() {
        int[] order = LabeledImages.randomOrder(1000, new SplittableRandom(11));
        assertArrayEquals(LabeledImages.randomOrder(1000, new SplittableRandom(11)), order);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertFalse(Arrays.equals(sorted, order), "not shuffled");
        assertEquals(0, LabeledImages.randomOrder(0, new SplittableRandom(1)).length);
        assertThrows(IllegalArgumentException.class, () -> LabeledImages.randomOrder(-1, new SplittableRandom(1)));
        assertThrows(NullPointerException.class, () -> LabeledImages.randomOrder(3, null));
    }

    @Test
    void copyRowsGathersABatchAndChecksItsArguments() {
        LabeledImages set = SyntheticImages.generate(20, 3);
        int per = 28 * 28;
        int[] rows = {7, 19, 0, 7, 3};
        float[] x = new float[3 * per];
        int[] t = new int[3];
        set.copyRows(rows, 1, x, t);
        for (int r = 0; r < 3; r++) {
            int row = rows[1 + r];
            assertArrayEquals(Arrays.copyOfRange(set.images().data(), row * per, (row + 1) * per), Arrays.copyOfRange(x, r * per, (r + 1) * per));
            assertEquals(set.labels()[row], t[r]);
        }
        assertThrows(IllegalArgumentException.class, () -> set.copyRows(rows, 0, new float[per], t));
        assertThrows(IndexOutOfBoundsException.class, () -> set.copyRows(rows, 3, x, t));
        assertThrows(IndexOutOfBoundsException.class, () -> set.copyRows(new int[] {0, 20, 1}, 0, x, t));
    }

    private void write(String name, byte[] content, boolean gzip) throws IOException {
        IdxTest.write(dir, name, content, gzip);
    }
}
