package io.adclick.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and memory of a process, read from {@code /proc} (Linux). */
record ProcessCpu(long pid) {
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    /** User + system CPU seconds the process has used so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read CPU time of pid " + pid + ": is it running?", e);
        }
    }

    /** A {@code /proc/<pid>/status} figure in MiB, such as {@code VmRSS} or {@code VmHWM}. */
    double memoryMiB(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("No " + key + " in /proc/" + pid + "/status");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read memory of pid " + pid + ": is it running?", e);
        }
    }
}
