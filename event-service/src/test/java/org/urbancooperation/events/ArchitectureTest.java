package org.urbancooperation.events;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.testing.ArchitectureRules;

class ArchitectureTest {

    private static final String BASE = "org.urbancooperation.events";

    @Test
    void domainIsFreeOfFrameworks() {
        ArchitectureRules.domainIsFreeOfFrameworks(BASE);
    }

    @Test
    void dependenciesPointInwards() {
        ArchitectureRules.adaptersStayInTheirLayer(BASE);
    }
}
