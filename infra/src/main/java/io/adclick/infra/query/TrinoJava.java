package io.adclick.infra.query;

import io.adclick.infra.config.QueryConfig;
import io.adclick.infra.stack.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Java runtime Trino runs on: Trino 476 refuses anything older than 22, while the rest
 * of adclick runs on 17. The configured home wins; else the newest JDK of version 22 or more in
 * the system's JVM directory.
 */
public final class TrinoJava {
    /** The oldest Java Trino 476 starts on. */
    public static final int MINIMUM_FEATURE = 22;

    /** Where Debian and Ubuntu install JDKs. */
    public static final Path SYSTEM_JVM_DIR = Path.of("/usr/lib/jvm");

    private static final Pattern VERSION_IN_NAME = Pattern.compile("(?:^|[-_.])(\\d{2})(?=[-_.]|$)");

    private TrinoJava() {}

    /** The {@code java} executable for Trino, or a {@link StartupException} that says what to install. */
    public static Path locate(Optional<Path> configured, Path jvmDir) {
        if (configured.isPresent()) {
            Path java = configured.get().resolve("bin").resolve("java");
            if (!Files.isExecutable(java)) {
                throw new StartupException("%s=%s has no bin/java: point it at a JDK %d or newer (Temurin 25 is tested)"
                        .formatted(QueryConfig.TRINO_JAVA_HOME_ENV, configured.get(), MINIMUM_FEATURE));
            }
            return java;
        }
        return newest(jvmDir)
                .orElseThrow(
                        () -> new StartupException(("Trino needs Java %d or newer and none was found in %s: install"
                                        + " Temurin 25 (e.g. apt-get install temurin-25-jdk from packages.adoptium.net) or set %s to"
                                        + " a JDK 22+ home")
                                .formatted(MINIMUM_FEATURE, jvmDir, QueryConfig.TRINO_JAVA_HOME_ENV)));
    }

    /** The newest JDK of version {@value #MINIMUM_FEATURE}+ under {@code jvmDir}, by its directory name. */
    static Optional<Path> newest(Path jvmDir) {
        if (!Files.isDirectory(jvmDir)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvmDir)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home.getFileName().toString()) >= MINIMUM_FEATURE)
                    .max(Comparator.comparingInt(
                            home -> feature(home.getFileName().toString())))
                    .map(home -> home.resolve("bin").resolve("java"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version in a JDK directory name such as {@code temurin-25-jdk-amd64}, else 0. */
    static int feature(String directoryName) {
        Matcher matcher = VERSION_IN_NAME.matcher(directoryName);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
