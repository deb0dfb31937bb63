package org.urbancooperation.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The architecture rules every service checks on itself, written once. A service's {@code ArchitectureTest}
 * extends this, names its base package and adds only rules of its own:
 *
 * <pre>{@code
 * class ArchitectureTest extends ServiceArchitectureTest {
 *     @Override
 *     protected String basePackage() {
 *         return "org.urbancooperation.events";
 *     }
 * }
 * }</pre>
 *
 * Code is packaged by feature, each a small hexagon {@code <base>.<feature>.{domain,application,persistence,
 * messaging,web}}: the domain knows no framework; dependencies point inwards (adapters use the application and
 * the domain, never the other way round); and one feature's use cases never call another feature's use cases: a
 * feature that needs another's data defines a port in its own {@code application} and implements it in its own
 * {@code persistence}. Every rule fails when it finds nothing to check (a wrong base package is no pass).
 */
public abstract class ServiceArchitectureTest {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** The service's base package, e.g. {@code org.urbancooperation.partnership}. */
    protected abstract String basePackage();

    /**
     * Known dependencies between features' {@code application} packages that this service still has, origin class
     * to target class (fully qualified): each one a debt with a reason in the overriding method, none by default.
     */
    protected Map<String, String> knownApplicationDependencies() {
        return Map.of();
    }

    /** The service's production classes (tests excluded), imported once per base package. */
    protected JavaClasses classes() {
        return IMPORTED.computeIfAbsent(basePackage(), ServiceArchitectureTest::productionClasses);
    }

    @Test
    void domainIsFreeOfFrameworks() {
        domainIsFreeOfFrameworks(basePackage()).check(classes());
    }

    @Test
    void dependenciesPointInwards() {
        domainKnowsNoOuterLayer(basePackage()).check(classes());
        applicationKnowsNoAdapter(basePackage()).check(classes());
    }

    @Test
    void featuresUseCasesDoNotCallEachOther() {
        SliceRule rule = featureApplicationsAreIndependent(basePackage());
        for (Map.Entry<String, String> known : knownApplicationDependencies().entrySet()) {
            rule = rule.ignoreDependency(known.getKey(), known.getValue());
        }
        rule.check(classes());
    }

    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Domain packages import no Spring, MongoDB, Kafka, Jackson, servlet, contracts or the platform's plumbing. */
    public static ArchRule domainIsFreeOfFrameworks(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "tools.jackson..", "com.fasterxml..", "jakarta.servlet..", "jakarta.persistence..",
                        "org.urbancooperation.contracts..",
                        "org.urbancooperation.support.mongo..", "org.urbancooperation.support.messaging..",
                        "org.urbancooperation.support.outbox..", "org.urbancooperation.support.web..",
                        "org.urbancooperation.support.config..")
                .because("the domain holds the rules; adapters around it hold the technology");
    }

    /** The domain uses neither use cases nor adapters. */
    public static ArchRule domainKnowsNoOuterLayer(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + "..application..",
                        basePackage + "..web..", basePackage + "..messaging..", basePackage + "..persistence..")
                .because("dependencies point inwards");
    }

    /** Only the web adapters know HTTP; only messaging and persistence adapters know Kafka and Mongo. */
    public static ArchRule applicationKnowsNoAdapter(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + "..web..",
                        basePackage + "..messaging..", basePackage + "..persistence..")
                .because("dependencies point inwards");
    }

    /**
     * No class of {@code <base>.<feature>.application} depends on a class of another feature's {@code application}
     * (a feature may use another's domain types).
     */
    public static SliceRule featureApplicationsAreIndependent(String basePackage) {
        return SlicesRuleDefinition.slices().matching(basePackage + ".(*).application..")
                .namingSlices("feature $1's application")
                .should().notDependOnEachOther()
                .because("a feature that needs another's data defines a port in its own application package and "
                        + "implements it in its own persistence package");
    }
}
