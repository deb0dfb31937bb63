package org.urbancooperation.contracts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own linter of an exposition ({@code promtool check metrics}, Debian package {@code prometheus}).
 * As everywhere here: a missing tool skips the check (JUnit assumption, reported as skipped) but fails it
 * when {@code CI=true}, where the tool must be installed.
 */
public final class Promtool {

    private Promtool() {
    }

    /** The problems promtool reports about the metrics whose names start with the prefix (empty if none). */
    public static List<String> problems(String scrape, String namePrefix) {
        Path promtool = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
        if (promtool == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("promtool is not on PATH but CI=true (Debian: apt-get install prometheus)");
            }
            Assumptions.abort("promtool is not on PATH (Debian: apt-get install prometheus); metrics not linted");
        }
        try {
            Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(scrape.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            // promtool lints every family; the others (jvm_*, ...) are the libraries' business.
            return output.lines().filter(line -> line.startsWith(namePrefix)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + promtool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
