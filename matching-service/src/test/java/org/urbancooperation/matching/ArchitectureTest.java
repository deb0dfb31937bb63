package org.urbancooperation.matching;

import org.urbancooperation.support.testing.ServiceArchitectureTest;

/** The platform's shared rules ({@link ServiceArchitectureTest}); matching-service has none of its own. */
class ArchitectureTest extends ServiceArchitectureTest {

    @Override
    protected String basePackage() {
        return "org.urbancooperation.matching";
    }
}
