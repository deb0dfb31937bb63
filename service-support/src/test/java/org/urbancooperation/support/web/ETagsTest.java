package org.urbancooperation.support.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.domain.InvalidValueException;

/** If-Match on writes: strong comparison (RFC 9110 13.1.1). */
class ETagsTest {

    @Test
    void aStrongTagMatchesItsVersionOnly() {
        assertThatCode(() -> ETags.expected("\"3\"").check("Partnership", 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ETags.expected("\"3\"").check("Partnership", 4))
                .isInstanceOf(ConcurrentModificationConflict.class);
    }

    @Test
    void aWeakTagNeverMatchesAWrite() {
        assertThatThrownBy(() -> ETags.expected("W/\"3\"").check("Partnership", 3))
                .isInstanceOf(ConcurrentModificationConflict.class).hasMessageContaining("weak");
    }

    @Test
    void aListMatchesWhenOneOfItsStrongTagsDoes() {
        assertThatCode(() -> ETags.expected("W/\"4\", \"2\", \"4\"").check("Partnership", 4)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ETags.expected("W/\"4\", \"2\"").check("Partnership", 4))
                .isInstanceOf(ConcurrentModificationConflict.class);
    }

    @Test
    void absentOrStarMatchesAnything() {
        assertThatCode(() -> ETags.expected(null).check("Partnership", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.expected("*").check("Partnership", 7)).doesNotThrowAnyException();
    }

    @Test
    void anythingButEntityTagsIs400NamingIfMatch() {
        for (String bad : new String[] { "3", "\"\"", "\"x\"", "W/3", "\"3\",", "\"3", "3\"", "\"1e3\"" }) {
            assertThatThrownBy(() -> ETags.expected(bad)).as(bad).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("If-Match");
        }
    }
}
