package io.adclick.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * User + system CPU seconds per thread name so far, including the JVM's own threads (GC, JIT)
     * and native ones (RocksDB's), which a Java profiler does not sample. Threads are grouped by
     * their name ({@code comm}, at most 15 characters) with digits replaced by {@code N}.
     */
    Map<String, Double> cpuSecondsByThread() {
        Map<String, Double> byName = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
                    byName.merge(name, seconds, Double::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended while we listed them
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the threads of pid " + pid + ": is it running?", e);
        }
        return byName;
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
