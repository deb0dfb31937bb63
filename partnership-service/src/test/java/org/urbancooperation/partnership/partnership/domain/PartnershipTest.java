package org.urbancooperation.partnership.partnership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;

class PartnershipTest {

    private static final List<String> ORGS = List.of("city-of-essen", "city-of-koriyama");
    private static final List<PartnerCity> ESSEN_KORIYAMA = List.of(
            PartnerCity.of("Essen", "DE", "Europe/Berlin"), PartnerCity.of("Koriyama", "JP", "Asia/Tokyo"));

    @Test
    void establishingRaisesEstablishedWithTheNewPartnership() {
        ResultWithEvents<Partnership, PartnershipEvent> result = establish("  Essen - Koriyama  ", ESSEN_KORIYAMA, List.of("renewable-energy", "medical-devices", "education"),
                LocalDate.of(2019, 8, 27), ORGS);

        assertThat(result.aggregate().name()).isEqualTo("Essen - Koriyama");
        assertThat(result.aggregate().agreements()).isEmpty();
        assertThat(result.events()).containsExactly(new PartnershipEvent.Established(result.aggregate()));
    }

    @Test
    void signingAnAgreementAddsItAndRaisesAgreementSigned() {
        Partnership partnership = essenKoriyama();
        UUID agreementId = UUID.randomUUID();

        var result = partnership.signAgreement(agreementId, agreement("Agreement on continued cooperation", LocalDate.of(2019, 9, 20)));

        assertThat(result.aggregate().agreements()).containsExactly(
                new Agreement(agreementId, "Agreement on continued cooperation", LocalDate.of(2019, 9, 20)));
        assertThat(result.events()).singleElement().isInstanceOf(PartnershipEvent.AgreementSigned.class);
        assertThat(partnership.agreements()).as("the original is unchanged").isEmpty();
    }

    @Test
    void anAgreementCannotPredateThePartnership() {
        assertThatThrownBy(() -> essenKoriyama().signAgreement(UUID.randomUUID(), agreement("Early", LocalDate.of(2019, 1, 1))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("signedOn"));
    }

    @Test
    void invalidInputNamesTheField() {
        assertField(() -> PartnerCity.of("Essen", "Germany", "Europe/Berlin"), "countryCode");
        assertField(() -> PartnerCity.of("Essen", "XX", "Europe/Berlin"), "countryCode");
        assertField(() -> PartnerCity.of("Essen", "DE", "CET+9"), "timeZone");
        assertField(() -> PartnerCity.of("Koriyama", "JP", "+09:00"), "timeZone");
        assertField(() -> PartnerCity.of(" ", "DE", "Europe/Berlin"), "name");
        assertField(() -> establish("Alone", ESSEN_KORIYAMA.subList(0, 1), List.of(),
                LocalDate.of(2019, 8, 27), ORGS), "cities");
        assertField(() -> establish("Twice",
                List.of(ESSEN_KORIYAMA.get(0), PartnerCity.of("essen", "DE", "Europe/Berlin")), List.of(),
                LocalDate.of(2019, 8, 27), ORGS), "cities[1]");
        assertField(() -> establish("Themes", ESSEN_KORIYAMA, List.of("education", "Renewable Energy"),
                LocalDate.of(2019, 8, 27), ORGS), "themes[1]");
        assertField(() -> establish("Orgs", ESSEN_KORIYAMA, List.of(),
                LocalDate.of(2019, 8, 27), List.of("City of Essen")), "partnerOrganisations[0]");
        assertField(() -> establish("x".repeat(201), ESSEN_KORIYAMA, List.of(),
                LocalDate.of(2019, 8, 27), ORGS), "name");
    }

    @Test
    void datesOutsideTheYears1900To2200AreRefused() {
        for (LocalDate date : List.of(LocalDate.of(1899, 12, 31), LocalDate.of(2201, 1, 1), LocalDate.of(10000, 1, 1),
                LocalDate.of(-1, 1, 1))) {
            assertField(() -> establish("Dated", ESSEN_KORIYAMA, List.of(), date, ORGS),
                    "establishedOn");
        }
        assertThat(establish("Early", ESSEN_KORIYAMA, List.of(), LocalDate.of(1900, 1, 1),
                ORGS).aggregate().establishedOn()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertField(() -> essenKoriyama().signAgreement(UUID.randomUUID(), agreement("Late", LocalDate.of(2201, 1, 1))), "signedOn");
    }

    @Test
    void namesWithInvisibleOrControlCharactersAreRefused() {
        for (String name : List.of("Essen\u0000", "Essen\u202E - Koriyama", "Essen\n- Koriyama", "Essen \uD800",
                "Essen\u2066x", "Essen\u0085")) {
            assertField(() -> establish(name, ESSEN_KORIYAMA, List.of(),
                    LocalDate.of(2019, 8, 27), ORGS), "name");
        }
        assertField(() -> establish("Slugs", ESSEN_KORIYAMA, List.of("x".repeat(65)),
                LocalDate.of(2019, 8, 27), ORGS), "themes[0]");
        assertField(() -> establish("Slugs", ESSEN_KORIYAMA, List.of(""),
                LocalDate.of(2019, 8, 27), ORGS), "themes[0]");
        assertThat(establish("郡山市 – Essen 🌱", ESSEN_KORIYAMA, List.of(),
                LocalDate.of(2019, 8, 27), ORGS).aggregate().name()).isEqualTo("郡山市 – Essen 🌱");
    }

    @Test
    void whatWasStoredBeforeTheInputRulesIsStillReadable() {
        // As the repository rebuilds it: a year 10000, a NUL in the name, a 100-character theme, all accepted once.
        Partnership legacy = new Partnership(UUID.randomUUID(), "Legacy\u0000", null, null, null,
                PartnershipStatus.ACTIVE, null, List.of(), ESSEN_KORIYAMA, List.of("x".repeat(100)),
                LocalDate.of(10000, 1, 1), List.of(), ORGS.stream().map(o -> new Member(o, null, List.of())).toList(),
                List.of());
        assertThat(legacy.establishedOn()).isEqualTo(LocalDate.of(10000, 1, 1));
        // New input is still held to the rules.
        assertField(() -> establish("Legacy\u0000", ESSEN_KORIYAMA, List.of(),
                LocalDate.of(2019, 8, 27), ORGS), "name");
    }

    static ResultWithEvents<Partnership, PartnershipEvent> establish(String name, List<PartnerCity> cities,
            List<String> themes, LocalDate establishedOn, List<String> organisations) {
        return Partnership.establish(UUID.randomUUID(), new Partnership.Proposal(name, null, null, null, null, null,
                null, null, cities, themes, establishedOn, null, organisations, null));
    }

    static Partnership.AgreementInput agreement(String title, LocalDate signedOn) {
        return new Partnership.AgreementInput(title, signedOn, null, null, null, null);
    }

    static Partnership essenKoriyama() {
        return establish("Essen - Koriyama", ESSEN_KORIYAMA, List.of("renewable-energy"),
                LocalDate.of(2019, 8, 27), ORGS).aggregate();
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
