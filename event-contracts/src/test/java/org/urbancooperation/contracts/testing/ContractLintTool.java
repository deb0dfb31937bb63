package org.urbancooperation.contracts.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code tools/api-contract-lint} (the official {@code @asyncapi/parser}, Redocly CLI) on Node.js.
 * Without Node.js or without {@code npm ci} in that folder the calling test is skipped, never passed;
 * under {@code CI=true} it fails instead, because CI installs both. In event-contracts' test-jar, so that
 * the contracts, the services (service-support's test-jar) and the gateway check with the same code.
 */
public final class ContractLintTool {

    static final String FOLDER = "tools/api-contract-lint";

    private ContractLintTool() {
    }

    /** Exit code 0 and the tool's report, or an assertion error carrying that report. */
    public static String check(String kind, String... documents) {
        Path folder = folder();
        List<String> command = new ArrayList<>(List.of("node", folder.resolve("check.mjs").toString(), kind));
        command.addAll(List.of(documents));
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the " + kind + " check did not finish in 2 minutes");
            }
            String report = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail("the " + kind + " check found problems (exit " + process.exitValue() + "):\n" + report);
            }
            return report;
        } catch (IOException e) {
            missing("cannot run node (" + e.getMessage() + "): install Node.js (apt-get install nodejs npm)");
            throw new IllegalStateException("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tool folder, found upwards from the module's directory (Maven runs tests there). */
    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isRegularFile(candidate.resolve("check.mjs"))) {
                if (!Files.isDirectory(candidate.resolve("node_modules"))) {
                    missing(FOLDER + "/node_modules is missing: run `npm ci` in " + FOLDER);
                }
                return candidate;
            }
        }
        missing(FOLDER + " not found above " + Path.of("").toAbsolutePath());
        throw new IllegalStateException("unreachable");
    }

    public static void missing(String why) {
        String message = "External check not run: " + why;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: CI installs it, so its absence is a failure)");
        }
        Assumptions.abort(message);
    }
}
