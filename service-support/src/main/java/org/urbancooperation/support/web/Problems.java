package org.urbancooperation.support.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.urbancooperation.support.observability.CorrelationId;

/** Builds the platform's RFC 9457 problem documents, the same shape in every service. */
public final class Problems {

    /** Base of the {@code type} URIs; each kind of problem has a stable name under it. */
    public static final String TYPE_BASE = "https://urban-cooperation.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** A problem that names the offending fields: {@code errors: [{field, message}]}. */
    public static ProblemDetail invalidFields(HttpStatusCode status, String type, String title,
            List<FieldError> errors) {
        boolean oneRule = errors.stream().map(FieldError::message).distinct().count() == 1;
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : oneRule ? String.join(", ", errors.stream().map(FieldError::field).toList()) + ": "
                        + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = of(status, type, title, detail);
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }

    public record FieldError(String field, String message) {
    }
}
