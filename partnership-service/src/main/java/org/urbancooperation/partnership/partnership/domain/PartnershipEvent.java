package org.urbancooperation.partnership.partnership.domain;

import java.time.Instant;
import java.util.List;

/** What happens to a partnership; the application publishes each as an integration event. */
public sealed interface PartnershipEvent {

    record Established(Partnership partnership) implements PartnershipEvent {
    }

    record AgreementSigned(Partnership partnership, Agreement agreement) implements PartnershipEvent {
    }

    record StatusChanged(Partnership partnership, PartnershipStatus from, PartnershipStatus to, String reason,
            Instant at) implements PartnershipEvent {
    }

    /** @param changed the fields that changed, e.g. {@code names}, {@code members} */
    record Changed(Partnership partnership, List<String> changed) implements PartnershipEvent {
    }
}
