package org.urbancooperation.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.urbancooperation.gateway.web.CorrelationIds;

class CorrelationIdsTest {

    @ParameterizedTest
    @ValueSource(strings = { "a", "ABC-123", "req.7:part-9_b", "0f8fad5b-d9cb-469f-a165-70867728950e" })
    void wellFormedIdsAreKept(String id) {
        assertThat(CorrelationIds.acceptOrCreate(id)).isEqualTo(id);
    }

    @Test
    void idOfMaximumLengthIsKept() {
        String longest = "a".repeat(128);
        assertThat(CorrelationIds.acceptOrCreate(longest)).isEqualTo(longest);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "with space", "tab\tbed", "new\nline", "<script>", "ünïcode", "x/y" })
    void malformedIdsAreReplacedByAFreshUuid(String malformed) {
        String replaced = CorrelationIds.acceptOrCreate(malformed);
        assertThat(replaced).isNotEqualTo(malformed)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void tooLongIdIsReplaced() {
        String tooLong = "a".repeat(129);
        assertThat(CorrelationIds.acceptOrCreate(tooLong)).hasSize(36);
    }

    @Test
    void eachReplacementIsNew() {
        assertThat(CorrelationIds.acceptOrCreate(null)).isNotEqualTo(CorrelationIds.acceptOrCreate(null));
    }
}
