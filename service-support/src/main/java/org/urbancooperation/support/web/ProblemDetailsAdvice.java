package org.urbancooperation.support.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MultipartException;
import org.urbancooperation.support.json.JsonReadProblems;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.RuleViolationException;
import org.urbancooperation.support.mongo.MongoErrors;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.AuthenticationChallenge;
import org.urbancooperation.support.security.AuthenticationRequiredException;
import org.urbancooperation.support.web.Problems.FieldError;

import com.mongodb.MongoException;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Every error a service answers is {@code application/problem+json}: 4xx name the offending field
 * where there is one; a 5xx says only that it failed and which correlation id to quote. No stack
 * trace or exception text ever leaves the service.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);


    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
        return respond(Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                e.fields().stream().map(field -> new FieldError(field, e.getMessage())).toList()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors));
    }

    @ExceptionHandler(UnknownReferenceException.class)
    ResponseEntity<ProblemDetail> unknownReference(UnknownReferenceException e) {
        return respond(Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference",
                "Unknown reference", List.of(new FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "rule-violation", "Not allowed in the current state",
                e.getMessage()));
    }

    @ExceptionHandler(ConcurrentModificationConflict.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrentModificationConflict e) {
        if (e.preconditionGiven()) {
            return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                    "The resource has changed", e.getMessage()));
        }
        return respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflicting change", e.getMessage()));
    }

    @ExceptionHandler(AuthenticationRequiredException.class)
    ResponseEntity<ProblemDetail> authenticationRequired(AuthenticationRequiredException e) {
        // RFC 9110: a 401 names the schemes that would do; the same as the gateway's.
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(AuthenticationChallenge.HEADER, AuthenticationChallenge.VALUE)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "authentication-required", "Authentication required",
                        e.getMessage()));
    }

    /** A multipart body where no operation takes one, or a broken one (no boundary). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return respond(Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError("Content-Type", "is not a readable multipart body"))));
    }

    @ExceptionHandler({InvalidMediaTypeException.class, InvalidMimeTypeException.class})
    ResponseEntity<ProblemDetail> invalidMediaType(RuntimeException e) {
        return respond(Problems.invalidFields(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", List.of(new FieldError("Content-Type", "must be application/json"))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage()));
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException e) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                e.getMessage()));
    }

    /** Seconds a client should wait before it retries while the database is unreachable. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    /**
     * The database is unreachable (down, restarting, no primary): {@code 503} with {@code Retry-After} at once,
     * since the client's request may well succeed a few seconds later; any other driver error is a 500.
     */
    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> database(MongoException e) {
        if (!MongoErrors.isUnavailable(e)) {
            return unexpected(e);
        }
        log.warn("Database unavailable, answering 503: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                        "The database is not reachable at the moment; retry after the seconds in Retry-After"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed; quote the correlation id when reporting it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field));
        return body(Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return body(Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "has a value of the wrong type or format" : JsonReadProblems.expected(type);
        return body(Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError(String.valueOf(name), expected))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = findCause(e, JacksonException.class);
        if (json == null) {
            return body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is missing or unreadable"));
        }
        JsonReadProblems.Refusal refusal = JsonReadProblems.of(json);
        if (refusal.field().isEmpty()) {
            return body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    refusal.message()));
        }
        return body(Problems.invalidFields(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError(refusal.field(), refusal.message()))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(Problems.invalidFields(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", List.of(new FieldError("Content-Type",
                        "must be " + listed(e.getSupportedMediaTypes())))),
                headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(Problems.invalidFields(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "Not acceptable", List.of(new FieldError("Accept",
                        "must accept " + listed(e.getSupportedMediaTypes())))),
                headers, HttpStatus.NOT_ACCEPTABLE);
    }

    private static String listed(List<MediaType> types) {
        return types.isEmpty() ? "application/json"
                : types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
    }

    /** Framework-raised problems (404 route, 405, 406, 415, missing header...) get our type, title and id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            ProblemDetail ours = Problems.of(status, slug(status), problem.getTitle(), problem.getDetail());
            return new ResponseEntity<>(ours, headers, status);
        }
        return new ResponseEntity<>(body, headers, status);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? String.valueOf(status.value()) : known.name().toLowerCase().replace('_', '-');
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
