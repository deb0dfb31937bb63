package org.urbancooperation.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack as a new user starts it: {@code deploy/local/up.sh}, here on free ports and in a
 * folder of its own so it never collides with a stack a developer is running.
 */
final class LocalStack {

    final Path repo = Path.of(System.getProperty("ucp.repo.root", "..")).toAbsolutePath().normalize();
    Path home = Path.of(System.getProperty("ucp.stack.home", "target/local-stack")).toAbsolutePath();
    final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Extra environment for the scripts and so for every part they start (e.g. the gateway's rate limits). */
    final Map<String, String> environment = new LinkedHashMap<>();

    LocalStack() {
        // Hold every socket until all are picked, so no two parts get the same port.
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String name : List.of("GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", "PARTNERSHIP_PORT", "EVENT_PORT",
                    "MATCHING_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "IDENTITY_PORT")) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(name, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we own cannot fail in a way that matters here
                }
            }
        }
    }

    /** Another folder for this stack's logs, data and secrets, so two test classes' stacks never share one. */
    LocalStack at(Path otherHome) {
        this.home = otherHome.toAbsolutePath();
        return this;
    }

    String gateway() {
        return "http://127.0.0.1:" + ports.get("GATEWAY_PORT");
    }

    String service(String portName) {
        return "http://127.0.0.1:" + ports.get(portName);
    }

    String kafka() {
        return "127.0.0.1:" + ports.get("KAFKA_PORT");
    }

    /** Runs a script of deploy/local with this stack's settings; returns its output, fails on a non-zero exit. */
    String run(String script, String... args) {
        Path log = home.resolve(script.replace(".sh", "") + "-" + System.nanoTime() + ".out");
        try {
            Files.createDirectories(home);
            List<String> command = new ArrayList<>(List.of("bash", repo.resolve("deploy/local/" + script).toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("UCP_HOME", home.toString());
            ports.forEach((name, port) -> builder.environment().put(name, String.valueOf(port)));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish in 15 minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new AssertionError(script + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operator's API key that up.sh made and partnership-service registered. */
    String operatorKey() {
        try {
            return Files.readString(home.resolve("identity/operator-api-key")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pidOf(String part) {
        try {
            return Long.parseLong(Files.readString(home.resolve("pids/" + part + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as when the broker's machine dies. */
    void kill(String part) {
        ProcessHandle process = ProcessHandle.of(pidOf(part)).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }

    boolean alive(String part) {
        return Files.exists(home.resolve("pids/" + part + ".pid"))
                && ProcessHandle.of(pidOf(part)).map(ProcessHandle::isAlive).orElse(false);
    }
}
