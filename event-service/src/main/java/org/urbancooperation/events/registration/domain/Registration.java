package org.urbancooperation.events.registration.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;

/**
 * One participant's registration for a cooperation event: the caller's subject is the participant, name and
 * organisation are as they gave them.
 *
 * @param sequence its place in the order registrations arrived (first come, first served on the waitlist)
 * @param version counts this registration's own changes: its ETag, independent of the other registrations
 * @param attendedAt when an organiser recorded that it attended; null until then
 */
public record Registration(
        UUID id,
        String participant,
        RegistrationRole role,
        String name,
        String organisation,
        List<UUID> sessionIds,
        RegistrationStatus status,
        long sequence,
        Instant registeredAt,
        Instant attendedAt,
        long version) {

    public static final int MAX_SESSIONS = 200;

    public Registration {
        Require.present("id", id);
        participant = checkedParticipant(participant);
        Require.present("role", role);
        name = checkedName(name);
        organisation = checkedOrganisation(organisation);
        sessionIds = checkedSessionIds(sessionIds);
        Require.present("status", status);
        Require.present("registeredAt", registeredAt);
    }

    // The rules of what a participant enters, checked by the application before anything is compared or looked
    // up (registering again with a bad name is refused, not answered with the registration it already has) and by
    // every registration built.

    static String checkedParticipant(String participant) {
        return Require.visibleText("participant", participant, 200);
    }

    static String checkedName(String name) {
        return Require.visibleText("name", name, 200);
    }

    static String checkedOrganisation(String organisation) {
        return organisation == null ? null : Require.visibleText("organisation", organisation, 300);
    }

    static List<UUID> checkedSessionIds(List<UUID> sessionIds) {
        List<UUID> checked = List.copyOf(Require.each("sessionIds", Require.size("sessionIds",
                sessionIds == null ? List.of() : sessionIds, 0, MAX_SESSIONS), (path, s) -> Require.present(path, s)));
        if (new HashSet<>(checked).size() != checked.size()) {
            throw new InvalidValueException("sessionIds", "sessionIds names a session twice");
        }
        return checked;
    }

    public boolean holdsPlace() {
        return status == RegistrationStatus.CONFIRMED;
    }

    Registration with(RegistrationStatus newStatus) {
        return new Registration(id, participant, role, name, organisation, sessionIds, newStatus, sequence,
                registeredAt, attendedAt, version + 1);
    }

    Registration attended(Instant at) {
        return new Registration(id, participant, role, name, organisation, sessionIds, status, sequence,
                registeredAt, at, version + 1);
    }
}
