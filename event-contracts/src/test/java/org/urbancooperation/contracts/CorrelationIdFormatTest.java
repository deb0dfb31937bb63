package org.urbancooperation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CorrelationIdFormatTest {

    @Test
    void newIdsAreVersion4UuidsThatDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = CorrelationIdFormat.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(seen.add(id)).as("repeated id %s", id).isTrue();
        }
    }

    @Test
    void wellFormedIdsAreKeptAndOthersReplaced() {
        assertThat(CorrelationIdFormat.acceptOrCreate("essen-koriyama:2019.09")).isEqualTo("essen-koriyama:2019.09");
        String replaced = CorrelationIdFormat.acceptOrCreate("a\nb");
        assertThat(replaced).isNotEqualTo("a\nb");
        assertThat(UUID.fromString(replaced).version()).isEqualTo(4);
        assertThat(CorrelationIdFormat.acceptOrCreate("x".repeat(129))).hasSize(36);
    }
}
