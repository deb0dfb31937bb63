package org.urbancooperation.support.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.urbancooperation.support.json.JsonFieldPaths;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks a request body before anything parses it: its size (413 over the limit, by Content-Length
 * when given, otherwise by reading at most limit + 1 bytes of a chunked body) and, for JSON, that it is
 * what RFC 8259 says JSON is: UTF-8, strictly decoded. Jackson itself decodes overlong forms such as
 * {@code C0 AF} as {@code /}; here they are a 400 naming the field they stand in. Refusals are
 * problem+json; the body read here is handed on unchanged.
 */
public class RequestBodyFilter extends OncePerRequestFilter {

    private final long limit;
    private final JsonFactory json = new JsonFactory();

    public RequestBodyFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!readableContentType(request.getContentType())) {
            ProblemResponses.write(response, Problems.invalidFields(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type", "Unsupported media type", List.of(new Problems.FieldError(
                            "Content-Type", "must be one media type such as application/json, without wildcards"))));
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            reject(response);
            return;
        }
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        MediaType contentType = jsonContentType(request);
        if ((declared <= 0 && !chunked) || (contentType == null && !chunked)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit + 1);
        if (body.length > limit) {
            reject(response);
            return;
        }
        if (contentType != null) {
            Charset charset = contentType.getCharset();
            if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
                ProblemResponses.write(response, Problems.invalidFields(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type", "Unsupported media type", List.of(new Problems.FieldError(
                                "Content-Type", "JSON request bodies are UTF-8: send no charset or charset=utf-8"))));
                return;
            }
            int broken = firstMalformedByte(body);
            if (broken >= 0) {
                String field = fieldAt(body, broken);
                ProblemResponses.write(response, Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request",
                        "Invalid request", List.of(new Problems.FieldError(field.isEmpty() ? "body" : field,
                                "is not valid UTF-8 text (byte " + broken + " of the body)"))));
                return;
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** No Content-Type, or one a body can have: parseable, and no wildcard (that is for Accept). */
    private static boolean readableContentType(String header) {
        if (header == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(header);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The request's content type when it is JSON (application/json or any +json); null otherwise or unreadable. */
    private static MediaType jsonContentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(header);
            boolean json = "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
            return json ? type : null;
        } catch (InvalidMediaTypeException | UnsupportedCharsetException | IllegalCharsetNameException e) {
            return null; // refused later by content negotiation, with the Content-Type named
        }
    }

    /** Offset of the first byte that is not part of well-formed UTF-8 (overlong, surrogate, beyond U+10FFFF); -1 if none. */
    static int firstMalformedByte(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.max(16, body.length));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
    }

    /** The JSON field whose value holds byte {@code offset}: the body up to it is parsed and the parser asked where it is. */
    private String fieldAt(byte[] body, int offset) {
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), body, 0, offset)) {
            try {
                while (parser.nextToken() != null) {
                    // read up to the broken byte
                }
            } catch (JacksonException endOfPrefix) {
                // expected: the prefix ends inside the value being read
            }
            return JsonFieldPaths.of(parser);
        } catch (JacksonException e) {
            return "";
        }
    }

    private void reject(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ProblemResponses.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                "Request body too large", new RequestBodyTooLargeException(limit).getMessage()));
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
