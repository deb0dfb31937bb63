package org.urbancooperation.support.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and where the next one starts: {@code {"items": [...], "next": "..."}}, {@code next} null on
 * the last page. The one list shape of every service: a client follows {@code next} (as the {@code cursor} query
 * parameter) until it is null, and sees every item that existed throughout exactly once.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        return new Page<>(items.stream().<R>map(mapping).toList(), next);
    }
}
