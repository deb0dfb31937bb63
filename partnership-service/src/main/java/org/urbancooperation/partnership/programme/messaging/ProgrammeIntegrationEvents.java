package org.urbancooperation.partnership.programme.messaging;

import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.partnership.ProgrammeChanged;
import org.urbancooperation.contracts.partnership.ProgrammeRegistered;
import org.urbancooperation.partnership.programme.domain.Programme;
import org.urbancooperation.partnership.programme.domain.ProgrammeEvent;

/** Maps the programme's domain events to the published contracts. */
public final class ProgrammeIntegrationEvents {

    private ProgrammeIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<ProgrammeEvent> events) {
        return events.stream().map(ProgrammeIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(ProgrammeEvent event) {
        if (event instanceof ProgrammeEvent.Registered registered) {
            Programme p = registered.programme();
            return new ProgrammeRegistered(p.id(), p.names().values(), p.funder(), p.regions(), p.from(), p.to(),
                    p.continues(), networks(p));
        }
        if (event instanceof ProgrammeEvent.Changed changed) {
            Programme p = changed.programme();
            return new ProgrammeChanged(p.id(), changed.changed(), p.names().values(), p.funder(), p.regions(),
                    p.from(), p.to(), p.continues(), networks(p));
        }
        throw new IllegalArgumentException("unmapped programme event " + event.getClass().getName());
    }

    private static List<ProgrammeRegistered.Network> networks(Programme p) {
        return p.networks().stream().map(n -> new ProgrammeRegistered.Network(n.id(), n.names().values())).toList();
    }
}
