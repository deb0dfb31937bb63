package org.urbancooperation.support.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.urbancooperation.support.observability.CorrelationId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, as problem+json instead of its HTML page. It answers what Tomcat refuses before
 * the application sees a request: a path with {@code %00} or {@code %ff}, a query with {@code [} or
 * {@code $}, a malformed request line. Errors the application raises never get here: they are written
 * by {@link ProblemDetailsAdvice} and {@link ProblemErrorController}.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valves: nothing for non-errors, for responses already written, or twice.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.TYPE_BASE + (known == null ? String.valueOf(status)
                : known.name().toLowerCase().replace('_', '-')));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", status >= 500 ? "The request failed; quote the correlation id when reporting it"
                : "The request is malformed: its path, query or headers cannot be read (check the percent-encoding "
                        + "and the characters allowed in a URL)");
        problem.put("correlationId", CorrelationId.acceptOrCreate(request.getHeader(CorrelationId.HTTP_HEADER)));
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
