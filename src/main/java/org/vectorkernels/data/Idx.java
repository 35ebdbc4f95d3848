package org.vectorkernels.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST-style data sets, plain or gzip-compressed (detected from the
 * first bytes): a magic number {@code 00 00 TT DD} (TT the element type, DD the number of
 * dimensions), DD big-endian 32-bit sizes, then the elements in row-major order. Only unsigned
 * bytes (TT = 08), which MNIST and Fashion-MNIST use, are supported. Errors are {@code IOException}s
 * that name the file and say what is wrong; a header that claims more than the file holds costs
 * no more memory than the file's bytes.
 */
public final class Idx {
    static final int UNSIGNED_BYTE = 0x08;
    /** The first allocation for a stream's elements, before any of them has been read. */
    private static final int CHUNK = 1 << 16;

    private Idx() {}

    /**
     * The dimensions and elements of one IDX file.
     *
     * @param dims the size of each dimension, the first being the count
     * @param data the elements, one byte each
     */
    public record Array(int[] dims, byte[] data) {
        /**
         * The first dimension: how many images or labels.
         *
         * @return the first dimension
         */
        public int count() {
            return dims[0];
        }

        /**
         * The elements as labels (each in 0..255).
         *
         * @return the elements as ints, in order
         */
        public int[] labels() {
            int[] out = new int[data.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = data[i] & 0xFF;
            }
            return out;
        }

        /**
         * The elements scaled by {@code scale} (1/255 maps pixels to [0, 1]).
         *
         * @param scale the factor for every element
         * @return the scaled elements, in order
         */
        public float[] floats(float scale) {
            float[] out = new float[data.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (data[i] & 0xFF) * scale;
            }
            return out;
        }
    }

    /** No limit beyond what one array can hold. */
    public static final long NO_LIMIT = Integer.MAX_VALUE - 8;

    /**
     * Reads one IDX file, of any size one array can hold.
     *
     * @param file the file, gzip-compressed or not
     * @return its dimensions and elements
     * @throws IOException if it cannot be read or is not a valid IDX file of unsigned bytes
     */
    public static Array read(Path file) throws IOException {
        return read(file, NO_LIMIT);
    }

    /**
     * Reads one IDX file whose elements take at most {@code maxBytes} bytes. A plain file's header
     * is checked against the file's size before anything is allocated; a compressed one is read in
     * chunks, so memory follows the bytes that really come, whatever its header claims.
     *
     * @param file the file, gzip-compressed or not
     * @param maxBytes the most bytes of elements to accept
     * @return its dimensions and elements
     * @throws IOException if it cannot be read, is not a valid IDX file of unsigned bytes, or is larger than allowed
     */
    public static Array read(Path file, long maxBytes) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), Files.isRegularFile(file) ? Files.size(file) : -1, maxBytes);
        }
    }

    /**
     * Reads one IDX array from {@code in} (not closed); {@code name} is for messages.
     *
     * @param in the stream, positioned at the header
     * @param name the name for messages
     * @return the dimensions and elements
     * @throws IOException if it cannot be read or is not a valid IDX array of unsigned bytes
     */
    public static Array read(InputStream in, String name) throws IOException {
        return read(in, name, -1, NO_LIMIT);
    }

    /**
     * Reads one IDX array from {@code in} (not closed), {@code fileBytes} long if known (else -1),
     * whose elements take at most {@code maxBytes}. Every error names {@code name}.
     *
     * @param in the stream, positioned at the header
     * @param name the name for messages
     * @param fileBytes the stream's length in bytes, or -1 when unknown
     * @param maxBytes the most bytes of elements to accept
     * @return the dimensions and elements
     * @throws IOException if it cannot be read, is not a valid IDX array of unsigned bytes, or is larger than allowed
     */
    public static Array read(InputStream in, String name, long fileBytes, long maxBytes) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, not " + maxBytes);
        }
        try {
            return parse(in, name, fileBytes, maxBytes);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(name + ": ")) {
                throw e;
            }
            // The JDK's own errors (a broken gzip stream, an early end) say neither the file nor what was read.
            throw new IOException(name + ": unreadable: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }

    private static Array parse(InputStream in, String name, long fileBytes, long maxBytes) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read(), b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        InputStream raw = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        DataInputStream data = new DataInputStream(raw);
        int magic;
        try {
            magic = data.readInt();
        } catch (EOFException e) {
            throw new IOException(name + ": truncated: shorter than the 4-byte magic number");
        }
        int type = (magic >>> 8) & 0xFF, rank = magic & 0xFF;
        if ((magic >>> 16) != 0 || rank == 0) {
            throw new IOException(String.format("%s: bad magic number 0x%08X: an IDX file starts with 00 00, "
                    + "a type and a number of dimensions > 0", name, magic));
        }
        if (type != UNSIGNED_BYTE) {
            throw new IOException(String.format("%s: element type 0x%02X is not supported, only unsigned bytes (0x08)",
                    name, type));
        }
        int[] dims = new int[rank];
        long size = 1;
        for (int d = 0; d < rank; d++) {
            try {
                dims[d] = data.readInt();
            } catch (EOFException e) {
                throw new IOException(name + ": truncated in the header, at dimension " + d + " of " + rank);
            }
            if (dims[d] < 0) {
                throw new IOException(name + ": dimension " + d + " is negative: " + Integer.toUnsignedString(dims[d]));
            }
            size *= dims[d];
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(name + ": dimensions " + Arrays.toString(Arrays.copyOf(dims, d + 1))
                        + " hold more elements than one array can");
            }
        }
        if (size > maxBytes) {
            throw new IOException(name + ": dimensions " + Arrays.toString(dims) + " hold " + size
                    + " bytes, more than the limit of " + maxBytes);
        }
        long header = 4L + 4L * rank;
        if (!gzip && fileBytes >= 0 && fileBytes - header < size) {
            throw new IOException(name + ": truncated: dimensions " + Arrays.toString(dims) + " need " + size
                    + " bytes of data, but the file holds " + Math.max(0, fileBytes - header));
        }
        byte[] elements = readUpTo(data, (int) size);
        if (elements.length < size) {
            throw new IOException(name + ": truncated: dimensions " + Arrays.toString(dims) + " need "
                    + size + " bytes of data, but the " + (gzip ? "decompressed data ends" : "file ends") + " after " + elements.length);
        }
        return new Array(dims, elements);
    }

    /** Up to {@code size} bytes, fewer if the stream ends first, in a buffer that grows as data comes. */
    private static byte[] readUpTo(InputStream in, int size) throws IOException {
        byte[] buf = new byte[Math.min(size, CHUNK)];
        int got = 0;
        while (got < size) {
            if (got == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(size, 2L * buf.length));
            }
            int n = in.read(buf, got, buf.length - got);
            if (n < 0) {
                return Arrays.copyOf(buf, got);
            }
            got += n;
        }
        return buf;
    }
}
