package org.urbancooperation.contracts;

import java.util.List;

/**
 * A record that can never be processed: not an envelope, or a payload that breaks its schema.
 * Consumers send it to the dead-letter topic at once instead of retrying.
 */
public class InvalidIntegrationEventException extends RuntimeException {

    private final List<String> violations;

    public InvalidIntegrationEventException(String message, Throwable cause) {
        super(message, cause);
        this.violations = List.of();
    }

    public InvalidIntegrationEventException(String message, List<String> violations) {
        super(message + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
