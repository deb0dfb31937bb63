package org.urbancooperation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A short round of the fault check (docs/benchmarks.md, "Fault check") in every build: the script a developer
 * runs, {@code benchmarks/pipeline/fault-check.sh}, on a stack of its own, with partnership-creation commands at
 * 10/s through the gateway while the Kafka broker, the Mongo server and event-service are SIGKILLed in turn and
 * restarted. Every acknowledged command must be stored and applied in both consumers' read models; the script
 * itself exits 1 otherwise, and this test reads its RESULT line too.
 */
class PipelineFaultCheckIT {

    private static final Pattern RESULT = Pattern.compile(
            "(?m)^RESULT\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|(\\d+)\\|([0-9.]+)$");

    @Test
    void killingTheBrokerTheDatabaseAndAConsumerUnderLoadLosesNoAcknowledgedCommand() throws Exception {
        Path repo = new LocalStack().repo;
        Path home = Path.of("target/fault-check").toAbsolutePath();
        Files.createDirectories(home);
        Path log = home.resolve("fault-check.out");
        ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("benchmarks/pipeline/fault-check.sh").toString())
                .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("UCP_HOME", home.toString());
        builder.environment().put("PARTS", "kafka mongo event-service");
        builder.environment().put("RATE", "10");
        builder.environment().put("DOWN_SECONDS", "2");
        builder.environment().put("CONVERGE_SECONDS", "120");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the fault check did not end in 10 minutes:\n" + read(log));
        }
        String output = read(log);
        System.out.println(output);
        assertThat(process.exitValue()).as(output).isZero();

        Matcher result = RESULT.matcher(output);
        assertThat(result.find()).as(output).isTrue();
        long acknowledged = Long.parseLong(result.group(2));
        assertThat(acknowledged).as("commands acknowledged under the faults").isGreaterThan(100);
        assertThat(Long.parseLong(result.group(3))).as("stored").isEqualTo(acknowledged);
        assertThat(Long.parseLong(result.group(4))).as("applied in event-service").isEqualTo(acknowledged);
        assertThat(Long.parseLong(result.group(5))).as("applied in matching-service").isEqualTo(acknowledged);
        assertThat(Long.parseLong(result.group(6))).as("lost").isZero();
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
