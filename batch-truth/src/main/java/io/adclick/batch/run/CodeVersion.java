package io.adclick.batch.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this code as recorded in {@code job_runs}: the project version and {@code git describe} at build. */
public final class CodeVersion {
    private static final String RESOURCE = "/adclick-batch-truth.properties";

    private CodeVersion() {}

    /** E.g. {@code 0.1.0 (866fe88-dirty)}, or just the version when git was unavailable at build. */
    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "unknown");
        String describe = properties.getProperty("describe", "");
        return describe.isBlank() || describe.startsWith("${") ? version : version + " (" + describe + ")";
    }
}
