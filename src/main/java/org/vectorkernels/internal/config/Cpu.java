package org.vectorkernels.internal.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The CPU this JVM runs on, as far as Linux tells: vendor, family, model and flags from
 * {@code /proc/cpuinfo}, cache sizes from sysfs. Anything it cannot read is left unknown
 * (empty, -1 or {@link CacheLevel#UNKNOWN}); it never throws.
 */
public record Cpu(String vendor, int family, int model, Set<String> flags, CacheLevel l1d, CacheLevel l2, CacheLevel l3) {
    /** Characters of {@code /proc/cpuinfo} read at most: the first processor's entry is far shorter. */
    private static final int CPUINFO_MAX_CHARS = 1 << 16;
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");

    public static final Cpu UNKNOWN = new Cpu("", -1, -1, Set.of(), CacheLevel.UNKNOWN, CacheLevel.UNKNOWN, CacheLevel.UNKNOWN);

    /** One data or unified cache level; 0 bytes when unknown. {@code sharedBy}: the CPUs that sysfs says share it (at least 1). */
    public record CacheLevel(long bytes, int ways, int lineBytes, int sharedBy) {
        public static final CacheLevel UNKNOWN = new CacheLevel(0, 0, 0, 1);

        public CacheLevel(long bytes, int ways, int lineBytes) {
            this(bytes, ways, lineBytes, 1);
        }

        public CacheLevel {
            sharedBy = Math.max(1, sharedBy);
        }

        public boolean known() {
            return bytes > 0 && ways > 0 && lineBytes > 0;
        }
    }

    /** Reads this machine's CPU. */
    public static Cpu detect() {
        Cpu cpu = UNKNOWN;
        try (BufferedReader r = Files.newBufferedReader(CPUINFO, StandardCharsets.ISO_8859_1)) {
            cpu = parseCpuinfo(r);
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable here: unknown.
        }
        return new Cpu(cpu.vendor, cpu.family, cpu.model, cpu.flags, cache(1, "Data"), cache(2, "Unified"), cache(3, "Unified"));
    }

    /** The first processor's entry of a {@code /proc/cpuinfo} text; caches unknown. */
    static Cpu parseCpuinfo(BufferedReader r) throws IOException {
        String vendor = "";
        int family = -1, model = -1, read = 0;
        Set<String> flags = Set.of();
        for (String line; (line = r.readLine()) != null && read < CPUINFO_MAX_CHARS; read += line.length() + 1) {
            if (line.isBlank() && read > 0) {
                break; // the end of the first processor's entry
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim(), value = line.substring(colon + 1).trim();
            switch (key) {
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = parseInt(value);
                case "model" -> model = parseInt(value);
                case "flags" -> flags = Set.of(value.split("\\s+"));
                default -> { }
            }
        }
        return new Cpu(vendor, family, model, flags, CacheLevel.UNKNOWN, CacheLevel.UNKNOWN, CacheLevel.UNKNOWN);
    }

    private static CacheLevel cache(int level, String type) {
        for (int i = 0; i < 8; i++) {
            Path dir = CACHES.resolve("index" + i);
            if (!Files.isDirectory(dir)) {
                break;
            }
            if (level == parseInt(read(dir.resolve("level"))) && type.equals(read(dir.resolve("type")))) {
                return new CacheLevel(parseSize(read(dir.resolve("size"))), parseInt(read(dir.resolve("ways_of_associativity"))),
                        parseInt(read(dir.resolve("coherency_line_size"))), countCpus(read(dir.resolve("shared_cpu_list"))));
            }
        }
        return CacheLevel.UNKNOWN;
    }

    private static String read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = r.readLine();
            return line == null ? "" : line.trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A sysfs size such as "48K" or "32M", in bytes; 0 when it is not one. */
    static long parseSize(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        long unit = switch (Character.toUpperCase(s.charAt(s.length() - 1))) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        long n = parseInt(unit == 1 ? s : s.substring(0, s.length() - 1));
        return n < 0 ? 0 : n * unit;
    }

    /** The CPUs in a sysfs list such as "0-3,8-11"; 1 when it is not one. */
    static int countCpus(String list) {
        int count = 0;
        for (String range : list.split(",")) {
            String[] ends = range.trim().split("-");
            int lo = parseInt(ends[0]), hi = ends.length == 2 ? parseInt(ends[1]) : lo;
            if (lo < 0 || hi < lo || ends.length > 2) {
                return 1;
            }
            count += hi - lo + 1;
        }
        return Math.max(1, count);
    }

    /**
     * A short, stable digest of the flags, for naming what was measured on exactly this CPU
     * (a VM may hide some flags of the same family and model): 8 hex digits of the sorted flags' hash.
     */
    public String flagsHash() {
        return String.format(Locale.ROOT, "%08x", String.join(" ", new java.util.TreeSet<>(flags)).hashCode());
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** For example "AuthenticAMD family 26 model 2, caches unknown". */
    public String describe() {
        String id = vendor.isEmpty() ? "unknown CPU" : vendor + " family " + family + " model " + model;
        return id + (l1d.known() ? String.format(Locale.ROOT, ", L1d %d KiB, L2 %d KiB, L3 %d KiB",
                l1d.bytes() >> 10, l2.bytes() >> 10, l3.bytes() >> 10) : ", caches unknown");
    }
}
