package org.urbancooperation.support.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalizedTextTest {

    @Test
    void holdsATextPerLanguageEnglishFirst() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("ja", "郡山市");
        request.put("de", "Koriyama");
        request.put("en", " Koriyama ");

        LocalizedText names = LocalizedText.of("names", request, true, 100);

        assertThat(names.values().keySet()).containsExactly("en", "de", "ja");
        assertThat(names.english()).isEqualTo("Koriyama");
        assertThat(names.in("ja")).contains("郡山市");
        assertThat(names.in("fr")).isEmpty();
        assertThat(names).isEqualTo(LocalizedText.of("names", Map.of("en", "Koriyama", "ja", "郡山市", "de", "Koriyama"),
                true, 100));
    }

    @Test
    void englishIsRequiredOnlyWhereTheCallerSaysSo() {
        assertThatThrownBy(() -> LocalizedText.of("names", Map.of("ja", "郡山市"), true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names.en"));

        LocalizedText description = LocalizedText.of("description", Map.of("ja", "脱炭素先行地域"), false, 500);
        assertThat(description.english()).isEqualTo("脱炭素先行地域");
        assertThat(description.in("en")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EN", "english", "ja_JP", "und", "en-", "x", "", "de-de", "abcdefghijklmnopqrstuvwxyzabcdefghijklmn"})
    void refusesWhatIsNotACanonicalLanguageTag(String tag) {
        Map<String, String> values = new HashMap<>();
        values.put("en", "Essen");
        values.put(tag, "Essen");

        assertThatThrownBy(() -> LocalizedText.of("names", values, true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).startsWith("names").doesNotContain(" "));
    }

    @Test
    void acceptsTagsWithRegions() {
        assertThat(LocalizedText.of("names", Map.of("en", "Essen", "de-DE", "Essen", "pt-BR", "Essen"), true, 100)
                .values()).containsKeys("de-DE", "pt-BR");
    }

    @Test
    void namesTheEntryWhoseTextIsRefused() {
        assertThatThrownBy(() -> LocalizedText.of("names", Map.of("en", "Essen", "ja", " "), true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names.ja"));
        assertThatThrownBy(() -> LocalizedText.of("names", Map.of("en", "Es\u202Esen"), true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names.en"));
        assertThatThrownBy(() -> LocalizedText.of("names", Map.of("en", "Essen\nRuhr"), true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names.en"));
        assertThatThrownBy(() -> LocalizedText.of("names", Map.of("en", "x".repeat(101)), true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names.en"));
        Map<String, String> nullText = new HashMap<>();
        nullText.put("en", null);
        assertThatThrownBy(() -> LocalizedText.of("names", nullText, true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names.en"));
    }

    @Test
    void refusesNoneOrTooManyLanguages() {
        assertThatThrownBy(() -> LocalizedText.of("names", null, true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names"));
        assertThatThrownBy(() -> LocalizedText.of("names", Map.of(), false, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names"));
        Map<String, String> many = new HashMap<>();
        for (String tag : new String[] {"en", "de", "ja", "fr", "it", "es", "nl", "pl", "ko", "zh", "pt"}) {
            many.put(tag, "Essen");
        }
        assertThatThrownBy(() -> LocalizedText.of("names", many, true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names"));
    }

    @Test
    void aKeyThatIsNoTagIsNotEchoedIntoTheFieldPath() {
        Map<String, String> values = new HashMap<>();
        values.put("en", "Essen");
        values.put("de\"}<script>", "Essen");

        assertThatThrownBy(() -> LocalizedText.of("names", values, true, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("names"));
    }

    @Test
    void storedStateNeedsAtLeastOneNonBlankText() {
        assertThatThrownBy(() -> new LocalizedText(Map.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new LocalizedText(Map.of("en", " "))).isInstanceOf(InvalidValueException.class);
        assertThat(new LocalizedText(Map.of("ja", "郡山市", "en", "Koriyama")).values().keySet())
                .containsExactly("en", "ja");
    }
}
