package org.urbancooperation.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.urbancooperation.gateway.resilience.GatewayProblems;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, at the HTTP decoder, what never reaches WebFlux, and answers it in the platform's problem shape
 * instead of Reactor Netty's empty responses:
 *
 * <ul>
 * <li>a request line longer than the decoder allows: 414; headers larger than it allows: 431; any other
 * request the decoder cannot parse: 400;</li>
 * <li>{@code Transfer-Encoding} with anything but exactly one {@code chunked}, or together with
 * {@code Content-Length}: 400 at once (request smuggling: a proxy in front and this one must never disagree
 * on where a request ends; a {@code GET} with {@code gzip, chunked} used to wait 60 s for a body);</li>
 * <li>a request target that is not a valid URI ({@code /api/v1/partnerships/%}, {@code %zz}): 400 (WebFlux
 * answers it with an empty 400 otherwise).</li>
 * </ul>
 *
 * The connection is closed after each of these answers: after a request whose end is uncertain, nothing
 * else on that connection can be trusted. Reactor Netty's HTTP codec is replaced by one that follows RFC 9112
 * on Transfer-Encoding (Netty's default silently drops the Content-Length instead), with the same limits.
 * No log line: these are the client's mistakes; {@code ucp_gateway_malformed_requests_total{reason}} counts
 * them.
 */
@Component
public class HttpRequestGuard implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

    static final String HANDLER_NAME = "ucp.httpRequestGuard";

    private final JsonMapper json;
    private final Map<String, Counter> refusals = new LinkedHashMap<>();

    public HttpRequestGuard(MeterRegistry meters) {
        this.json = JsonMapper.builder().build();
        for (String reason : List.of("uri-too-long", "headers-too-large", "malformed", "transfer-encoding",
                "invalid-uri")) {
            refusals.put(reason, Counter.builder("ucp.gateway.malformed.requests")
                    .description("Requests refused at the HTTP decoder (400, 414, 431) before routing, by reason")
                    .tag("reason", reason).register(meters));
        }
    }

    /** Last: Boot's own customizer has set the decoder's limits (server.max-http-request-header-size) by then. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(this::apply);
    }

    HttpServer apply(HttpServer server) {
        HttpRequestDecoderSpec decoder = server.configuration().decoder();
        HttpDecoderConfig config = new HttpDecoderConfig()
                .setMaxInitialLineLength(decoder.maxInitialLineLength())
                .setMaxHeaderSize(decoder.maxHeaderSize())
                .setMaxChunkSize(decoder.maxChunkSize())
                .setValidateHeaders(decoder.validateHeaders())
                .setInitialBufferSize(decoder.initialBufferSize())
                .setAllowDuplicateContentLengths(decoder.allowDuplicateContentLengths())
                .setAllowPartialChunks(decoder.allowPartialChunks())
                .setUseRfc9112TransferEncoding(true);
        return server.doOnChannelInit((observer, channel, remote) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // Only the plain HTTP/1.1 pipeline (HTTP/2 is off here): the codec is in place when this runs.
            if (pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec) {
                pipeline.replace(NettyPipeline.HttpCodec, NettyPipeline.HttpCodec, new HttpServerCodec(config));
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Guard());
            }
        });
    }

    /** One per connection: once it has refused a request, it drops everything else the client sends. */
    private final class Guard extends ChannelDuplexHandler {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request) {
                Refusal refusal = check(request);
                if (refusal != null) {
                    refused = true;
                    ReferenceCountUtil.release(msg);
                    refuse(ctx, request, refusal);
                    return;
                }
            } else if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
                // A malformed chunk of a request that started well.
                refused = true;
                ReferenceCountUtil.release(msg);
                refuse(ctx, null, Refusal.of(object.decoderResult()));
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private void refuse(ChannelHandlerContext ctx, HttpRequest request, Refusal refusal) {
            refusals.get(refusal.reason()).increment();
            String candidate = request == null || request.decoderResult().isFailure() ? null
                    : request.headers().get(CorrelationIds.HTTP_HEADER);
            String correlationId = CorrelationIds.acceptOrCreate(candidate);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", GatewayProblems.TYPE_BASE + refusal.type());
            problem.put("title", refusal.status().getReasonPhrase());
            problem.put("status", refusal.status().value());
            problem.put("detail", refusal.detail());
            problem.put("correlationId", correlationId);
            byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(refusal.status().value()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(CorrelationIds.HTTP_HEADER, correlationId)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "no-referrer")
                    .set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Null if the request may go on. */
    static Refusal check(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            return Refusal.of(result);
        }
        List<String> transferEncodings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!transferEncodings.isEmpty()) {
            if (transferEncodings.size() != 1 || !transferEncodings.get(0).strip().equalsIgnoreCase("chunked")) {
                return new Refusal(HttpStatus.BAD_REQUEST, "transfer-encoding",
                        "Transfer-Encoding must be exactly 'chunked'; other transfer codings are not accepted");
            }
            if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                return new Refusal(HttpStatus.BAD_REQUEST, "transfer-encoding",
                        "Send either Transfer-Encoding or Content-Length, not both");
            }
        }
        try {
            new URI(request.uri());
        } catch (URISyntaxException e) {
            return new Refusal(HttpStatus.BAD_REQUEST, "invalid-uri",
                    "The request target is not a valid URI: every '%' must be followed by two hex digits, "
                            + "and characters outside the URI syntax must be percent-encoded");
        }
        return null;
    }

    /** What the client is told; {@code reason} is also the metric's tag. */
    record Refusal(HttpStatus status, String reason, String detail) {

        String type() {
            return status.name().toLowerCase().replace('_', '-');
        }

        static Refusal of(DecoderResult result) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                return new Refusal(HttpStatus.URI_TOO_LONG, "uri-too-long",
                        "The request line is longer than this gateway accepts");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return new Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                        "The request headers are larger than this gateway accepts");
            }
            String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("Transfer-Encoding") || message.contains("Content-Length")
                    || message.contains("chunked")) {
                return new Refusal(HttpStatus.BAD_REQUEST, "transfer-encoding",
                        "Transfer-Encoding and Content-Length do not agree; send exactly one of them, "
                                + "Transfer-Encoding only as 'chunked'");
            }
            return new Refusal(HttpStatus.BAD_REQUEST, "malformed", "The request is not valid HTTP/1.1");
        }
    }
}
