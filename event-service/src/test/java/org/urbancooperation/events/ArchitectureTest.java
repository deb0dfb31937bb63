package org.urbancooperation.events;

import org.urbancooperation.support.testing.ServiceArchitectureTest;

/** The platform's shared rules ({@link ServiceArchitectureTest}); event-service has none of its own. */
class ArchitectureTest extends ServiceArchitectureTest {

    @Override
    protected String basePackage() {
        return "org.urbancooperation.events";
    }
}
