package org.urbancooperation.partnership.partnership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/**
 * A long-running cooperation between cities, such as Essen and Koriyama on renewable energy,
 * the medical device industry and education. Immutable: each command returns the new state and
 * the events it raised.
 *
 * @param name the English name (today's field; always {@code names.en})
 * @param description null when none was given
 * @param kind null for partnerships established before kinds were recorded
 * @param programmeId the programme it belongs to (an id at {@code /api/v1/programmes}); null for none
 * @param networks the ids of the programme's thematic networks it works in
 * @param members member organisations per city and theme; {@link #partnerOrganisations()} is their flat list
 * @param focalPointContacts people to contact (personal data: operators and members' staff only)
 */
public record Partnership(
        UUID id,
        String name,
        LocalizedText names,
        LocalizedText description,
        PartnershipKind kind,
        PartnershipStatus status,
        String programmeId,
        List<String> networks,
        List<PartnerCity> cities,
        List<String> themes,
        LocalDate establishedOn,
        List<Agreement> agreements,
        List<Member> members,
        List<FocalPointContact> focalPointContacts) {

    public static final int MAX_CITIES = 10;
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_THEMES = 20;
    public static final int MAX_NETWORKS = 30;
    public static final int MAX_MEMBERS = 50;
    public static final int MAX_CONTACTS = 20;
    public static final int MAX_AGREEMENT_PARTS = 20;
    public static final int MAX_REASON = 1000;

    public Partnership {
        Require.present("id", id);
        name = Require.text("name", name, MAX_NAME);
        names = names == null ? new LocalizedText(Map.of(LocalizedText.ENGLISH, name)) : names;
        Require.present("status", status);
        if (programmeId != null) {
            Require.slugShape("programmeId", programmeId);
        }
        networks = List.copyOf(Require.each("networks", networks == null ? List.<String>of() : networks,
                Require::slugShape));
        cities = List.copyOf(Require.each("cities", Require.size("cities", cities, 2, MAX_CITIES), (path, city) -> city));
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < cities.size(); i++) {
            PartnerCity city = cities.get(i);
            String key = city.cityId() != null ? city.cityId()
                    : city.name().toLowerCase(Locale.ROOT) + "/" + city.countryCode();
            if (!distinct.add(key)) {
                throw new InvalidValueException("cities[" + i + "]", city.name() + " is listed twice");
            }
        }
        themes = List.copyOf(Require.each("themes", Require.size("themes", themes, 0, MAX_THEMES), Require::slugShape));
        Require.present("establishedOn", establishedOn);
        agreements = List.copyOf(agreements == null ? List.of() : agreements);
        members = List.copyOf(members == null ? List.of() : members);
        focalPointContacts = List.copyOf(focalPointContacts == null ? List.of() : focalPointContacts);
    }

    /** The flat list of member organisations' slugs, in the order of {@link #members()}: what access checks read. */
    public List<String> partnerOrganisations() {
        return members.stream().map(Member::organisationId).distinct().toList();
    }

    public boolean isVisibleToEveryone() {
        return status == PartnershipStatus.ACTIVE;
    }

    public Set<String> cityIds() {
        Set<String> ids = new LinkedHashSet<>();
        cities.forEach(c -> {
            if (c.cityId() != null) {
                ids.add(c.cityId());
            }
        });
        return ids;
    }

    /** A member as a request names it. */
    public record MemberInput(String organisationId, String cityId, List<String> themes) {
    }

    /** A focal-point contact as a request names it. */
    public record ContactInput(String name, String role, String organisationId, String email) {
    }

    /**
     * What a new partnership is given.
     *
     * @param cities already resolved (inline cities checked, city ids looked up)
     * @param programmeNetworks the network ids of {@code programmeId}'s programme; null when no programme is named
     * @param partnerOrganisations today's flat form of members: each becomes a member without city or themes
     */
    public record Proposal(String name, Map<String, String> names, Map<String, String> description,
            PartnershipKind kind, PartnershipStatus status, String programmeId, Set<String> programmeNetworks,
            List<String> networks, List<PartnerCity> cities, List<String> themes, LocalDate establishedOn,
            List<MemberInput> members, List<String> partnerOrganisations, List<ContactInput> focalPointContacts) {
    }

    /**
     * A change: null fields stay as they are.
     *
     * @param programmeNetworks the network ids of the programme the changed partnership names (given or unchanged);
     *        null when it names none
     */
    public record Changes(Map<String, String> names, Map<String, String> description, PartnershipKind kind,
            String programmeId, Set<String> programmeNetworks, List<String> networks, List<PartnerCity> cities,
            List<String> themes, List<MemberInput> members, List<ContactInput> focalPointContacts) {
    }

    /** An agreement as a request gives it; its city and organisations are checked to exist by the application. */
    public record AgreementInput(String title, LocalDate signedOn, AgreementKind kind, String signedAtCityId,
            List<SignatoryInput> signatories, List<DocumentInput> documents) {
    }

    public record SignatoryInput(String name, String title, String organisationId) {
    }

    public record DocumentInput(String title, String url, String language, String mediaType) {
    }

    /** The rules for a new partnership (beyond the invariants the constructor keeps for stored ones too). */
    public static ResultWithEvents<Partnership, PartnershipEvent> establish(UUID id, Proposal p) {
        LocalizedText names = names(p.name(), p.names());
        LocalizedText description = p.description() == null ? null
                : LocalizedText.of("description", p.description(), false, MAX_DESCRIPTION);
        PartnershipStatus status = p.status() == null ? PartnershipStatus.ACTIVE : p.status();
        if (status != PartnershipStatus.PROPOSED && status != PartnershipStatus.ACTIVE) {
            throw new InvalidValueException("status", "a new partnership is PROPOSED or ACTIVE (the default)");
        }
        String programmeId = p.programmeId() == null ? null : Require.slug("programmeId", p.programmeId(), "iurc");
        List<String> networks = distinctSlugs("networks", p.networks() == null ? List.of() : p.networks(),
                MAX_NETWORKS, "climate-energy-water-air");
        List<String> themes = distinctSlugs("themes", p.themes() == null ? List.of() : p.themes(), MAX_THEMES,
                "renewable-energy");
        List<PartnerCity> cities = Require.size("cities", Require.present("cities", p.cities()), 2, MAX_CITIES);
        List<Member> members = new ArrayList<>(p.members() == null ? List.of() : members(p.members()));
        List<String> flat = distinctSlugs("partnerOrganisations",
                p.partnerOrganisations() == null ? List.of() : p.partnerOrganisations(), MAX_THEMES, "city-of-essen");
        for (String organisation : flat) {
            if (members.stream().noneMatch(m -> m.organisationId().equals(organisation))) {
                members.add(new Member(organisation, null, List.of()));
            }
        }
        if (members.size() > MAX_MEMBERS) {
            throw new InvalidValueException("members", "members must have between 0 and " + MAX_MEMBERS + " entries");
        }
        List<FocalPointContact> contacts = p.focalPointContacts() == null ? List.of()
                : contacts(p.focalPointContacts());
        Require.date("establishedOn", p.establishedOn());
        Partnership partnership = new Partnership(id, names.english(), names, description, p.kind(), status,
                programmeId, networks, cities, themes, p.establishedOn(), List.of(), members, contacts);
        partnership.checkReferences(p.programmeNetworks(), true, true, true);
        return ResultWithEvents.of(partnership, new PartnershipEvent.Established(partnership));
    }

    /**
     * Changes the partnership's description, programme, cities, themes, members or focal-point contacts; no event
     * (and no new version) when nothing changed.
     */
    public ResultWithEvents<Partnership, PartnershipEvent> change(Changes c) {
        requireNotConcluded();
        LocalizedText newNames = c.names() == null ? names : names(null, c.names());
        LocalizedText newDescription = c.description() == null ? description
                : c.description().isEmpty() ? null : LocalizedText.of("description", c.description(), false,
                        MAX_DESCRIPTION);
        PartnershipKind newKind = c.kind() == null ? kind : c.kind();
        String newProgramme = c.programmeId() == null ? programmeId
                : Require.slug("programmeId", c.programmeId(), "iurc");
        List<String> newNetworks = c.networks() == null ? networks
                : distinctSlugs("networks", c.networks(), MAX_NETWORKS, "climate-energy-water-air");
        List<PartnerCity> newCities = c.cities() == null ? cities : Require.size("cities", c.cities(), 2, MAX_CITIES);
        List<String> newThemes = c.themes() == null ? themes
                : distinctSlugs("themes", c.themes(), MAX_THEMES, "renewable-energy");
        List<Member> newMembers = c.members() == null ? members : members(c.members());
        List<FocalPointContact> newContacts = c.focalPointContacts() == null ? focalPointContacts
                : contacts(c.focalPointContacts());
        Partnership changed = new Partnership(id, newNames.english(), newNames, newDescription, newKind, status,
                newProgramme, newNetworks, newCities, newThemes, establishedOn, agreements, newMembers, newContacts);
        List<String> what = new ArrayList<>();
        addIf(what, "names", !newNames.equals(names));
        addIf(what, "description", !Objects.equals(newDescription, description));
        addIf(what, "kind", newKind != kind);
        addIf(what, "programmeId", !Objects.equals(newProgramme, programmeId));
        addIf(what, "networks", !newNetworks.equals(networks));
        addIf(what, "cities", !newCities.equals(cities));
        addIf(what, "themes", !newThemes.equals(themes));
        addIf(what, "members", !newMembers.equals(members));
        addIf(what, "focalPointContacts", !newContacts.equals(focalPointContacts));
        if (what.isEmpty()) {
            return ResultWithEvents.of(this);
        }
        changed.checkReferences(c.programmeNetworks(), c.networks() != null,
                c.members() != null, c.focalPointContacts() != null);
        if (status == PartnershipStatus.ACTIVE && !focalPointContacts.isEmpty() && newContacts.isEmpty()) {
            throw new RuleViolationException("Partnership " + id + " is ACTIVE and needs at least one focal-point"
                    + " contact; add another before removing the last");
        }
        return ResultWithEvents.of(changed, new PartnershipEvent.Changed(changed, List.copyOf(what)));
    }

    /**
     * Moves the partnership in its lifecycle ({@link PartnershipStatus} lists the allowed moves).
     *
     * @param reason required when suspending or concluding
     * @throws RuleViolationException (409) for a move not allowed from the current state, naming it and the allowed
     *         moves, or into ACTIVE without a focal-point contact
     */
    public ResultWithEvents<Partnership, PartnershipEvent> changeStatus(PartnershipStatus target, String reason,
            Instant at) {
        Require.present("status", target);
        String checkedReason = reason == null ? null : Require.visibleText("reason", reason, MAX_REASON);
        if (checkedReason == null && (target == PartnershipStatus.SUSPENDED || target == PartnershipStatus.CONCLUDED)) {
            throw new InvalidValueException("reason", "reason is required to move a partnership to " + target);
        }
        Require.instant("at", at);
        if (!status.mayMoveTo(target)) {
            throw new StatusMoveRefused("Partnership " + id + " is " + status + "; the moves allowed from "
                    + status + " are " + status.allowedMoves() + ", not " + target, status);
        }
        if (target == PartnershipStatus.ACTIVE && focalPointContacts.isEmpty()) {
            throw new RuleViolationException("Partnership " + id + " has no focal-point contact; an ACTIVE partnership"
                    + " needs at least one: add one with PATCH first");
        }
        Partnership moved = withStatus(target);
        return ResultWithEvents.of(moved, new PartnershipEvent.StatusChanged(moved, status, target, checkedReason, at));
    }

    public ResultWithEvents<Partnership, PartnershipEvent> signAgreement(UUID agreementId, AgreementInput input) {
        String checkedTitle = Require.visibleText("title", input.title(), 200);
        Require.date("signedOn", input.signedOn());
        if (input.signedOn().isBefore(establishedOn)) {
            throw new InvalidValueException("signedOn", "an agreement cannot be signed before the partnership began ("
                    + establishedOn + ")");
        }
        String city = input.signedAtCityId() == null ? null
                : Require.slug("signedAtCityId", input.signedAtCityId(), "koriyama");
        List<Signatory> signatories = input.signatories() == null ? List.of()
                : Require.each("signatories", Require.size("signatories", input.signatories(), 0, MAX_AGREEMENT_PARTS),
                        (path, s) -> Require.within(path, () -> Signatory.of(s.name(), s.title(), s.organisationId())));
        List<AgreementDocument> documents = input.documents() == null ? List.of()
                : Require.each("documents", Require.size("documents", input.documents(), 0, MAX_AGREEMENT_PARTS),
                        (path, d) -> Require.within(path, () -> AgreementDocument.of(d.title(), d.url(), d.language(),
                                d.mediaType())));
        requireNotConcluded();
        Agreement agreement = new Agreement(agreementId, checkedTitle, input.signedOn(), input.kind(), city,
                signatories, documents);
        List<Agreement> signed = new ArrayList<>(agreements);
        signed.add(agreement);
        Partnership changed = new Partnership(id, name, names, description, kind, status, programmeId, networks,
                cities, themes, establishedOn, signed, members, focalPointContacts);
        return ResultWithEvents.of(changed, new PartnershipEvent.AgreementSigned(changed, agreement));
    }

    /** The same partnership as a caller who may not see contacts reads it. */
    public Partnership withoutContacts() {
        return new Partnership(id, name, names, description, kind, status, programmeId, networks, cities, themes,
                establishedOn, agreements, members, List.of());
    }

    private Partnership withStatus(PartnershipStatus target) {
        return new Partnership(id, name, names, description, kind, target, programmeId, networks, cities, themes,
                establishedOn, agreements, members, focalPointContacts);
    }

    private void requireNotConcluded() {
        if (status == PartnershipStatus.CONCLUDED) {
            throw new RuleViolationException("Partnership " + id + " is CONCLUDED; it no longer changes");
        }
    }

    /**
     * The rules between fields: networks belong to the programme, members' cities and themes are the partnership's,
     * contacts work for members. A refusal names both fields of the rule (either may be what the client has to
     * fix), the one the request gave first, or else the one it broke.
     */
    private void checkReferences(Set<String> programmeNetworks, boolean networksGiven, boolean membersGiven,
            boolean contactsGiven) {
        if (!networks.isEmpty() && programmeId == null) {
            throw InvalidValueException.between("networks", "programmeId",
                    "networks are a programme's: name the programmeId too");
        }
        for (int i = 0; i < networks.size(); i++) {
            if (programmeNetworks != null && !programmeNetworks.contains(networks.get(i))) {
                throw pair(networksGiven, "networks[" + i + "]", "programmeId",
                        networks.get(i) + " is not a network of programme " + programmeId);
            }
        }
        Set<String> cityIds = cityIds();
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member.cityId() != null && !cityIds.contains(member.cityId())) {
                throw pair(membersGiven, "members[" + i + "].cityId", "cities",
                        member.cityId() + " is not one of the partnership's cities " + cityIds + " (member "
                                + member.organisationId() + ")");
            }
            for (int t = 0; t < member.themes().size(); t++) {
                if (!themes.contains(member.themes().get(t))) {
                    throw pair(membersGiven, "members[" + i + "].themes[" + t + "]", "themes",
                            member.themes().get(t) + " is not one of the partnership's themes " + themes + " (member "
                                    + member.organisationId() + ")");
                }
            }
        }
        List<String> organisations = partnerOrganisations();
        for (int i = 0; i < focalPointContacts.size(); i++) {
            if (!organisations.contains(focalPointContacts.get(i).organisationId())) {
                throw pair(contactsGiven, "focalPointContacts[" + i + "].organisationId", "members",
                        focalPointContacts.get(i).organisationId() + " is not a member organisation;"
                                + " a focal-point contact works for one");
            }
        }
    }

    /** A refusal of a rule between {@code field} and {@code other}: both named, {@code field} first if given. */
    private static InvalidValueException pair(boolean fieldGiven, String field, String other, String message) {
        return fieldGiven ? InvalidValueException.between(field, other, message)
                : InvalidValueException.between(other, field, message);
    }

    private static LocalizedText names(String name, Map<String, String> names) {
        if (names == null) {
            return new LocalizedText(Map.of(LocalizedText.ENGLISH, Require.visibleText("name", name, MAX_NAME)));
        }
        LocalizedText checked = LocalizedText.of("names", names, true, MAX_NAME);
        if (name != null && !name.strip().equals(checked.english())) {
            throw new InvalidValueException("name", "name is the English name: give names.en, or the same text in both");
        }
        return checked;
    }

    private static List<Member> members(List<MemberInput> members) {
        List<Member> checked = Require.each("members", Require.size("members", members, 0, MAX_MEMBERS),
                (path, m) -> Require.within(path, () -> new Member(
                        Require.slug("organisationId", m.organisationId(), "frea"),
                        m.cityId() == null ? null : Require.slug("cityId", m.cityId(), "koriyama"),
                        distinctSlugs("themes", m.themes() == null ? List.of() : m.themes(), MAX_THEMES,
                                "renewable-energy"))));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < checked.size(); i++) {
            if (!seen.add(checked.get(i).organisationId())) {
                throw new InvalidValueException("members[" + i + "].organisationId",
                        checked.get(i).organisationId() + " is listed twice; list all its themes in one entry");
            }
        }
        return checked;
    }

    private static List<FocalPointContact> contacts(List<ContactInput> contacts) {
        return Require.each("focalPointContacts", Require.size("focalPointContacts", contacts, 0, MAX_CONTACTS),
                (path, c) -> Require.within(path, () -> FocalPointContact.of(c.name(), c.role(), c.organisationId(),
                        c.email())));
    }

    private static List<String> distinctSlugs(String field, List<String> slugs, int max, String example) {
        List<String> checked = Require.each(field, Require.size(field, slugs, 0, max),
                (path, slug) -> Require.slug(path, slug, example));
        for (int i = 0; i < checked.size(); i++) {
            if (checked.indexOf(checked.get(i)) < i) {
                throw new InvalidValueException(field + "[" + i + "]", checked.get(i) + " is listed twice");
            }
        }
        return checked;
    }

    private static void addIf(List<String> what, String field, boolean changed) {
        if (changed) {
            what.add(field);
        }
    }
}
