package org.urbancooperation.partnership.programme.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;

class ProgrammeTest {

    static final List<Programme.NetworkInput> NETWORKS = List.of(
            new Programme.NetworkInput("climate-energy-water-air",
                    Map.of("en", "Climate Action, Energy, Water & Air Quality")),
            new Programme.NetworkInput("smart-cities", Map.of("en", "Smart Cities & Digital Transition")));

    static Programme.Details details(List<Programme.NetworkInput> networks) {
        return new Programme.Details(Map.of("en", "International Urban and Regional Cooperation"), null, null, null,
                "iuc-asia", networks);
    }

    @Test
    void registeringRaisesRegistered() {
        var registered = Programme.register("iurc", details(NETWORKS));
        Programme iurc = registered.aggregate();
        assertThat(iurc.names().english()).isEqualTo("International Urban and Regional Cooperation");
        assertThat(iurc.continues()).isEqualTo("iuc-asia");
        assertThat(iurc.networkIds()).containsExactlyInAnyOrder("climate-energy-water-air", "smart-cities");
        assertThat(iurc.network("smart-cities")).isPresent();
        assertThat(registered.events()).containsExactly(new ProgrammeEvent.Registered(iurc));
    }

    @Test
    void invalidInputNamesTheField() {
        assertField(() -> Programme.register("IURC", details(NETWORKS)), "id");
        assertField(() -> Programme.register("iurc", new Programme.Details(null, null, null, null, null, null)),
                "names");
        assertField(() -> Programme.register("iurc", new Programme.Details(Map.of("ja", "x"), null, null, null, null,
                null)), "names.en");
        assertField(() -> Programme.register("iurc", details(NETWORKS).withFunder(" ")), "funder");
        assertField(() -> Programme.register("iurc", new Programme.Details(Map.of("en", "x"), null,
                List.of("China", ""), null, null, null)), "regions[1]");
        assertField(() -> Programme.register("iurc", new Programme.Details(Map.of("en", "x"), null, null,
                new Programme.Period(LocalDate.of(2021, 1, 1), LocalDate.of(2020, 12, 31)), null, null)), "period.to");
        assertField(() -> Programme.register("iurc", new Programme.Details(Map.of("en", "x"), null, null,
                new Programme.Period(LocalDate.of(1899, 1, 1), null), null, null)), "period.from");
        assertField(() -> Programme.register("iurc", new Programme.Details(Map.of("en", "x"), null, null, null,
                "iurc", null)), "continues");
        assertField(() -> Programme.register("iurc", details(List.of(new Programme.NetworkInput("Smart", Map.of(
                "en", "x"))))), "networks[0].id");
        assertField(() -> Programme.register("iurc", details(List.of(new Programme.NetworkInput("smart",
                Map.of("de", "x"))))), "networks[0].names.en");
        assertField(() -> Programme.register("iurc", details(List.of(NETWORKS.get(0), NETWORKS.get(0)))),
                "networks[1].id");
    }

    @Test
    void aChangeNamesWhatChanged() {
        Programme iucAsia = Programme.register("iuc-asia", new Programme.Details(
                Map.of("en", "International Urban Cooperation Asia"), null, null, null, null, null)).aggregate();
        var changed = iucAsia.change(new Programme.Details(null, null, List.of("China", "India", "Japan"), null, null,
                NETWORKS));
        assertThat(changed.aggregate().regions()).containsExactly("China", "India", "Japan");
        assertThat(changed.events()).containsExactly(new ProgrammeEvent.Changed(changed.aggregate(),
                List.of("regions", "networks")));
        assertThat(changed.aggregate().change(new Programme.Details(null, null, List.of("China", "India", "Japan"),
                null, null, null)).events()).isEmpty();
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
