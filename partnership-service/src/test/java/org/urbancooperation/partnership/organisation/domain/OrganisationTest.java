package org.urbancooperation.partnership.organisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.urbancooperation.support.domain.Patched;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.ResultWithEvents;

class OrganisationTest {

    static final Map<String, String> EWG = Map.of("en", "Essen Economic Development Agency (EWG)");
    static final Contact.Input CONTACT = new Contact.Input("Desk of EWG", null, "info@example.org");

    static ResultWithEvents<Organisation, OrganisationEvent> ewg(String website, List<Contact.Input> contacts) {
        return Organisation.register("ewg", EWG, OrganisationKind.ECONOMIC_DEVELOPMENT_AGENCY, "essen",
                List.of("medical-devices"), website, contacts);
    }

    static OrganisationChanges keepAll() {
        return new OrganisationChanges(Patched.keep(), Patched.keep(), Patched.keep(), Patched.keep(), Patched.keep(),
                Patched.keep());
    }

    @Test
    void registeringRaisesOrganisationRegistered() {
        ResultWithEvents<Organisation, OrganisationEvent> registered = ewg(null, List.of(CONTACT));

        Organisation o = registered.aggregate();
        assertThat(o.kind()).isEqualTo(OrganisationKind.ECONOMIC_DEVELOPMENT_AGENCY);
        assertThat(o.homeCityId()).isEqualTo("essen");
        assertThat(o.contacts()).containsExactly(new Contact("Desk of EWG", null, "info@example.org"));
        assertThat(registered.events()).containsExactly(new OrganisationEvent.Registered(o));
    }

    @Test
    void eachFieldIsCheckedAndNamed() {
        assertRefused(() -> Organisation.register("City of Essen", EWG, OrganisationKind.CITY_GOVERNMENT, "essen",
                null, null, null), "id");
        assertRefused(() -> Organisation.register("ewg", null, OrganisationKind.COMPANY, "essen", null, null, null),
                "names");
        assertRefused(() -> Organisation.register("ewg", Map.of("de", "EWG"), OrganisationKind.COMPANY, "essen", null,
                null, null), "names.en");
        assertRefused(() -> Organisation.register("ewg", EWG, null, "essen", null, null, null), "kind");
        assertRefused(() -> Organisation.register("ewg", EWG, OrganisationKind.COMPANY, null, null, null, null),
                "homeCityId");
        assertRefused(() -> Organisation.register("ewg", EWG, OrganisationKind.COMPANY, "Essen", null, null, null),
                "homeCityId");
        assertRefused(() -> Organisation.register("ewg", EWG, OrganisationKind.COMPANY, "essen",
                List.of("Medical Devices"), null, null), "themes[0]");
        assertRefused(() -> Organisation.register("ewg", EWG, OrganisationKind.COMPANY, "essen",
                List.of("medical-devices", "medical-devices"), null, null), "themes[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.essen.de", "ftp://essen.de", "javascript:alert(1)", "https://", "https://user:pw@essen.de",
            "https://essen .de", "/relative", " https://www.essen.de", "mailto:info@essen.de"})
    void theWebsiteIsAnAbsoluteHttpUrl(String website) {
        assertRefused(() -> ewg(website, null), "website");
    }

    @Test
    void httpAndHttpsWebsitesAreFine() {
        assertThat(ewg("https://www.essen.de/wirtschaft", null).aggregate().website())
                .isEqualTo("https://www.essen.de/wirtschaft");
        assertThat(ewg("http://example.org", null).aggregate().website()).isEqualTo("http://example.org");
    }

    @Test
    void contactsNeedANameAndAnEmailAddress() {
        assertRefused(() -> ewg(null, List.of(CONTACT, new Contact.Input(null, null, "a@example.org"))),
                "contacts[1].name");
        assertRefused(() -> ewg(null, List.of(new Contact.Input("A", null, null))), "contacts[0].email");
        for (String email : List.of("no-at-sign", "a@b", "a@@example.org", "a b@example.org", "a@example..org",
                "a@-example.org", "a@example.org\n")) {
            assertRefused(() -> ewg(null, List.of(new Contact.Input("A", null, email))), "contacts[0].email");
        }
        assertRefused(() -> ewg(null, List.of(new Contact.Input("A", "\u0007", "a@example.org"))), "contacts[0].role");
        List<Contact.Input> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(CONTACT);
        }
        assertRefused(() -> ewg(null, many), "contacts");
    }

    @Test
    void changingPublicFieldsRaisesOrganisationChangedWithThoseFields() {
        Organisation o = ewg(null, List.of(CONTACT)).aggregate();
        Map<String, String> names = new HashMap<>();
        names.put("de", "Essener Wirtschaftsförderungsgesellschaft (EWG)");

        ResultWithEvents<Organisation, OrganisationEvent> changed = o.change(new OrganisationChanges(Patched.to(names),
                Patched.keep(), Patched.keep(), Patched.to(null), Patched.to("https://www.example.org"),
                Patched.keep()));

        assertThat(changed.aggregate().names().values()).containsOnlyKeys("en", "de");
        assertThat(changed.aggregate().themes()).isEmpty();
        assertThat(changed.aggregate().contacts()).hasSize(1);
        assertThat(changed.events()).containsExactly(new OrganisationEvent.Changed(changed.aggregate(),
                List.of("names", "themes", "website")));
    }

    @Test
    void changingContactsAloneIsStoredButPublishesNothing() {
        Organisation o = ewg(null, List.of(CONTACT)).aggregate();

        ResultWithEvents<Organisation, OrganisationEvent> changed = o.change(new OrganisationChanges(Patched.keep(),
                Patched.keep(), Patched.keep(), Patched.keep(), Patched.keep(), Patched.to(null)));

        assertThat(changed.aggregate().contacts()).isEmpty();
        assertThat(changed.aggregate()).isNotEqualTo(o);
        assertThat(changed.events()).isEmpty();
        assertThat(o.change(keepAll()).aggregate()).isEqualTo(o);
    }

    @Test
    void aMergePatchCannotRemoveWhatAnOrganisationNeeds() {
        Organisation o = ewg(null, null).aggregate();
        assertRefused(() -> o.change(new OrganisationChanges(Patched.to(null), Patched.keep(), Patched.keep(),
                Patched.keep(), Patched.keep(), Patched.keep())), "names");
        assertRefused(() -> o.change(new OrganisationChanges(Patched.keep(), Patched.to(null), Patched.keep(),
                Patched.keep(), Patched.keep(), Patched.keep())), "kind");
        assertRefused(() -> o.change(new OrganisationChanges(Patched.keep(), Patched.keep(), Patched.to(null),
                Patched.keep(), Patched.keep(), Patched.keep())), "homeCityId");
        assertRefused(() -> o.change(new OrganisationChanges(Patched.keep(), Patched.keep(), Patched.keep(),
                Patched.keep(), Patched.to("essen.de"), Patched.keep())), "website");
    }

    @Test
    void kindsParseByTheirExactName() {
        assertThat(OrganisationKind.parse("kind", "EMBASSY_OR_DELEGATION")).isEqualTo(OrganisationKind.EMBASSY_OR_DELEGATION);
        assertRefused(() -> OrganisationKind.parse("kind", "embassy"), "kind");
    }

    private static void assertRefused(Runnable command, String field) {
        try {
            command.run();
        } catch (InvalidValueException e) {
            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
            return;
        }
        throw new AssertionError("expected a refusal naming " + field);
    }
}
