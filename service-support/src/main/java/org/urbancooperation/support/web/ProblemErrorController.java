package org.urbancooperation.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Errors that never reach a controller (rejected by the server or a filter) also answer
 * problem+json, instead of Boot's default error body.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "The request failed; quote the correlation id when reporting it"
                : status.getReasonPhrase();
        ProblemDetail problem = Problems.of(status, status.name().toLowerCase().replace('_', '-'),
                status.getReasonPhrase(), detail);
        return ResponseEntity.status(status).body(problem);
    }
}
