package org.urbancooperation.partnership.partnership.domain;

/** What happens to a partnership; the application publishes each as an integration event. */
public sealed interface PartnershipEvent {

    record Established(Partnership partnership) implements PartnershipEvent {
    }

    record AgreementSigned(Partnership partnership, Agreement agreement) implements PartnershipEvent {
    }
}
