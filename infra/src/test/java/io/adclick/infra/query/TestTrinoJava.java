package io.adclick.infra.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.infra.stack.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTrinoJava {
    @TempDir
    Path jvms;

    @Test
    void readsTheFeatureVersionFromTheDirectoryName() {
        assertThat(TrinoJava.feature("temurin-25-jdk-amd64")).isEqualTo(25);
        assertThat(TrinoJava.feature("java-17-openjdk-amd64")).isEqualTo(17);
        assertThat(TrinoJava.feature("jdk-23")).isEqualTo(23);
        assertThat(TrinoJava.feature("openjdk-17")).isEqualTo(17);
        assertThat(TrinoJava.feature("java-1.17.0-openjdk-amd64"))
                .as("not the 64 of amd64")
                .isEqualTo(17);
        assertThat(TrinoJava.feature("default-java")).isZero();
    }

    @Test
    void picksTheNewestJdkOfVersion22OrMore() throws Exception {
        jdk("java-17-openjdk-amd64");
        jdk("java-1.17.0-openjdk-amd64");
        jdk("temurin-22-jdk-amd64");
        jdk("temurin-25-jdk-amd64");
        assertThat(TrinoJava.locate(Optional.empty(), jvms)).isEqualTo(jvms.resolve("temurin-25-jdk-amd64/bin/java"));
    }

    @Test
    void saysWhatToInstallWhenNoneFits() throws Exception {
        jdk("java-17-openjdk-amd64");
        assertThatThrownBy(() -> TrinoJava.locate(Optional.empty(), jvms))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("install Temurin 25")
                .hasMessageContaining("ADCLICK_TRINO_JAVA_HOME");
    }

    @Test
    void theConfiguredHomeWinsAndMustHoldAJava() throws Exception {
        Path home = jdk("my-jdk");
        jdk("temurin-25-jdk-amd64");
        assertThat(TrinoJava.locate(Optional.of(home), jvms)).isEqualTo(home.resolve("bin/java"));
        assertThatThrownBy(() -> TrinoJava.locate(Optional.of(jvms.resolve("nothing")), jvms))
                .hasMessageContaining("has no bin/java");
    }

    private Path jdk(String name) throws Exception {
        Path java = jvms.resolve(name).resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jvms.resolve(name);
    }
}
