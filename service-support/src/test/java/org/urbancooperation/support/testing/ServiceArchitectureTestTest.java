package org.urbancooperation.support.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The shared rules are real: they fail on fixture code that breaks them, and pass on code that keeps them. */
class ServiceArchitectureTestTest {

    private static final String TANGLED = "org.urbancooperation.support.testing.archfixture.tangled";
    private static final String CLEAN = "org.urbancooperation.support.testing.archfixture.clean";

    @Test
    void aFeaturesUseCasesCallingAnotherFeaturesUseCasesFail() {
        assertThatThrownBy(() -> fixture(TANGLED, Map.of()).featuresUseCasesDoNotCallEachOther())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AlphaUseCases").hasMessageContaining("BetaUseCases");
    }

    @Test
    void aKnownDependencyIsTheOnlyOneForgiven() {
        Map<String, String> known = Map.of(TANGLED + ".alpha.application.AlphaUseCases",
                TANGLED + ".beta.application.BetaUseCases");
        assertThatCode(() -> fixture(TANGLED, known).featuresUseCasesDoNotCallEachOther()).doesNotThrowAnyException();
    }

    @Test
    void aPortOfItsOwnAndAnotherFeaturesDomainTypesPass() {
        ServiceArchitectureTest clean = fixture(CLEAN, Map.of());
        assertThatCode(clean::featuresUseCasesDoNotCallEachOther).doesNotThrowAnyException();
        assertThatCode(clean::dependenciesPointInwards).doesNotThrowAnyException();
    }

    @Test
    void aDomainReachingForAnAdapterOrAFrameworkFails() {
        ServiceArchitectureTest tangled = fixture(TANGLED, Map.of());
        assertThatThrownBy(tangled::dependenciesPointInwards).isInstanceOf(AssertionError.class)
                .hasMessageContaining("AlphaStore");
        assertThatThrownBy(tangled::domainIsFreeOfFrameworks).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.bson.Document");
    }

    @Test
    void aBasePackageWithoutClassesIsNoPass() {
        ServiceArchitectureTest nothing = fixture("org.urbancooperation.nothing.here", Map.of());
        assertThatThrownBy(nothing::domainIsFreeOfFrameworks).isInstanceOf(AssertionError.class);
        assertThatThrownBy(nothing::featuresUseCasesDoNotCallEachOther).isInstanceOf(AssertionError.class);
    }

    /** The fixtures are test classes, so they are imported with tests. */
    private static ServiceArchitectureTest fixture(String basePackage, Map<String, String> known) {
        JavaClasses classes = new ClassFileImporter().importPackages(basePackage);
        return new ServiceArchitectureTest() {
            @Override
            protected String basePackage() {
                return basePackage;
            }

            @Override
            protected Map<String, String> knownApplicationDependencies() {
                return known;
            }

            @Override
            protected JavaClasses classes() {
                return classes;
            }
        };
    }
}
