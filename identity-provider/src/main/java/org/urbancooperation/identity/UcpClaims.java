package org.urbancooperation.identity;

/** Names of the platform's own claims in access and ID tokens, and the API audience. */
public final class UcpClaims {

    /** operator, partner or business. */
    public static final String ROLE = "ucp_role";
    /** The partner's organisation id, e.g. {@code city-of-essen}; partners only. */
    public static final String ORGANISATION = "ucp_org";
    /** The business id, e.g. {@code hydrogen-koriyama}; businesses only. */
    public static final String BUSINESS = "ucp_biz";
    /** The audience of every access token: the platform's API behind the gateway. */
    public static final String API_AUDIENCE = "ucp-api";

    private UcpClaims() {
    }
}
