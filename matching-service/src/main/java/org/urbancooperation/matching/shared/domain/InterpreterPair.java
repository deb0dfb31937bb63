package org.urbancooperation.matching.shared.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A language pair an interpreter covers, such as English and Japanese. Unordered: EN-JA and JA-EN are one pair,
 * kept with the languages in alphabetical order so that equal pairs are equal records.
 */
public record InterpreterPair(String first, String second) implements Comparable<InterpreterPair> {

    public InterpreterPair {
        first = Objects.requireNonNull(first, "first").toLowerCase(Locale.ROOT);
        second = Objects.requireNonNull(second, "second").toLowerCase(Locale.ROOT);
        if (first.equals(second)) {
            throw new IllegalArgumentException("an interpreter pair has two different languages: " + first);
        }
        if (first.compareTo(second) > 0) {
            String swap = first;
            first = second;
            second = swap;
        }
    }

    public static InterpreterPair of(String one, String other) {
        return new InterpreterPair(one, other);
    }

    @Override
    public int compareTo(InterpreterPair other) {
        int byFirst = first.compareTo(other.first);
        return byFirst != 0 ? byFirst : second.compareTo(other.second);
    }

    @Override
    public String toString() {
        return first + "-" + second;
    }
}
