package org.urbancooperation.matching.match.domain;

import org.urbancooperation.matching.opportunity.domain.CooperationType;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * What one side says of a match after meeting: a rating and whether a cooperation agreement was reached.
 *
 * @param agreementType the kind of cooperation agreed; required when an agreement was reached, absent otherwise
 */
public record Outcome(int rating, boolean agreementReached, CooperationType agreementType) {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;

    public Outcome {
        if (rating < MIN_RATING || rating > MAX_RATING) {
            throw new InvalidValueException("rating", "rating must be between " + MIN_RATING + " and " + MAX_RATING);
        }
        if (agreementReached) {
            Require.present("agreementType", agreementType);
        } else if (agreementType != null) {
            throw new InvalidValueException("agreementType", "agreementType is given only when agreementReached is true");
        }
    }
}
