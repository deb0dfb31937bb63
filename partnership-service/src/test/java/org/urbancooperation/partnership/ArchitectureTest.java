package org.urbancooperation.partnership;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.testing.ServiceArchitectureTest;

/** The platform's shared rules ({@link ServiceArchitectureTest}), and what partnership-service adds to them. */
class ArchitectureTest extends ServiceArchitectureTest {

    private static final String BASE = "org.urbancooperation.partnership";

    @Override
    protected String basePackage() {
        return BASE;
    }

    /** API keys are access, not partnerships: the access feature stands on its own. */
    @Test
    void accessKnowsNoOtherFeature() {
        noClasses().that().resideInAPackage(BASE + ".access..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..").and(not(resideInAPackage(BASE + ".access.."))))
                .because("keys grant access to the whole API; they are not part of any partnership")
                .check(classes());
    }
}
