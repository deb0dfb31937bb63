package org.urbancooperation.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The hexagon rules every service checks on itself: the domain knows no framework, and features talk
 * to each other's domain only.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Domain packages import no Spring, MongoDB, Kafka, Jackson, servlet or the platform's plumbing. */
    public static void domainIsFreeOfFrameworks(String basePackage) {
        noClasses().that().resideInAPackage(basePackage + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "tools.jackson..", "com.fasterxml..", "jakarta.servlet..", "jakarta.persistence..",
                        "org.urbancooperation.contracts..",
                        "org.urbancooperation.support.mongo..", "org.urbancooperation.support.messaging..",
                        "org.urbancooperation.support.outbox..", "org.urbancooperation.support.web..",
                        "org.urbancooperation.support.config..")
                .because("the domain holds the rules; adapters around it hold the technology")
                .check(productionClasses(basePackage));
    }

    /** Only the web adapters know HTTP; only messaging and persistence adapters know Kafka and Mongo. */
    public static void adaptersStayInTheirLayer(String basePackage) {
        JavaClasses classes = productionClasses(basePackage);
        noClasses().that().resideInAnyPackage(basePackage + "..domain..", basePackage + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + "..web..",
                        basePackage + "..messaging..", basePackage + "..persistence..")
                .because("dependencies point inwards")
                .check(classes);
    }
}
