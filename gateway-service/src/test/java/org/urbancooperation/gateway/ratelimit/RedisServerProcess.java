package org.urbancooperation.gateway.ratelimit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian package redis-server) run as a child process on a free loopback port,
 * without persistence. Tests that need it skip themselves when the binary is not installed.
 */
final class RedisServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The redis-server binary on the PATH (or in /usr/bin, /usr/local/bin), if installed. */
    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin" + File.pathSeparator
                + "/usr/local/bin";
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RedisServerProcess start(Path binary) {
        return start(binary, freePort());
    }

    /** Starts redis-server on the port and waits until it answers PING. */
    static RedisServerProcess start(Path binary, int port) {
        try {
            Path log = Files.createTempFile("redis-" + port + "-", ".log");
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RedisServerProcess server = new RedisServerProcess(process, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!server.answersPing()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    server.close();
                    throw new IllegalStateException("redis-server did not start: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Sends a raw RESP command (space-separated words) and returns the first reply line. */
    String command(String... words) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private boolean answersPing() {
        return "+PONG".equals(command("PING"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
