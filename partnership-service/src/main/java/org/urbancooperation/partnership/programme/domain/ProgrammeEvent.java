package org.urbancooperation.partnership.programme.domain;

import java.util.List;

/** What happens to a programme; the application publishes each as an integration event. */
public sealed interface ProgrammeEvent {

    record Registered(Programme programme) implements ProgrammeEvent {
    }

    /** @param changed the fields that changed, e.g. {@code names}, {@code networks} */
    record Changed(Programme programme, List<String> changed) implements ProgrammeEvent {
    }
}
