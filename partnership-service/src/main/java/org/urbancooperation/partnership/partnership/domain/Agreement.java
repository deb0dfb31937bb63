package org.urbancooperation.partnership.partnership.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A signed agreement between the partner cities, e.g. on continued cooperation. */
public record Agreement(UUID id, String title, LocalDate signedOn) {
}
