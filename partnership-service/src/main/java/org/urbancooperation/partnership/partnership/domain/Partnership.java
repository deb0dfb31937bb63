package org.urbancooperation.partnership.partnership.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Partnership {
        Require.present("id", id);
        name = Require.text("name", name, 200);
        cities = List.copyOf(Require.size("cities", cities, 2, MAX_CITIES));
        Set<String> distinct = new HashSet<>();
        for (PartnerCity city : cities) {
            if (!distinct.add(city.name().toLowerCase() + "/" + city.countryCode())) {
                throw new InvalidValueException("cities", city.name() + " is listed twice");
            }
        }
        themes = List.copyOf(Require.size("themes", themes, 0, 20));
        for (String theme : themes) {
            if (theme == null || !SLUG.matcher(theme).matches()) {
                throw new InvalidValueException("themes", "themes are lower-case slugs such as renewable-energy");
            }
        }
        Require.present("establishedOn", establishedOn);
        agreements = List.copyOf(agreements);
        partnerOrganisations = List.copyOf(Require.size("partnerOrganisations",
                partnerOrganisations == null ? List.<String>of() : partnerOrganisations, 0, 20));
        for (String organisation : partnerOrganisations) {
            if (organisation == null || !SLUG.matcher(organisation).matches()) {
                throw new InvalidValueException("partnerOrganisations",
                        "organisations are named by slugs such as city-of-essen");
            }
        }
    }

    public static ResultWithEvents<Partnership, PartnershipEvent> establish(UUID id, String name,
            List<PartnerCity> cities, List<String> themes, LocalDate establishedOn, List<String> partnerOrganisations) {
        Partnership partnership = new Partnership(id, name, cities, themes == null ? List.of() : themes,
                establishedOn, List.of(), partnerOrganisations);
        return ResultWithEvents.of(partnership, new PartnershipEvent.Established(partnership));
    }

    public ResultWithEvents<Partnership, PartnershipEvent> signAgreement(UUID agreementId, String title,
            LocalDate signedOn) {
        String checkedTitle = Require.text("title", title, 200);
        Require.present("signedOn", signedOn);
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
}
