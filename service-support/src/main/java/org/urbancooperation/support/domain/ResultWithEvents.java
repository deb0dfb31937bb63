package org.urbancooperation.support.domain;

import java.util.List;

/**
 * What an aggregate's command returns: its new state and the domain events it raised. The
 * application stores both in one write; nothing is published that was not stored.
 */
public record ResultWithEvents<A, E>(A aggregate, List<E> events) {

    public ResultWithEvents {
        events = List.copyOf(events);
    }

    @SafeVarargs
    public static <A, E> ResultWithEvents<A, E> of(A aggregate, E... events) {
        return new ResultWithEvents<>(aggregate, List.of(events));
    }
}
