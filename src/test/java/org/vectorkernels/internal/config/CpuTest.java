package org.vectorkernels.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class CpuTest {
    /** The start of /proc/cpuinfo as this project's Zen 5 VM showed it (flags shortened), two processors. */
    static final String ZEN5 = """
            processor	: 0
            vendor_id	: AuthenticAMD
            cpu family	: 26
            model		: 2
            model name	: AMD EPYC
            flags		: fpu sse2 avx2 fma avx512f avx512vl
            cache size	: 1024 KB

            processor	: 1
            vendor_id	: GenuineIntel
            cpu family	: 6
            model		: 85
            """;

    @Test
    void readsTheFirstProcessorsEntry() throws IOException {
        Cpu cpu = Cpu.parseCpuinfo(new BufferedReader(new StringReader(ZEN5)));
        assertEquals("AuthenticAMD", cpu.vendor());
        assertEquals(26, cpu.family());
        assertEquals(2, cpu.model());
        assertTrue(cpu.flags().contains("avx512f") && cpu.flags().contains("fma"), cpu.flags().toString());
        assertEquals("AuthenticAMD family 26 model 2, caches unknown", cpu.describe());
    }

    @Test
    void missingOrGarbledFieldsAreUnknownNotErrors() throws IOException {
        Cpu cpu = Cpu.parseCpuinfo(new BufferedReader(new StringReader("vendor_id : X\ncpu family : six\nnonsense\n")));
        assertEquals("X", cpu.vendor());
        assertEquals(-1, cpu.family());
        assertEquals(-1, cpu.model());
        assertTrue(cpu.flags().isEmpty());
        assertEquals(-1, Cpu.parseCpuinfo(new BufferedReader(new StringReader(""))).family());
    }

    @Test
    void sysfsSizes() {
        assertEquals(48 << 10, Cpu.parseSize("48K"));
        assertEquals(32L << 20, Cpu.parseSize("32M"));
        assertEquals(512, Cpu.parseSize("512"));
        assertEquals(0, Cpu.parseSize(""));
        assertEquals(0, Cpu.parseSize("lots"));
    }

    @Test
    void detectNeverThrows() {
        Cpu cpu = Cpu.detect();
        assertTrue(cpu.describe().length() > 0);
    }
}
