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
 * bytes (TT = 08), which MNIST and Fashion-MNIST use, are supported. Errors say what is wrong and where.
 */
public final class Idx {
    static final int UNSIGNED_BYTE = 0x08;

    private Idx() {}

    /** The dimensions and elements of one IDX file. */
    public record Array(int[] dims, byte[] data) {
        /** The first dimension: how many images or labels. */
        public int count() {
            return dims[0];
        }

        /** The elements as labels (each in 0..255). */
        public int[] labels() {
            int[] out = new int[data.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = data[i] & 0xFF;
            }
            return out;
        }

        /** The elements scaled by {@code scale} (1/255 maps pixels to [0, 1]). */
        public float[] floats(float scale) {
            float[] out = new float[data.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (data[i] & 0xFF) * scale;
            }
            return out;
        }
    }

    public static Array read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads one IDX array from {@code in} (not closed); {@code name} is for messages. */
    public static Array read(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read(), b1 = buffered.read();
        buffered.reset();
        InputStream raw = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
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
        byte[] elements = new byte[(int) size];
        int got = data.readNBytes(elements, 0, elements.length);
        if (got < elements.length) {
            throw new IOException(name + ": truncated: dimensions " + Arrays.toString(dims) + " need "
                    + elements.length + " bytes of data, but the file ends after " + got);
        }
        return new Array(dims, elements);
    }
}
