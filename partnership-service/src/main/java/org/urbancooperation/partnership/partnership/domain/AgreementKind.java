package org.urbancooperation.partnership.partnership.domain;

/** What kind of agreement the partner cities signed; the seed's of Sep 2019 is on continued cooperation. */
public enum AgreementKind {
    MEMORANDUM_OF_UNDERSTANDING,
    AGREEMENT_ON_CONTINUED_COOPERATION,
    LETTER_OF_INTENT,
    COOPERATION_AGREEMENT,
    OTHER
}
