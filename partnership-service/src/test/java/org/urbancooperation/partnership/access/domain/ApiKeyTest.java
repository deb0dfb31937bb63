package org.urbancooperation.partnership.access.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

class ApiKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00.123456Z");
    private static final String ESSEN = "City of Essen integration";

    @Test
    void issuingKeepsOnlyTheHashAndRaisesIssued() {
        PlainApiKey key = PlainApiKey.generate(RANDOM);

        ResultWithEvents<ApiKey, ApiKeyEvent> issued = ApiKey.issue(key, ApiKeyRole.PARTNER, "city-of-essen", null,
                "  " + ESSEN + " ", NOW, NOW.plus(Duration.ofDays(365)));

        ApiKey k = issued.aggregate();
        assertThat(k.id()).isEqualTo(key.keyId());
        assertThat(k.secretHash()).isEqualTo(key.secretHash());
        assertThat(k.label()).isEqualTo(ESSEN);
        assertThat(k.status()).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(k.revokedAt()).isNull();
        assertThat(k.issuedAt()).isEqualTo(Instant.parse("2026-03-02T09:15:00.123Z"));
        assertThat(issued.events()).containsExactly(new ApiKeyEvent.Issued(k));
        assertThat(k.toString()).doesNotContain(key.secretHash());
    }

    @Test
    void partnerKeysNeedAnOrganisationSlugAndNoBusiness() {
        assertInvalid("organisationId", () -> issue(ApiKeyRole.PARTNER, null, null));
        assertInvalid("organisationId", () -> issue(ApiKeyRole.PARTNER, " ", null));
        assertInvalid("organisationId", () -> issue(ApiKeyRole.PARTNER, "City of Essen", null));
        assertInvalid("organisationId", () -> issue(ApiKeyRole.PARTNER, "a".repeat(101), null));
        assertInvalid("businessId", () -> issue(ApiKeyRole.PARTNER, "city-of-essen", "robots-essen"));
        assertThat(issue(ApiKeyRole.PARTNER, "city-of-koriyama", null).organisationId()).isEqualTo("city-of-koriyama");
    }

    @Test
    void businessKeysNeedABusinessAndNoOrganisation() {
        assertInvalid("businessId", () -> issue(ApiKeyRole.BUSINESS, null, null));
        assertInvalid("businessId", () -> issue(ApiKeyRole.BUSINESS, null, "Hydrogen Koriyama"));
        assertInvalid("organisationId", () -> issue(ApiKeyRole.BUSINESS, "city-of-koriyama", "hydrogen-koriyama"));
        assertThat(issue(ApiKeyRole.BUSINESS, null, "hydrogen-koriyama").businessId()).isEqualTo("hydrogen-koriyama");
    }

    @Test
    void operatorKeysNameNeitherOrganisationNorBusiness() {
        assertInvalid("organisationId", () -> issue(ApiKeyRole.OPERATOR, "city-of-essen", null));
        assertInvalid("businessId", () -> issue(ApiKeyRole.OPERATOR, null, "robots-essen"));
        assertThat(issue(ApiKeyRole.OPERATOR, null, null).role()).isEqualTo(ApiKeyRole.OPERATOR);
    }

    @Test
    void labelIsOneToAHundredCharactersAndExpiryLiesAhead() {
        PlainApiKey key = PlainApiKey.generate(RANDOM);
        assertInvalid("label", () -> ApiKey.issue(key, ApiKeyRole.OPERATOR, null, null, " ", NOW, null));
        assertInvalid("label", () -> ApiKey.issue(key, ApiKeyRole.OPERATOR, null, null, "x".repeat(101), NOW, null));
        assertThat(ApiKey.issue(key, ApiKeyRole.OPERATOR, null, null, "x".repeat(100), NOW, null).aggregate().label())
                .hasSize(100);
        assertInvalid("expiresAt", () -> ApiKey.issue(key, ApiKeyRole.OPERATOR, null, null, "x", NOW, NOW));
        assertInvalid("expiresAt", () -> ApiKey.issue(key, ApiKeyRole.OPERATOR, null, null, "x", NOW,
                NOW.minusSeconds(60)));
    }

    @Test
    void rolesAreReadByTheirWireNames() {
        assertThat(ApiKeyRole.fromWireName("role", "partner")).isEqualTo(ApiKeyRole.PARTNER);
        assertInvalid("role", () -> ApiKeyRole.fromWireName("role", "admin"));
        assertInvalid("role", () -> ApiKeyRole.fromWireName("role", "PARTNER"));
        assertInvalid("role", () -> ApiKeyRole.fromWireName("role", null));
    }

    @Test
    void revokingRaisesRevokedOnceAndIsIdempotent() {
        ApiKey active = issue(ApiKeyRole.PARTNER, "city-of-essen", null);

        ResultWithEvents<ApiKey, ApiKeyEvent> revoked = active.revoke(NOW.plusSeconds(60));
        ResultWithEvents<ApiKey, ApiKeyEvent> again = revoked.aggregate().revoke(NOW.plusSeconds(120));

        assertThat(revoked.aggregate().status()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(revoked.aggregate().revokedAt()).isEqualTo(Instant.parse("2026-03-02T09:16:00.123Z"));
        assertThat(revoked.events()).containsExactly(new ApiKeyEvent.Revoked(revoked.aggregate()));
        assertThat(again.aggregate()).isEqualTo(revoked.aggregate());
        assertThat(again.events()).isEmpty();
    }

    @Test
    void theSuccessorKeepsRoleOrganisationLabelAndLifetimeWithANewSecret() {
        ApiKey old = ApiKey.issue(PlainApiKey.generate(RANDOM), ApiKeyRole.PARTNER, "city-of-essen", null, ESSEN, NOW,
                NOW.plus(Duration.ofDays(90))).aggregate();
        PlainApiKey next = PlainApiKey.generate(RANDOM);
        Instant later = NOW.plus(Duration.ofDays(30));

        ApiKey successor = old.successor(next, later).aggregate();

        assertThat(successor.id()).isEqualTo(next.keyId()).isNotEqualTo(old.id());
        assertThat(successor.secretHash()).isEqualTo(next.secretHash()).isNotEqualTo(old.secretHash());
        assertThat(successor.role()).isEqualTo(ApiKeyRole.PARTNER);
        assertThat(successor.organisationId()).isEqualTo("city-of-essen");
        assertThat(successor.label()).isEqualTo(ESSEN);
        assertThat(Duration.between(successor.issuedAt(), successor.expiresAt())).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aRevokedKeyHasNoSuccessor() {
        ApiKey revoked = issue(ApiKeyRole.OPERATOR, null, null).revoke(NOW).aggregate();

        assertThatThrownBy(() -> revoked.successor(PlainApiKey.generate(RANDOM), NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void storedStateIsCheckedToo() {
        ApiKey k = issue(ApiKeyRole.OPERATOR, null, null);
        assertInvalid("keyId", () -> new ApiKey("ucp_" + k.id(), k.role(), null, null, k.label(), k.issuedAt(), null,
                ApiKeyStatus.ACTIVE, null, k.secretHash()));
        assertInvalid("secretHash", () -> new ApiKey(k.id(), k.role(), null, null, k.label(), k.issuedAt(), null,
                ApiKeyStatus.ACTIVE, null, "secret"));
        assertInvalid("revokedAt", () -> new ApiKey(k.id(), k.role(), null, null, k.label(), k.issuedAt(), null,
                ApiKeyStatus.REVOKED, null, k.secretHash()));
    }

    private static ApiKey issue(ApiKeyRole role, String organisationId, String businessId) {
        return ApiKey.issue(PlainApiKey.generate(RANDOM), role, organisationId, businessId, ESSEN, NOW, null).aggregate();
    }

    private static void assertInvalid(String field, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }
}
