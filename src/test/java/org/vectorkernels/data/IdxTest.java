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
        byte[] pixels = randomBytes(5 * 3 * 4), labels = {3, 9, 0, 7, 1};
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
                "truncated: dimensions [4, 2] need 8 bytes of data, but the decompressed data ends after 5");
        assertMessage(write("plain", Arrays.copyOf(good, good.length - 3), false),
                "truncated: dimensions [4, 2] need 8 bytes of data, but the file holds 5");
        Path images = write("images", good, false), labels = write("labels", idx(0x08, new int[] {3}, new byte[3]), false);
        IOException e = assertThrows(IOException.class, () -> LabeledImages.read(images, labels));
        assertTrue(e.getMessage().startsWith("count mismatch: ") && e.getMessage().contains("holds 4 images")
                && e.getMessage().contains("holds 3 labels"), e.getMessage());
    }

    @Test
    void hostileHeadersFailBeforeAllocatingWhatTheyClaim() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        int[][] claims = {{Integer.MAX_VALUE - 8}, {2_000_000, 28, 28}, {46340, 46340}, {65536, 32768}};
        for (int[] dims : claims) {
            for (boolean gzip : new boolean[] {false, true}) {
                Path file = write("hostile" + dims.length + gzip, idx(0x08, dims, new byte[22 - 4 * dims.length]), gzip);
                assertTrue(gzip || Files.size(file) == 26, Files.size(file) + " bytes");
                assertThrows(IOException.class, () -> Idx.read(file)); // loads and compiles what the measured read runs
                long before = mx.getThreadAllocatedBytes(id);
                IOException e = assertThrows(IOException.class, () -> Idx.read(file));
                long allocated = mx.getThreadAllocatedBytes(id) - before;
                assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                assertTrue(allocated < 1 << 20, Arrays.toString(dims) + (gzip ? " gzip" : "") + ": allocated " + allocated + " bytes");
            }
        }
    }

    @Test
    void aLimitStopsAGzipBombWithAClearError() throws IOException {
        int n = 8 << 20; // 8 MiB of zeros compress to a few KiB
        Path file = write("bomb", idx(0x08, new int[] {n}, new byte[n]), true);
        assertTrue(Files.size(file) < 64 << 10);
        IOException e = assertThrows(IOException.class, () -> Idx.read(file, 1 << 20));
        assertTrue(e.getMessage().equals(file + ": dimensions [" + n + "] hold " + n + " bytes, more than the limit of 1048576"),
                e.getMessage());
        assertEquals(n, Idx.read(file, n).data().length);
    }

    @Test
    void brokenGzipIsNamed() throws IOException {
        Path whole = write("whole", idx(0x08, new int[] {4096}, randomBytes(4096)), true);
        byte[] gz = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.gz"), garbled = dir.resolve("garbled.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        byte[] bad = gz.clone();
        Arrays.fill(bad, 12, bad.length, (byte) 0x55);
        Files.write(garbled, bad);
        for (Path f : new Path[] {cut, garbled}) {
            IOException e = assertThrows(IOException.class, () -> Idx.read(f));
            assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
            assertTrue(!e.getMessage().contains("null"), e.getMessage());
        }
    }

    @Test
    void labelsOutsideTheClassesAreNamed() throws IOException {
        Path images = write("img", idx(0x08, new int[] {2, 1, 1}, new byte[2]), false);
        Path labels = write("lab", idx(0x08, new int[] {2}, new byte[] {3, 10}), false);
        IOException e = assertThrows(IOException.class, () -> LabeledImages.read(images, labels));
        assertEquals(labels + ": label 1 is 10, not a class in [0, 10)", e.getMessage());
        assertEquals(10, LabeledImages.read(images, labels, 11, Idx.NO_LIMIT).labels()[1]);
    }

    private void assertMessage(Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
    }

    static byte[] idx(int type, int[] dims, byte[] data) throws IOException {
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
        return write(dir, name, content, gzip);
    }

    /** Writes {@code content} to {@code dir/name}, or gzip-compressed to {@code dir/name.gz}. */
    static Path write(Path dir, String name, byte[] content, boolean gzip) throws IOException {
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
