package org.urbancooperation.partnership.partnership.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * A long-running cooperation between cities, such as Essen and Koriyama on renewable energy,
 * the medical device industry and education. Immutable: each command returns the new state and
 * the events it raised.
 */
public record Partnership(
        UUID id,
        String name,
        List<PartnerCity> cities,
        List<String> themes,
        LocalDate establishedOn,
        List<Agreement> agreements,
        List<String> partnerOrganisations) {

    public static final int MAX_CITIES = 10;

    public Partnership {
        Require.present("id", id);
        name = Require.text("name", name, 200);
        cities = List.copyOf(Require.each("cities", Require.size("cities", cities, 2, MAX_CITIES), (path, city) -> city));
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < cities.size(); i++) {
            PartnerCity city = cities.get(i);
            if (!distinct.add(city.name().toLowerCase(Locale.ROOT) + "/" + city.countryCode())) {
                throw new InvalidValueException("cities[" + i + "]", city.name() + " is listed twice");
            }
        }
        themes = List.copyOf(Require.each("themes", Require.size("themes", themes, 0, 20), Require::slugShape));
        Require.present("establishedOn", establishedOn);
        agreements = List.copyOf(agreements);
        partnerOrganisations = List.copyOf(Require.each("partnerOrganisations", Require.size("partnerOrganisations",
                partnerOrganisations == null ? List.<String>of() : partnerOrganisations, 0, 20),
                Require::slugShape));
    }

    /** The rules for a new partnership (beyond the invariants the constructor keeps for stored ones too). */
    public static ResultWithEvents<Partnership, PartnershipEvent> establish(UUID id, String name,
            List<PartnerCity> cities, List<String> themes, LocalDate establishedOn, List<String> partnerOrganisations) {
        Require.visibleText("name", name, 200);
        List<String> checkedThemes = distinctSlugs("themes", themes == null ? List.of() : themes, "renewable-energy");
        List<String> checkedOrganisations = distinctSlugs("partnerOrganisations",
                partnerOrganisations == null ? List.of() : partnerOrganisations, "city-of-essen");
        Require.date("establishedOn", establishedOn);
        Partnership partnership = new Partnership(id, name, cities, checkedThemes, establishedOn, List.of(),
                checkedOrganisations);
        return ResultWithEvents.of(partnership, new PartnershipEvent.Established(partnership));
    }

    public ResultWithEvents<Partnership, PartnershipEvent> signAgreement(UUID agreementId, String title,
            LocalDate signedOn) {
        String checkedTitle = Require.visibleText("title", title, 200);
        Require.date("signedOn", signedOn);
        if (signedOn.isBefore(establishedOn)) {
            throw new InvalidValueException("signedOn", "an agreement cannot be signed before the partnership began ("
                    + establishedOn + ")");
        }
        Agreement agreement = new Agreement(agreementId, checkedTitle, signedOn);
        List<Agreement> signed = new ArrayList<>(agreements);
        signed.add(agreement);
        Partnership changed = new Partnership(id, name, cities, themes, establishedOn, signed, partnerOrganisations);
        return ResultWithEvents.of(changed, new PartnershipEvent.AgreementSigned(changed, agreement));
    }

    private static List<String> distinctSlugs(String field, List<String> slugs, String example) {
        List<String> checked = Require.each(field, Require.size(field, slugs, 0, 20),
                (path, slug) -> Require.slug(path, slug, example));
        for (int i = 0; i < checked.size(); i++) {
            if (checked.indexOf(checked.get(i)) < i) {
                throw new InvalidValueException(field + "[" + i + "]", checked.get(i) + " is listed twice");
            }
        }
        return checked;
    }
}
