package org.urbancooperation.systemtests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on a plain socket, one connection per request. The JDK's client refuses
 * exactly what a hostile-input test must send: raw bytes in the path ({@code %}, {@code %zz}),
 * restricted headers ({@code Transfer-Encoding}), a body on any method, a Content-Type of any shape.
 */
final class RawHttp {

    /** What goes on the wire: the request target is sent byte for byte as given (ISO-8859-1). */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked,
            Duration timeout) {

        Request {
            headers = List.copyOf(headers);
        }
    }

    /** {@code status} is -1 when no answer came; {@code error} then says why. */
    record Response(int status, Map<String, List<String>> headers, byte[] body, long millis, String error) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response send(Request request) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) request.timeout().toMillis());
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(("Host: " + host + ":" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            boolean explicitLength = false;
            for (String[] header : request.headers()) {
                explicitLength |= header[0].equalsIgnoreCase("Content-Length")
                        || header[0].equalsIgnoreCase("Transfer-Encoding");
                head.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (request.body() != null && !explicitLength) {
                head.writeBytes((request.chunked() ? "Transfer-Encoding: chunked\r\n"
                        : "Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(head.toByteArray());
                if (request.body() != null) {
                    if (request.chunked()) {
                        writeChunked(out, request.body());
                    } else {
                        out.write(request.body());
                    }
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer (413) and close before it has read all of a large body: read what it said.
            }
            return read(new BufferedInputStream(socket.getInputStream()), request.method(), started);
        } catch (SocketTimeoutException e) {
            return new Response(-1, Map.of(), new byte[0], millis(started),
                    "no answer within " + request.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Response(-1, Map.of(), new byte[0], millis(started), e.toString());
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int chunk = 8192;
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Response read(InputStream in, String method, long started) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Response(-1, Map.of(), new byte[0], millis(started), "connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            return new Response(-1, Map.of(), new byte[0], millis(started), "not an HTTP status line: " + statusLine);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        if (status == 100) {
            return read(in, method, started);
        }
        byte[] body;
        List<String> encoding = headers.get("transfer-encoding");
        List<String> length = headers.get("content-length");
        if (method.equals("HEAD") || status == 204 || status == 304) {
            body = new byte[0];
        } else if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body, millis(started), null);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                break;
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                break;
            }
            body.writeBytes(in.readNBytes(length));
            line(in);
        }
        return body.toByteArray();
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
