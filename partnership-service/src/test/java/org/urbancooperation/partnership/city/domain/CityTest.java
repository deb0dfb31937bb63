package org.urbancooperation.partnership.city.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class CityTest {

    static final Map<String, String> KORIYAMA = Map.of("en", "Koriyama", "ja", "郡山市");

    static ResultWithEvents<City, CityEvent> koriyama(List<ClimateCommitment.Input> commitments) {
        return City.register("koriyama", KORIYAMA, "JP", "Fukushima Prefecture", "Asia/Tokyo", commitments);
    }

    static ClimateCommitment.Input commitment(ClimateCommitmentKind kind, Integer madeIn, Integer targetYear) {
        return new ClimateCommitment.Input(kind, madeIn, targetYear, null);
    }

    static CityChanges keepAll() {
        return new CityChanges(Patched.keep(), Patched.keep(), Patched.keep(), Patched.keep(), Patched.keep());
    }

    @Test
    void registeringACityRaisesCityRegistered() {
        ResultWithEvents<City, CityEvent> registered = koriyama(null);

        City city = registered.aggregate();
        assertThat(city.id()).isEqualTo("koriyama");
        assertThat(city.names().in("ja")).contains("郡山市");
        assertThat(city.timeZone().getId()).isEqualTo("Asia/Tokyo");
        assertThat(city.region()).isEqualTo("Fukushima Prefecture");
        assertThat(city.climateCommitments()).isEmpty();
        assertThat(registered.events()).containsExactly(new CityEvent.Registered(city));
    }

    @Test
    void aCommitmentHasAKindAYearMadeAndOptionallyATargetAndADescription() {
        City city = koriyama(List.of(
                new ClimateCommitment.Input(ClimateCommitmentKind.NET_ZERO_TARGET, 2021, 2050,
                        Map.of("ja", "ゼロカーボン"))))
                .aggregate();

        ClimateCommitment c = city.climateCommitments().get(0);
        assertThat(c.kind()).isEqualTo(ClimateCommitmentKind.NET_ZERO_TARGET);
        assertThat(c.madeIn()).isEqualTo(2021);
        assertThat(c.targetYear()).isEqualTo(2050);
        assertThat(c.description().in("ja")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Koriyama", "kori yama", "-koriyama", "koriyama-", "", "kōriyama"})
    void theIdIsASlug(String id) {
        assertRefused(() -> City.register(id, KORIYAMA, "JP", null, "Asia/Tokyo", null), "id");
    }

    @Test
    void eachFieldIsCheckedAndNamed() {
        assertRefused(() -> City.register(null, KORIYAMA, "JP", null, "Asia/Tokyo", null), "id");
        assertRefused(() -> City.register("koriyama", null, "JP", null, "Asia/Tokyo", null), "names");
        assertRefused(() -> City.register("koriyama", Map.of("ja", "郡山市"), "JP", null, "Asia/Tokyo", null),
                "names.en");
        assertRefused(() -> City.register("koriyama", Map.of("en", "Koriyama", "JA", "郡山市"), "JP", null,
                "Asia/Tokyo", null), "names.JA");
        assertRefused(() -> City.register("koriyama", KORIYAMA, null, null, "Asia/Tokyo", null), "countryCode");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "jp", null, "Asia/Tokyo", null), "countryCode");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "XX", null, "Asia/Tokyo", null), "countryCode");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "JPN", null, "Asia/Tokyo", null), "countryCode");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "JP", " ", "Asia/Tokyo", null), "region");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "JP", "Fukushima\u202E", "Asia/Tokyo", null),
                "region");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "JP", "x".repeat(101), "Asia/Tokyo", null), "region");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "JP", null, null, null), "timeZone");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "JP", null, "JST", null), "timeZone");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "JP", null, "+09:00", null), "timeZone");
        assertRefused(() -> City.register("koriyama", KORIYAMA, "JP", null, "UTC+9", null), "timeZone");
    }

    @Test
    void commitmentYearsAreBetween1900And2200() {
        assertRefused(() -> koriyama(List.of(commitment(ClimateCommitmentKind.OTHER, 1899, null))),
                "climateCommitments[0].madeIn");
        assertRefused(() -> koriyama(List.of(commitment(ClimateCommitmentKind.OTHER, 2201, null))),
                "climateCommitments[0].madeIn");
        assertRefused(() -> koriyama(List.of(commitment(ClimateCommitmentKind.OTHER, 2021, 2201))),
                "climateCommitments[0].targetYear");
        assertRefused(() -> koriyama(List.of(commitment(ClimateCommitmentKind.OTHER, null, 2050))),
                "climateCommitments[0].madeIn");
        assertRefused(() -> koriyama(List.of(commitment(null, 2021, 2050))), "climateCommitments[0].kind");
        assertThat(koriyama(List.of(commitment(ClimateCommitmentKind.OTHER, 1900, 2200))).aggregate()
                .climateCommitments()).hasSize(1);
    }

    @Test
    void aTargetIsNotBeforeTheCommitmentWasMadeAndBothAreNamed() {
        InvalidValueException refused = refusal(() -> koriyama(List.of(
                commitment(ClimateCommitmentKind.NET_ZERO_TARGET, 2021, 2050),
                commitment(ClimateCommitmentKind.NET_ZERO_TARGET, 2022, 2020))));
        assertThat(refused.fields()).containsExactly("climateCommitments[1].targetYear",
                "climateCommitments[1].madeIn");
        assertThat(koriyama(List.of(commitment(ClimateCommitmentKind.NET_ZERO_TARGET, 2022, 2022))).aggregate()
                .climateCommitments()).hasSize(1);
    }

    @Test
    void theSameKindMadeInTheSameYearIsListedOnce() {
        assertRefused(() -> koriyama(List.of(
                commitment(ClimateCommitmentKind.NET_ZERO_TARGET, 2021, 2050),
                commitment(ClimateCommitmentKind.DECARBONIZATION_LEADING_AREA, 2022, null),
                commitment(ClimateCommitmentKind.NET_ZERO_TARGET, 2021, 2040))), "climateCommitments[2]");
        // The same kind in another year (a target raised later) is a commitment of its own.
        assertThat(koriyama(List.of(
                commitment(ClimateCommitmentKind.NET_ZERO_TARGET, 2021, 2050),
                commitment(ClimateCommitmentKind.NET_ZERO_TARGET, 2023, 2045))).aggregate().climateCommitments())
                .hasSize(2);
    }

    @Test
    void atMostTwentyCommitmentsAndNoNullOne() {
        List<ClimateCommitment.Input> many = new ArrayList<>();
        for (int year = 2000; year <= 2020; year++) {
            many.add(commitment(ClimateCommitmentKind.OTHER, year, null));
        }
        assertRefused(() -> koriyama(many), "climateCommitments");
        List<ClimateCommitment.Input> withNull = new ArrayList<>();
        withNull.add(null);
        assertRefused(() -> koriyama(withNull), "climateCommitments[0]");
        assertRefused(() -> koriyama(List.of(new ClimateCommitment.Input(ClimateCommitmentKind.OTHER, 2021, null,
                Map.of("en", "")))), "climateCommitments[0].description.en");
    }

    @Test
    void aMergePatchMergesNamesByLanguage() {
        City city = koriyama(null).aggregate();
        Map<String, String> names = new HashMap<>();
        names.put("de", "Koriyama");
        names.put("ja", null);

        ResultWithEvents<City, CityEvent> changed = city.change(new CityChanges(Patched.to(names), Patched.keep(),
                Patched.keep(), Patched.keep(), Patched.keep()));

        assertThat(changed.aggregate().names().values()).containsOnlyKeys("en", "de");
        assertThat(changed.events()).containsExactly(new CityEvent.Changed(changed.aggregate(), List.of("names")));
        assertThat(changed.aggregate().region()).isEqualTo("Fukushima Prefecture");
    }

    @Test
    void aMergePatchRemovesTheRegionAndReplacesTheCommitments() {
        City city = koriyama(List.of(commitment(ClimateCommitmentKind.NET_ZERO_TARGET, 2021, 2050))).aggregate();

        ResultWithEvents<City, CityEvent> changed = city.change(new CityChanges(Patched.keep(), Patched.keep(),
                Patched.to(null), Patched.keep(),
                Patched.to(List.of(commitment(ClimateCommitmentKind.DECARBONIZATION_LEADING_AREA, 2022, null)))));

        assertThat(changed.aggregate().region()).isNull();
        assertThat(changed.aggregate().climateCommitments()).extracting(ClimateCommitment::kind)
                .containsExactly(ClimateCommitmentKind.DECARBONIZATION_LEADING_AREA);
        assertThat(((CityEvent.Changed) changed.events().get(0)).changedFields())
                .containsExactly("region", "climateCommitments");
        assertThat(city.change(new CityChanges(Patched.keep(), Patched.keep(), Patched.keep(), Patched.keep(),
                Patched.to(null))).aggregate().climateCommitments()).isEmpty();
    }

    @Test
    void aMergePatchCannotRemoveWhatACityNeeds() {
        City city = koriyama(null).aggregate();
        Map<String, String> withoutEnglish = new HashMap<>();
        withoutEnglish.put("en", null);

        assertRefused(() -> city.change(new CityChanges(Patched.to(null), Patched.keep(), Patched.keep(),
                Patched.keep(), Patched.keep())), "names");
        assertRefused(() -> city.change(new CityChanges(Patched.to(withoutEnglish), Patched.keep(), Patched.keep(),
                Patched.keep(), Patched.keep())), "names.en");
        assertRefused(() -> city.change(new CityChanges(Patched.keep(), Patched.to(null), Patched.keep(),
                Patched.keep(), Patched.keep())), "countryCode");
        assertRefused(() -> city.change(new CityChanges(Patched.keep(), Patched.keep(), Patched.keep(),
                Patched.to(null), Patched.keep())), "timeZone");
        assertRefused(() -> city.change(new CityChanges(Patched.keep(), Patched.keep(), Patched.keep(),
                Patched.to("+09:00"), Patched.keep())), "timeZone");
        assertRefused(() -> city.change(new CityChanges(Patched.keep(), Patched.to("Japan"), Patched.keep(),
                Patched.keep(), Patched.keep())), "countryCode");
    }

    @Test
    void aPatchThatChangesNothingRaisesNothing() {
        City city = koriyama(null).aggregate();

        assertThat(city.change(keepAll()).events()).isEmpty();
        assertThat(city.change(new CityChanges(Patched.to(Map.of("ja", "郡山市")), Patched.to("JP"),
                Patched.to("Fukushima Prefecture"), Patched.to("Asia/Tokyo"), Patched.to(List.of()))).events())
                .isEmpty();
    }

    private static void assertRefused(Runnable command, String field) {
        assertThat(refusal(command).field()).isEqualTo(field);
    }

    private static InvalidValueException refusal(Runnable command) {
        try {
            command.run();
        } catch (InvalidValueException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void storedStateKeepsItsInvariants() {
        assertThatThrownBy(() -> new City("Koriyama", koriyama(null).aggregate().names(), "JP", null,
                java.time.ZoneId.of("Asia/Tokyo"), List.of())).isInstanceOf(InvalidValueException.class);
    }
}
