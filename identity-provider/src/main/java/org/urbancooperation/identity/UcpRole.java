package org.urbancooperation.identity;

import java.util.Locale;

/** The platform roles, as the {@code ucp_role} claim carries them. */
public enum UcpRole {
    /** The programme secretariat. */
    OPERATOR,
    /** Staff of a partner city or organisation; the token also names the organisation. */
    PARTNER,
    /** A company in business matching; the token also names the business. */
    BUSINESS;

    /** The claim value: lower case, e.g. {@code partner}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
