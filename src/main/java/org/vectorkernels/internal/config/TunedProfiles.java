package org.vectorkernels.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The profile that {@code tune} measured as the best on this machine, kept in a per-user cache
 * file named for the CPU (vendor, family, model, a hash of its flags), the vector width and the
 * JDK's feature version: under {@code $XDG_CACHE_HOME/vector-kernels/}, else
 * {@code ~/.cache/vector-kernels/}. {@code -Dvectorkernels.profileFile=PATH} names another file (for
 * container images), {@code =none} turns tuned profiles off. A file that cannot be read, is not
 * one of these, holds a value out of range, or was tuned on another CPU, vector width or JDK is
 * ignored with one warning: it never stops the library, and never changes a result's correctness.
 * The double precision profile ({@code tune --precision double}) has a file of its own beside it,
 * the same name with {@code -double} before {@code .properties} (also beside a file the property names).
 */
public final class TunedProfiles {
    public static final String FILE_PROPERTY = "vectorkernels.profileFile";
    /** The value of {@link #FILE_PROPERTY} that turns tuned profiles off. */
    public static final String NONE = "none";
    static final String FORMAT = "vector-kernels tuned profile 1";
    /** The key of a double precision file; a file without it holds float's profile (as every file before double had). */
    static final String PRECISION = "precision", FLOAT = "float", DOUBLE = "double";
    /** No tuned profile is larger: a bigger file is not one, and is not read. */
    static final long MAX_BYTES = 16 * 1024;

    private TunedProfiles() {}

    /** Where this JVM looks for its tuned profile of one precision, or empty when turned off or no home is known. */
    public static Optional<Path> location(Cpu cpu, int vectorBits, int jdkFeature, boolean forDouble) {
        return floatLocation(cpu, vectorBits, jdkFeature).map(f -> forDouble ? doubleSibling(f) : f);
    }

    private static Path doubleSibling(Path floatFile) {
        String name = floatFile.getFileName().toString();
        String stem = name.endsWith(".properties") ? name.substring(0, name.length() - ".properties".length()) : name;
        return floatFile.resolveSibling(stem + "-double.properties");
    }

    private static Optional<Path> floatLocation(Cpu cpu, int vectorBits, int jdkFeature) {
        String given = System.getProperty(FILE_PROPERTY);
        if (given != null) {
            return given.trim().equals(NONE) ? Optional.empty() : Optional.of(Path.of(given.trim()));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path dir;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            dir = Path.of(xdg);
        } else {
            String home = System.getProperty("user.home", "");
            if (home.isBlank() || home.equals("?")) {
                return Optional.empty();
            }
            dir = Path.of(home, ".cache");
        }
        return Optional.of(dir.resolve("vector-kernels").resolve(fileName(cpu, vectorBits, jdkFeature)));
    }

    /** For example {@code AuthenticAMD-26-2-1a2b3c4d-512bit-jdk25.properties}. */
    static String fileName(Cpu cpu, int vectorBits, int jdkFeature) {
        String vendor = cpu.vendor().isEmpty() ? "unknown" : cpu.vendor().replaceAll("[^A-Za-z0-9]", "_");
        return String.format(Locale.ROOT, "%s-%d-%d-%s-%dbit-jdk%d.properties", vendor, cpu.family(), cpu.model(),
                cpu.flagsHash(), vectorBits, jdkFeature);
    }

    /**
     * The tuned profile of one precision for this CPU, width and JDK, if its file exists and holds one;
     * anything wrong is warned of, except a missing double file beside a float file the property names.
     */
    public static Optional<Profile> load(Cpu cpu, int vectorBits, int jdkFeature, boolean forDouble, Consumer<String> warn) {
        Optional<Path> where = location(cpu, vectorBits, jdkFeature, forDouble);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        Path file = where.get();
        boolean named = System.getProperty(FILE_PROPERTY) != null && !forDouble;
        if (!Files.isRegularFile(file)) {
            if (named) {
                warn.accept("-D" + FILE_PROPERTY + "=" + file + " is not a readable file; ignored");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(parse(read(file), cpu, vectorBits, jdkFeature, forDouble, file));
        } catch (IOException | IllegalArgumentException e) {
            warn.accept("the tuned profile " + file + " is ignored: " + e.getMessage()
                    + " (run `tune` again, or -D" + FILE_PROPERTY + "=" + NONE + ")");
            return Optional.empty();
        }
    }

    /** The file's text, read only when it is no larger than a tuned profile can be. */
    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException("it is larger than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The profile in {@code text}, checked against this CPU, width, JDK and precision (a file without one is float's). */
    static Profile parse(String text, Cpu cpu, int vectorBits, int jdkFeature, boolean forDouble, Path from) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("it is not a properties file (" + e.getMessage() + ")");
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("it does not start with format=" + FORMAT);
        }
        expect(p, "cpu.vendor", cpu.vendor());
        expect(p, "cpu.family", Integer.toString(cpu.family()));
        expect(p, "cpu.model", Integer.toString(cpu.model()));
        expect(p, "cpu.flagsHash", cpu.flagsHash());
        expect(p, "vector.bits", Integer.toString(vectorBits));
        expect(p, "jdk.feature", Integer.toString(jdkFeature));
        if (!p.getProperty(PRECISION, FLOAT).equals(forDouble ? DOUBLE : FLOAT)) {
            throw new IllegalArgumentException("it was tuned for " + PRECISION + " = " + p.getProperty(PRECISION, FLOAT)
                    + ", and this is " + (forDouble ? DOUBLE : FLOAT));
        }
        String when = p.getProperty("tuned.at", "");
        try {
            Instant.parse(when);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tuned.at = '" + when + "' is not an instant");
        }
        return new Profile(forDouble ? "tuned-double" : "tuned", whole(p, "mr"), whole(p, "nv"), whole(p, "kc"), whole(p, "mc"), whole(p, "nc"),
                "tuned on this machine at " + when + ", " + from, wholeLong(p, "splitMinVolume"),
                bool(p, "narrowEdge"), bool(p, "interleavedA"), bool(p, "wideTile"));
    }

    /** Writes {@code profile} as this CPU's, width's and JDK's tuned profile of one precision, atomically; returns the file. */
    public static Path save(Profile profile, Cpu cpu, int vectorBits, int jdkFeature, boolean forDouble, Instant when,
                            String comment) throws IOException {
        Path file = location(cpu, vectorBits, jdkFeature, forDouble).orElseThrow(() -> new IOException(
                "no place for a tuned profile: -D" + FILE_PROPERTY + "=" + NONE + ", or no home directory"));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tuned-", ".tmp");
        try {
            Files.writeString(tmp, format(profile, cpu, vectorBits, jdkFeature, forDouble, when, comment), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    static String format(Profile p, Cpu cpu, int vectorBits, int jdkFeature, boolean forDouble, Instant when, String comment) {
        StringBuilder s = new StringBuilder();
        for (String line : comment.split("\n")) {
            s.append("# ").append(line).append('\n');
        }
        s.append("format=").append(FORMAT).append('\n');
        s.append("cpu.vendor=").append(cpu.vendor()).append('\n');
        s.append("cpu.family=").append(cpu.family()).append('\n');
        s.append("cpu.model=").append(cpu.model()).append('\n');
        s.append("cpu.flagsHash=").append(cpu.flagsHash()).append('\n');
        s.append("vector.bits=").append(vectorBits).append('\n');
        s.append("jdk.feature=").append(jdkFeature).append('\n');
        if (forDouble) {
            s.append(PRECISION).append('=').append(DOUBLE).append('\n');
        }
        s.append("tuned.at=").append(when).append('\n');
        s.append("mr=").append(p.mr()).append("\nnv=").append(p.nv()).append("\nkc=").append(p.kc())
                .append("\nmc=").append(p.mc()).append("\nnc=").append(p.nc()).append("\nsplitMinVolume=").append(p.splitMinVolume())
                .append("\nnarrowEdge=").append(p.narrowEdge()).append("\ninterleavedA=").append(p.interleavedA())
                .append("\nwideTile=").append(p.wideTile()).append('\n');
        return s.toString();
    }

    private static void expect(Properties p, String key, String want) {
        String got = p.getProperty(key);
        if (!want.equals(got)) {
            throw new IllegalArgumentException("it was tuned for " + key + " = " + got + ", and this is " + want);
        }
    }

    private static int whole(Properties p, String key) {
        long v = wholeLong(p, key);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " = " + v + " is out of range");
        }
        return (int) v;
    }

    private static long wholeLong(Properties p, String key) {
        String v = p.getProperty(key);
        try {
            return Long.parseLong(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + v + "' is not a whole number");
        }
    }

    private static boolean bool(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " = '" + v + "' is not true or false");
        };
    }
}
