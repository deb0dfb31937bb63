package org.urbancooperation.partnership.actionplan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;

class FocalPointTest {

    @Test
    void definesAndChangesAFocalPoint() {
        FocalPoint one = FocalPoint.define(UUID.randomUUID(), UUID.randomUUID(), 1,
                Map.of("en", "Continued knowledge transfer & study tours"), null);
        assertThat(one.title().english()).isEqualTo("Continued knowledge transfer & study tours");
        FocalPoint changed = one.change(null, null, "Study tour to Essen on Stadtwerke in Aug. 2019\nand more");
        assertThat(changed.number()).isEqualTo(1);
        assertThat(changed.description()).contains("Stadtwerke");
    }

    @Test
    void badInputNamesTheField() {
        UUID p = UUID.randomUUID();
        assertField(() -> FocalPoint.define(UUID.randomUUID(), p, null, Map.of("en", "x"), null), "number");
        assertField(() -> FocalPoint.define(UUID.randomUUID(), p, 0, Map.of("en", "x"), null), "number");
        assertField(() -> FocalPoint.define(UUID.randomUUID(), p, 100, Map.of("en", "x"), null), "number");
        assertField(() -> FocalPoint.define(UUID.randomUUID(), p, 1, null, null), "title");
        assertField(() -> FocalPoint.define(UUID.randomUUID(), p, 1, Map.of("de", "Wissenstransfer"), null), "title.en");
        assertField(() -> FocalPoint.define(UUID.randomUUID(), p, 1, Map.of("en", "x"), "bad\u0000"), "description");
    }

    private static void assertField(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
