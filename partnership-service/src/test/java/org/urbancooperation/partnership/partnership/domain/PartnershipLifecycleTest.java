package org.urbancooperation.partnership.partnership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;

/** The lifecycle, members, contacts, programme networks and agreements of a partnership: every rule. */
class PartnershipLifecycleTest {

    static final Instant AT = Instant.parse("2019-09-20T09:30:00Z");
    static final List<PartnerCity> CITIES = List.of(
            PartnerCity.known("essen", "Essen", "DE", "Europe/Berlin"),
            PartnerCity.known("koriyama", "Koriyama", "JP", "Asia/Tokyo"));
    static final Set<String> IURC_NETWORKS = Set.of("climate-energy-water-air", "innovation-jobs", "smart-cities");
    static final List<Partnership.MemberInput> MEMBERS = List.of(
            new Partnership.MemberInput("city-of-essen", "essen", List.of()),
            new Partnership.MemberInput("city-of-koriyama", "koriyama", List.of()),
            new Partnership.MemberInput("frea", "koriyama", List.of("renewable-energy")),
            new Partnership.MemberInput("energy-agency-fukushima", "koriyama", List.of("renewable-energy")),
            new Partnership.MemberInput("ewg", "essen", List.of("medical-devices")));
    static final Partnership.ContactInput CONTACT = new Partnership.ContactInput("Koriyama focal point",
            "Business Creation Division", "city-of-koriyama", "focal-point@example.org");

    static Partnership.Proposal proposal(PartnershipStatus status, List<Partnership.ContactInput> contacts) {
        return new Partnership.Proposal(null,
                Map.of("en", "Essen - Koriyama", "ja", "エッセン・郡山", "de", "Essen - Koriyama"),
                Map.of("en", "Maximizing Urban Cooperation for the Future"), PartnershipKind.PROGRAMME_PILOT_PROJECT,
                status, "iurc", IURC_NETWORKS, List.of("climate-energy-water-air"), CITIES,
                List.of("renewable-energy", "medical-devices", "education"), LocalDate.of(2019, 8, 27), MEMBERS, null,
                contacts);
    }

    static Partnership in(PartnershipStatus status) {
        Partnership proposed = Partnership.establish(UUID.randomUUID(),
                proposal(PartnershipStatus.PROPOSED, List.of(CONTACT))).aggregate();
        return switch (status) {
            case PROPOSED -> proposed;
            case ACTIVE -> proposed.changeStatus(PartnershipStatus.ACTIVE, null, AT).aggregate();
            case SUSPENDED -> in(PartnershipStatus.ACTIVE).changeStatus(PartnershipStatus.SUSPENDED, "paused", AT)
                    .aggregate();
            case CONCLUDED -> proposed.changeStatus(PartnershipStatus.CONCLUDED, "abandoned", AT).aggregate();
        };
    }

    @Test
    void theAllowedMovesAreExactlyThese() {
        assertThat(PartnershipStatus.PROPOSED.allowedMoves())
                .containsExactlyInAnyOrder(PartnershipStatus.ACTIVE, PartnershipStatus.CONCLUDED);
        assertThat(PartnershipStatus.ACTIVE.allowedMoves())
                .containsExactlyInAnyOrder(PartnershipStatus.SUSPENDED, PartnershipStatus.CONCLUDED);
        assertThat(PartnershipStatus.SUSPENDED.allowedMoves())
                .containsExactlyInAnyOrder(PartnershipStatus.ACTIVE, PartnershipStatus.CONCLUDED);
        assertThat(PartnershipStatus.CONCLUDED.allowedMoves()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PartnershipStatus.class)
    void everyMoveFromEachStateIsAllowedOrRefusedNamingTheStateAndTheAllowedMoves(PartnershipStatus from) {
        for (PartnershipStatus to : PartnershipStatus.values()) {
            Partnership partnership = in(from);
            if (from.allowedMoves().contains(to)) {
                ResultWithEvents<Partnership, PartnershipEvent> moved = partnership.changeStatus(to, "why", AT);
                assertThat(moved.aggregate().status()).isEqualTo(to);
                assertThat(moved.events()).singleElement().isEqualTo(
                        new PartnershipEvent.StatusChanged(moved.aggregate(), from, to, "why", AT));
                assertThat(partnership.status()).as("the original is unchanged").isEqualTo(from);
            } else {
                assertThatThrownBy(() -> partnership.changeStatus(to, "why", AT))
                        .isInstanceOfSatisfying(StatusMoveRefused.class, e -> {
                            assertThat(e.current()).isEqualTo(from);
                            assertThat(e.allowed()).isEqualTo(from.allowedMoves().isEmpty()
                                    ? EnumSet.noneOf(PartnershipStatus.class) : EnumSet.copyOf(from.allowedMoves()));
                            assertThat(e.getMessage()).contains(from.name());
                        });
            }
        }
    }

    @Test
    void suspendingAndConcludingNeedAReason() {
        assertField(() -> in(PartnershipStatus.ACTIVE).changeStatus(PartnershipStatus.SUSPENDED, null, AT), "reason");
        assertField(() -> in(PartnershipStatus.ACTIVE).changeStatus(PartnershipStatus.CONCLUDED, " ", AT), "reason");
        assertField(() -> in(PartnershipStatus.PROPOSED).changeStatus(PartnershipStatus.CONCLUDED, null, AT), "reason");
        assertField(() -> in(PartnershipStatus.ACTIVE).changeStatus(PartnershipStatus.SUSPENDED, "a\u202Eb", AT),
                "reason");
        assertField(() -> in(PartnershipStatus.ACTIVE).changeStatus(PartnershipStatus.SUSPENDED, "x".repeat(1001), AT),
                "reason");
        assertThat(in(PartnershipStatus.SUSPENDED).changeStatus(PartnershipStatus.ACTIVE, null, AT).aggregate().status())
                .isEqualTo(PartnershipStatus.ACTIVE);
    }

    @Test
    void anActivePartnershipNeedsAFocalPointContact() {
        Partnership withoutContacts = Partnership.establish(UUID.randomUUID(),
                proposal(PartnershipStatus.PROPOSED, null)).aggregate();
        assertThatThrownBy(() -> withoutContacts.changeStatus(PartnershipStatus.ACTIVE, null, AT))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("focal-point contact");

        Partnership active = in(PartnershipStatus.ACTIVE);
        assertThatThrownBy(() -> active.change(changes(null, null, null, List.of())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least one focal-point contact");
        // A proposed one may drop its last contact.
        assertThat(in(PartnershipStatus.PROPOSED).change(changes(null, null, null, List.of())).aggregate()
                .focalPointContacts()).isEmpty();
    }

    @Test
    void aConcludedPartnershipNoLongerChanges() {
        Partnership concluded = in(PartnershipStatus.CONCLUDED);
        assertThatThrownBy(() -> concluded.change(changes(Map.of("en", "Renamed"), null, null, null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("CONCLUDED");
        assertThatThrownBy(() -> concluded.signAgreement(UUID.randomUUID(), new Partnership.AgreementInput(
                "Late", LocalDate.of(2020, 1, 1), null, null, null, null)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void establishingDefaultsToActiveAndMirrorsMembersIntoPartnerOrganisations() {
        Partnership p = Partnership.establish(UUID.randomUUID(), proposal(null, List.of(CONTACT))).aggregate();
        assertThat(p.status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(p.name()).isEqualTo("Essen - Koriyama");
        assertThat(p.names().in("ja")).contains("エッセン・郡山");
        assertThat(p.partnerOrganisations()).containsExactly("city-of-essen", "city-of-koriyama", "frea",
                "energy-agency-fukushima", "ewg");
        assertThat(p.withoutContacts().focalPointContacts()).isEmpty();
        assertThat(p.withoutContacts().partnerOrganisations()).isEqualTo(p.partnerOrganisations());

        // Today's flat form and members together: the flat ones join as members without city or themes.
        Partnership.Proposal both = new Partnership.Proposal("Both", null, null, null, null, null, null, null, CITIES,
                List.of("renewable-energy"), LocalDate.of(2019, 8, 27),
                List.of(new Partnership.MemberInput("frea", "koriyama", List.of("renewable-energy"))),
                List.of("city-of-essen", "frea"), null);
        assertThat(Partnership.establish(UUID.randomUUID(), both).aggregate().members()).containsExactly(
                new Member("frea", "koriyama", List.of("renewable-energy")), new Member("city-of-essen", null, List.of()));
    }

    @Test
    void newPartnershipsAreProposedOrActive() {
        assertField(() -> Partnership.establish(UUID.randomUUID(), proposal(PartnershipStatus.SUSPENDED, null)),
                "status");
        assertField(() -> Partnership.establish(UUID.randomUUID(), proposal(PartnershipStatus.CONCLUDED, null)),
                "status");
    }

    @Test
    void namesRules() {
        assertField(() -> establishWith(p -> new Partnership.Proposal("Other", Map.of("en", "Essen - Koriyama"), null,
                null, null, null, null, null, CITIES, List.of(), LocalDate.of(2019, 8, 27), null, null, null)), "name");
        assertField(() -> establishWith(p -> new Partnership.Proposal(null, Map.of("ja", "郡山"), null,
                null, null, null, null, null, CITIES, List.of(), LocalDate.of(2019, 8, 27), null, null, null)),
                "names.en");
        assertField(() -> establishWith(p -> new Partnership.Proposal(null, Map.of("en", "x", "EN-x", "y"), null,
                null, null, null, null, null, CITIES, List.of(), LocalDate.of(2019, 8, 27), null, null, null)),
                "names.EN-x");
        assertField(() -> establishWith(p -> new Partnership.Proposal(null, null, null,
                null, null, null, null, null, CITIES, List.of(), LocalDate.of(2019, 8, 27), null, null, null)), "name");
        assertField(() -> establishWith(p -> new Partnership.Proposal("Same", Map.of("en", "Same"),
                Map.of("de", "a\u0000"), null, null, null, null, null, CITIES, List.of(), LocalDate.of(2019, 8, 27),
                null, null, null)), "description.de");
    }

    @Test
    void networksBelongToTheProgramme() {
        assertField(() -> establishWith(p -> new Partnership.Proposal("N", null, null, null, null, null, null,
                List.of("climate-energy-water-air"), CITIES, List.of(), LocalDate.of(2019, 8, 27), null, null, null)),
                "networks");
        assertField(() -> establishWith(p -> new Partnership.Proposal("N", null, null, null, null, "iurc",
                IURC_NETWORKS, List.of("smart-cities", "urban-mobility"), CITIES, List.of(), LocalDate.of(2019, 8, 27),
                null, null, null)), "networks[1]");
        assertField(() -> establishWith(p -> new Partnership.Proposal("N", null, null, null, null, "iurc",
                IURC_NETWORKS, List.of("smart-cities", "smart-cities"), CITIES, List.of(), LocalDate.of(2019, 8, 27),
                null, null, null)), "networks[1]");
        // Another programme whose networks the partnership's are not: the programme is what is wrong.
        assertField(() -> in(PartnershipStatus.ACTIVE).change(new Partnership.Changes(null, null, null, "iuc-asia",
                Set.of(), null, null, null, null, null)), "programmeId");
    }

    @Test
    void membersWorkInThePartnershipsCitiesAndThemes() {
        assertField(() -> establishMembers(List.of(new Partnership.MemberInput("frea", "duesseldorf", List.of()))),
                "members[0].cityId");
        assertField(() -> establishMembers(List.of(new Partnership.MemberInput("frea", "koriyama",
                List.of("hydrogen")))), "members[0].themes[0]");
        assertField(() -> establishMembers(List.of(new Partnership.MemberInput("frea", null, List.of()),
                new Partnership.MemberInput("frea", null, List.of()))), "members[1].organisationId");
        assertField(() -> establishMembers(List.of(new Partnership.MemberInput("FREA", null, List.of()))),
                "members[0].organisationId");
        assertField(() -> establishMembers(List.of(new Partnership.MemberInput(null, null, List.of()))),
                "members[0].organisationId");
        // Removing a theme a member works on names the themes.
        assertField(() -> in(PartnershipStatus.ACTIVE).change(new Partnership.Changes(null, null, null, null,
                IURC_NETWORKS, null, null, List.of("education", "medical-devices"), null, null)), "themes");
    }

    @Test
    void aRuleBetweenTwoFieldsNamesBoth() {
        assertFields(() -> establishWith(p -> new Partnership.Proposal("N", null, null, null, null, null, null,
                List.of("climate-energy-water-air"), CITIES, List.of(), LocalDate.of(2019, 8, 27), null, null, null)),
                "networks", "programmeId");
        assertFields(() -> establishMembers(List.of(new Partnership.MemberInput("frea", "koriyama",
                List.of("hydrogen")))), "members[0].themes[0]", "themes");
        assertFields(() -> in(PartnershipStatus.ACTIVE).change(new Partnership.Changes(null, null, null, null,
                IURC_NETWORKS, null, null, List.of("education", "medical-devices"), null, null)), "themes",
                "members[2].themes[0]");
        assertFields(() -> in(PartnershipStatus.ACTIVE).change(changes(null, null, List.of(
                new Partnership.MemberInput("city-of-essen", "essen", List.of())), null)), "members",
                "focalPointContacts[0].organisationId");
    }

    @Test
    void focalPointContactsWorkForMembersAndHaveAnAddress() {
        assertField(() -> in(PartnershipStatus.PROPOSED).change(changes(null, null, null, List.of(
                new Partnership.ContactInput("A", null, "city-of-duesseldorf", "a@example.org")))),
                "focalPointContacts[0].organisationId");
        assertField(() -> in(PartnershipStatus.PROPOSED).change(changes(null, null, null, List.of(
                new Partnership.ContactInput("A", null, "frea", "not-an-address")))), "focalPointContacts[0].email");
        assertField(() -> in(PartnershipStatus.PROPOSED).change(changes(null, null, null, List.of(
                new Partnership.ContactInput(" ", null, "frea", "a@example.org")))), "focalPointContacts[0].name");
        // Removing the member a contact works for names the members.
        assertField(() -> in(PartnershipStatus.ACTIVE).change(changes(null, null, List.of(
                new Partnership.MemberInput("city-of-essen", "essen", List.of())), null)), "members");
    }

    @Test
    void aChangeNamesWhatChangedAndNothingChangedRaisesNothing() {
        Partnership active = in(PartnershipStatus.ACTIVE);
        ResultWithEvents<Partnership, PartnershipEvent> same = active.change(changes(active.names().values(), null,
                null, null));
        assertThat(same.events()).isEmpty();
        assertThat(same.aggregate()).isSameAs(active);

        ResultWithEvents<Partnership, PartnershipEvent> changed = active.change(new Partnership.Changes(
                Map.of("en", "Essen & Koriyama"), Map.of(), PartnershipKind.FRIENDSHIP, null, IURC_NETWORKS,
                List.of("climate-energy-water-air", "innovation-jobs"), null, null, null, null));
        assertThat(changed.aggregate().name()).isEqualTo("Essen & Koriyama");
        assertThat(changed.aggregate().description()).isNull();
        assertThat(changed.events()).singleElement().isEqualTo(new PartnershipEvent.Changed(changed.aggregate(),
                List.of("names", "description", "kind", "networks")));
    }

    @Test
    void agreementsCarryKindPlaceSignatoriesAndDocuments() {
        Partnership active = in(PartnershipStatus.ACTIVE);
        var signed = active.signAgreement(UUID.randomUUID(), new Partnership.AgreementInput(
                "Agreement on continued cooperation", LocalDate.of(2019, 9, 20),
                AgreementKind.AGREEMENT_ON_CONTINUED_COOPERATION, "koriyama",
                List.of(new Partnership.SignatoryInput("Signatory for Koriyama", "Mayor", "city-of-koriyama")),
                List.of(new Partnership.DocumentInput("Signed text", "https://www.essen.de/agreement.pdf", "ja",
                        "application/pdf"))));
        Agreement agreement = signed.aggregate().agreements().get(0);
        assertThat(agreement.kind()).isEqualTo(AgreementKind.AGREEMENT_ON_CONTINUED_COOPERATION);
        assertThat(agreement.signedAtCityId()).isEqualTo("koriyama");
        assertThat(agreement.signatories()).singleElement().extracting(Signatory::organisationId)
                .isEqualTo("city-of-koriyama");
        assertThat(agreement.documents()).singleElement().extracting(AgreementDocument::mediaType)
                .isEqualTo("application/pdf");

        assertField(() -> active.signAgreement(UUID.randomUUID(), document("ftp://example.org/x", "de", null)),
                "documents[0].url");
        assertField(() -> active.signAgreement(UUID.randomUUID(), document("not a url", "de", null)),
                "documents[0].url");
        assertField(() -> active.signAgreement(UUID.randomUUID(), document("https://example.org/x", "Deutsch", null)),
                "documents[0].language");
        assertField(() -> active.signAgreement(UUID.randomUUID(), document("https://example.org/x", "de", "pdf")),
                "documents[0].mediaType");
        assertField(() -> active.signAgreement(UUID.randomUUID(), new Partnership.AgreementInput("T",
                LocalDate.of(2019, 9, 20), null, "Koriyama City", null, null)), "signedAtCityId");
        assertField(() -> active.signAgreement(UUID.randomUUID(), new Partnership.AgreementInput("T",
                LocalDate.of(2019, 9, 20), null, null, List.of(new Partnership.SignatoryInput(null, null, null)),
                null)), "signatories[0].name");
        assertField(() -> active.signAgreement(UUID.randomUUID(), new Partnership.AgreementInput("T",
                LocalDate.of(2019, 9, 20), null, null, List.of(new Partnership.SignatoryInput("A", null, "Essen")),
                null)), "signatories[0].organisationId");
    }

    @Test
    void listFilterValuesAreCheckedByTheDomain() {
        assertThat(PartnershipStatus.parse("status", "ACTIVE")).isEqualTo(PartnershipStatus.ACTIVE);
        assertField(() -> PartnershipStatus.parse("status", "active"), "status");
        assertField(() -> PartnerCity.countryCode("country", "Japan"), "country");
        assertThat(PartnerCity.countryCode("country", "JP")).isEqualTo("JP");
    }

    private static Partnership.AgreementInput document(String url, String language, String mediaType) {
        return new Partnership.AgreementInput("T", LocalDate.of(2019, 9, 20), null, null, null,
                List.of(new Partnership.DocumentInput("Document", url, language, mediaType)));
    }

    private static Partnership.Changes changes(Map<String, String> names, Map<String, String> description,
            List<Partnership.MemberInput> members, List<Partnership.ContactInput> contacts) {
        return new Partnership.Changes(names, description, null, null, IURC_NETWORKS, null, null, null, members,
                contacts);
    }

    private static Object establishWith(java.util.function.Function<Void, Partnership.Proposal> proposal) {
        return Partnership.establish(UUID.randomUUID(), proposal.apply(null));
    }

    private static Object establishMembers(List<Partnership.MemberInput> members) {
        return Partnership.establish(UUID.randomUUID(), new Partnership.Proposal("M", null, null, null, null, null,
                null, null, CITIES, List.of("renewable-energy"), LocalDate.of(2019, 8, 27), members, null, null));
    }

    private static void assertFields(Runnable action, String... fields) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.fields()).containsExactly(fields));
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
