package org.urbancooperation.events.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * python3-icalendar (Debian's package), an iCalendar parser written independently of biweekly, run on a document
 * by {@code calendar/parse_ics.py}. As with the other tools here: missing, the check is skipped, but under
 * {@code CI=true}, where CI installs it, it fails.
 */
final class PythonICalendar {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PythonICalendar() {
    }

    /** @param probes UTC instants (2023-07-15T12:00:00Z) at which each VTIMEZONE's offset is reported */
    static JsonNode parse(String ics, String... probes) {
        Path python = pythonWithICalendar();
        try {
            Path script = Files.createTempFile("parse_ics", ".py");
            try (InputStream in = PythonICalendar.class.getResourceAsStream("/calendar/parse_ics.py")) {
                Files.write(script, in.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
            command.addAll(Arrays.asList(probes));
            Process process = new ProcessBuilder(command).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(ics.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
            assertThat(process.exitValue()).as("python3-icalendar parses the document: " + err).isZero();
            Files.deleteIfExists(script);
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + python, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Debian's python3 first: a python3 of a version manager earlier on PATH does not see Debian's packages. */
    private static Path pythonWithICalendar() {
        Stream<Path> onPath = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "python3"));
        Path found = Stream.concat(Stream.of(Path.of("/usr/bin/python3")), onPath).filter(Files::isExecutable)
                .filter(PythonICalendar::importsICalendar).findFirst().orElse(null);
        if (found == null) {
            String message = "no python3 with the icalendar module (Debian: apt-get install python3-icalendar)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + " but CI=true, where CI installs it");
            }
            Assumptions.abort(message + "; the independent parser check is skipped");
        }
        return found;
    }

    private static boolean importsICalendar(Path python) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", "import icalendar")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
