package org.vectorkernels.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written here, plain and gzip: read back exactly; bad magic, types, truncation and count mismatches are named. */
class IdxTest {
    @TempDir
    Path dir;

    private final SplittableRandom rnd = new SplittableRandom(4);

    @Test
    void readsPlainAndGzipFiles() throws IOException {
        byte[] pixels = randomBytes(5 * 3 * 4), labels = randomBytes(5);
        for (boolean gzip : new boolean[] {false, true}) {
            Path images = write("images" + gzip, idx(0x08, new int[] {5, 3, 4}, pixels), gzip);
            Path classes = write("labels" + gzip, idx(0x08, new int[] {5}, labels), gzip);
            Idx.Array a = Idx.read(images);
            assertArrayEquals(new int[] {5, 3, 4}, a.dims());
            assertArrayEquals(pixels, a.data());
            LabeledImages set = LabeledImages.read(images, classes);
            assertArrayEquals(new int[] {5, 3, 4}, set.images().shape());
            for (int i = 0; i < pixels.length; i++) {
                assertEquals((pixels[i] & 0xFF) / 255f, set.images().data()[i], 1e-7f);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(labels[i] & 0xFF, set.labels()[i]);
            }
            LabeledImages part = set.slice(1, 3);
            assertArrayEquals(new int[] {2, 3, 4}, part.images().shape());
            assertArrayEquals(Arrays.copyOfRange(set.labels(), 1, 3), part.labels());
        }
    }

    @Test
    void badFilesAreNamed() throws IOException {
        byte[] good = idx(0x08, new int[] {4, 2}, randomBytes(8));
        byte[] badMagic = good.clone();
        badMagic[0] = 0x12;
        assertMessage(write("magic", badMagic, false), "bad magic number 0x12000802");
        assertMessage(write("type", idx(0x0D, new int[] {2}, new byte[8]), false), "element type 0x0D is not supported");
        assertMessage(write("short", Arrays.copyOf(good, 3), false), "truncated: shorter than the 4-byte magic number");
        assertMessage(write("header", Arrays.copyOf(good, 9), true), "truncated in the header, at dimension 1 of 2");
        assertMessage(write("data", Arrays.copyOf(good, good.length - 3), true),
                "truncated: dimensions [4, 2] need 8 bytes of data, but the file ends after 5");
        Path images = write("images", good, false), labels = write("labels", idx(0x08, new int[] {3}, new byte[3]), false);
        IOException e = assertThrows(IOException.class, () -> LabeledImages.read(images, labels));
        assertTrue(e.getMessage().startsWith("count mismatch: ") && e.getMessage().contains("holds 4 images")
                && e.getMessage().contains("holds 3 labels"), e.getMessage());
    }

    private void assertMessage(Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
    }

    private static byte[] idx(int type, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(type << 8 | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(name + (gzip ? ".gz" : ""));
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return b;
    }
}
