package org.urbancooperation.events.registration.messaging;

import java.util.ArrayList;
import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.events.AttendanceRecorded;
import org.urbancooperation.contracts.events.RegistrationAffected;
import org.urbancooperation.contracts.events.RegistrationConfirmed;
import org.urbancooperation.contracts.events.RegistrationWithdrawn;
import org.urbancooperation.contracts.events.WaitlistPromoted;
import org.urbancooperation.events.registration.domain.EventRegistrations;
import org.urbancooperation.events.registration.domain.RegistrationChange;

/**
 * Maps the registrations' changes to the published contracts: ids only, never who registered. RegistrationConfirmed
 * and RegistrationWithdrawn name at least one partnership (what partnership-service counts), so an event of no
 * partnership announces neither; a waitlisted registration holds no place and is announced once promoted.
 */
public final class RegistrationIntegrationEvents {

    private RegistrationIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(EventRegistrations after, List<RegistrationChange> changes) {
        List<IntegrationEvent> events = new ArrayList<>();
        changes.forEach(change -> events.addAll(of(after, change)));
        return events;
    }

    static List<IntegrationEvent> of(EventRegistrations after, RegistrationChange change) {
        var event = after.cooperationEventId();
        var id = change.registration().id();
        var partnerships = after.partnershipIds();
        boolean counted = !partnerships.isEmpty();
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (change instanceof RegistrationChange.Confirmed) {
            return counted ? List.of(new RegistrationConfirmed(id, event, partnerships)) : List.of();
        }
        if (change instanceof RegistrationChange.Waitlisted) {
            return List.of();
        }
        if (change instanceof RegistrationChange.Promoted promoted) {
            List<IntegrationEvent> events = new ArrayList<>();
            events.add(new WaitlistPromoted(id, event, promoted.position()));
            if (counted) {
                events.add(new RegistrationConfirmed(id, event, partnerships));
            }
            return events;
        }
        if (change instanceof RegistrationChange.Withdrawn withdrawn) {
            return counted && withdrawn.heldPlace() ? List.of(new RegistrationWithdrawn(id, event, partnerships))
                    : List.of();
        }
        if (change instanceof RegistrationChange.AttendanceRecorded) {
            return List.of(new AttendanceRecorded(id, event, partnerships, change.registration().attendedAt()));
        }
        if (change instanceof RegistrationChange.Affected affected) {
            return List.of(new RegistrationAffected(id, event, affected.reason().name(),
                    change.registration().status().name()));
        }
        throw new IllegalArgumentException("unmapped registration change " + change.getClass().getName());
    }
}
