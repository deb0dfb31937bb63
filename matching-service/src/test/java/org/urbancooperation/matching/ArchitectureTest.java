package org.urbancooperation.matching;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.testing.ArchitectureRules;

class ArchitectureTest {

    private static final String BASE = "org.urbancooperation.matching";

    @Test
    void domainIsFreeOfFrameworks() {
        ArchitectureRules.domainIsFreeOfFrameworks(BASE);
    }

    @Test
    void dependenciesPointInwards() {
        ArchitectureRules.adaptersStayInTheirLayer(BASE);
    }
}
