package org.urbancooperation.partnership.report.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One action of a partnership's action plan as the report shows it.
 *
 * @param focalPoint the number of its focal point (1, 2, 3 in the seed); null when the focal point is gone
 * @param plannedFrom a month ({@code 2021-04}) or a day, as it was given; null while no window is known
 * @param plannedTo null when the window is just {@code plannedFrom}
 * @param format IN_PERSON, ONLINE or HYBRID; null while not decided
 * @param statusReason why it has its status (a postponement's or cancellation's reason); null when none was given
 * @param statusSince when it got its status
 * @param movedOnline when and why it moved online (the seed's FY2020 exchange); null when it did not
 */
public record ReportedAction(
        UUID id,
        Integer focalPoint,
        Map<String, String> title,
        String theme,
        String status,
        String plannedFrom,
        String plannedTo,
        String format,
        String statusReason,
        Instant statusSince,
        FormatChange movedOnline) {

    public ReportedAction {
        title = Map.copyOf(title);
    }

    /** @param from the format before, null when none was set */
    public record FormatChange(String from, String reason, Instant at) {
    }

    public String englishTitle() {
        return title.getOrDefault("en", title.values().stream().findFirst().orElse(""));
    }
}
