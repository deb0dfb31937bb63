package org.urbancooperation.gateway.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A service that breaks the exchange the way a SIGKILLed process does, on a real loopback socket (a plain
 * {@link ServerSocket}: the JDK's HTTP server cannot be told to reset a connection). It reads each request
 * completely (head and Content-Length body), records {@code "METHOD path"}, then by the path's last segment:
 * <ul>
 * <li>{@code reset}: closes with SO_LINGER 0, so the gateway's connection gets an RST ("Connection reset by
 * peer"), as from a killed process that had unread data;</li>
 * <li>{@code close}: closes normally (FIN) without a byte of response;</li>
 * <li>{@code close-in-headers}: sends a status line and half a header, then closes;</li>
 * <li>{@code reset-after-headers}: sends complete headers announcing a body of 1000 bytes, then an RST;</li>
 * <li>{@code close-after-headers}: the same, then a FIN;</li>
 * <li>anything else: {@code 200 ok}, and the connection is closed.</li>
 * </ul>
 */
final class AbruptBackend implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> received = new CopyOnWriteArrayList<>();

    AbruptBackend() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.execute(this::acceptLoop);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many times {@code method path} reached this backend. */
    long received(String method, String path) {
        return received.stream().filter((method + " " + path)::equals).count();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            in.readNBytes(contentLength(head));
            String path = requestLine[1];
            received.add(requestLine[0] + " " + path);
            OutputStream out = socket.getOutputStream();
            String behaviour = path.substring(path.lastIndexOf('/') + 1);
            switch (behaviour) {
            case "reset" -> reset(socket);
            case "close" -> {
            }
            case "close-in-headers" -> write(out, "HTTP/1.1 200 OK\r\nContent-Ty");
            case "reset-after-headers" -> {
                write(out, headersOfBody(1000));
                reset(socket);
            }
            case "close-after-headers" -> write(out, headersOfBody(1000));
            default -> write(out, headersOfBody(2) + "ok");
            }
        } catch (IOException | RuntimeException ignored) {
            // The gateway went away first; nothing to answer.
        }
    }

    private static String headersOfBody(int length) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nETag: \"7\"\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n";
    }

    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        executor.shutdownNow();
    }
}
