package io.adclick.infra.process;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the command line of a child JVM: the launcher's own {@code java}, heap, classpath, properties. */
public final class JavaCommand {
    /** The system property that names the component a child JVM runs. */
    public static final String COMPONENT_PROPERTY = "adclick.component";

    private final String mainClass;
    private final List<String> classpath = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private String maxHeap;
    private String component;

    private JavaCommand(String mainClass) {
        this.mainClass = requireNonNull(mainClass, "mainClass is null");
    }

    public static JavaCommand of(String mainClass) {
        return new JavaCommand(mainClass);
    }

    /**
     * Names the component on the command line ({@code -Dadclick.component=NAME}, first of all
     * options) so that {@code adclick down} can recognize the process even where the operating
     * system truncates long command lines.
     */
    public JavaCommand component(String name) {
        this.component = requireNonNull(name, "name is null");
        return this;
    }

    /** The command-line marker {@link #component} adds. */
    public static String marker(String component) {
        return "-D" + COMPONENT_PROPERTY + "=" + component;
    }

    /** The maximum heap, e.g. {@code 768m}. */
    public JavaCommand maxHeap(String maxHeap) {
        this.maxHeap = requireNonNull(maxHeap, "maxHeap is null");
        return this;
    }

    /** Appends a classpath string ({@code a.jar:b.jar}). */
    public JavaCommand classpath(String entries) {
        requireNonNull(entries, "entries is null");
        if (!entries.isBlank()) {
            classpath.add(entries.strip());
        }
        return this;
    }

    public JavaCommand jvmOption(String option) {
        jvmOptions.add(requireNonNull(option, "option is null"));
        return this;
    }

    public JavaCommand systemProperty(String key, Object value) {
        systemProperties.put(requireNonNull(key, "key is null"), String.valueOf(requireNonNull(value, key)));
        return this;
    }

    public JavaCommand argument(Object argument) {
        arguments.add(String.valueOf(requireNonNull(argument, "argument is null")));
        return this;
    }

    /** The command line, starting with the {@code java} executable of the running JVM. */
    public List<String> toCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (component != null) {
            command.add(marker(component));
        }
        if (maxHeap != null) {
            command.add("-Xmx" + maxHeap);
        }
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (!classpath.isEmpty()) {
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, classpath));
        }
        command.add(mainClass);
        command.addAll(arguments);
        return List.copyOf(command);
    }
}
