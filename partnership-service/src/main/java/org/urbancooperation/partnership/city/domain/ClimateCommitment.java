package org.urbancooperation.partnership.city.domain;

import java.util.Map;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * A climate commitment of a city: its kind, the year it was made (or the city selected), the year it aims at, and
 * what it is, in several languages.
 *
 * @param targetYear null when none was given
 * @param description null when none was given
 */
public record ClimateCommitment(ClimateCommitmentKind kind, int madeIn, Integer targetYear, LocalizedText description) {

    public static final int EARLIEST_YEAR = Require.EARLIEST_DATE.getYear();
    public static final int LATEST_YEAR = Require.LATEST_DATE.getYear();
    public static final int MAX_DESCRIPTION = 1000;

    public ClimateCommitment {
        Require.present("kind", kind);
    }

    /** What a request says about a commitment; checked by {@link #of}. */
    public record Input(ClimateCommitmentKind kind, Integer madeIn, Integer targetYear, Map<String, String> description) {
    }

    /**
     * New input: a kind, a year made within 1900 to 2200, a target year (optional) in the same range and not before
     * it was made, a description (optional; English not required: a Japanese text alone is fine).
     */
    public static ClimateCommitment of(Input input) {
        Require.present("kind", input.kind());
        int madeIn = year("madeIn", Require.present("madeIn", input.madeIn()));
        Integer targetYear = input.targetYear() == null ? null : year("targetYear", input.targetYear());
        if (targetYear != null && targetYear < madeIn) {
            throw InvalidValueException.between("targetYear", "madeIn", "targetYear (" + targetYear
                    + ") must not be before the year the commitment was made (" + madeIn + ")");
        }
        LocalizedText description = input.description() == null ? null
                : LocalizedText.of("description", input.description(), false, MAX_DESCRIPTION);
        return new ClimateCommitment(input.kind(), madeIn, targetYear, description);
    }

    private static int year(String field, int year) {
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            throw new InvalidValueException(field, field + " must be a year between " + EARLIEST_YEAR + " and "
                    + LATEST_YEAR);
        }
        return year;
    }
}
