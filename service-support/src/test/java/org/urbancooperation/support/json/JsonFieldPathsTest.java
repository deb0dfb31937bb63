package org.urbancooperation.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class JsonFieldPathsTest {

    record Terms(Map<UUID, Integer> sessionCapacities) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMapKeyOfTheWrongFormIsTheFieldAtFault() {
        JacksonException e = catchThrowableOfType(JacksonException.class,
                () -> JSON.readValue("{\"sessionCapacities\": {\"hostileUnknownField\": 3}}", Terms.class));
        assertThat(JsonFieldPaths.of(e)).isEqualTo("sessionCapacities.hostileUnknownField");
    }

    @Test
    void aValueOfTheWrongTypeInAMapIsNamedByItsKey() {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(
                "{\"sessionCapacities\": {\"3f0b5f43-5d3c-4c1e-9a8e-8a1c0d1e2f3a\": \"many\"}}", Terms.class));
        assertThat(JsonFieldPaths.of(e)).isEqualTo("sessionCapacities.3f0b5f43-5d3c-4c1e-9a8e-8a1c0d1e2f3a");
    }
}
