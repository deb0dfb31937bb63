package org.urbancooperation.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.domain.InvalidValueException;

class CursorsTest {

    @Test
    void aCursorNamesTheKeyItWasMadeFor() {
        String cursor = Cursors.after("city-of-essen");
        assertThat(cursor).doesNotContain("city-of-essen");
        assertThat(PageRequest.of(cursor, 10)).isEqualTo(new PageRequest("city-of-essen", 10));
        assertThat(PageRequest.of(Cursors.after("郡山市"), null).after()).isEqualTo("郡山市");
        assertThat(PageRequest.of(null, null)).isEqualTo(PageRequest.first(PageRequest.DEFAULT_LIMIT));
    }

    @Test
    void everyChangedCutOrMadeUpCursorIs400NamingCursor() {
        String cursor = Cursors.after("0b7c1f7e-6a0e-4f55-8f0a-5f9f2f3c9a11");
        String[] parts = cursor.split("\\.");
        String otherKey = Cursors.after("0b7c1f7e-6a0e-4f55-8f0a-5f9f2f3c9a12").split("\\.")[1];
        for (String bad : new String[] { "", "abc", cursor + "x", cursor.substring(0, cursor.length() - 1),
                parts[0] + "." + otherKey + "." + parts[2], "c2." + parts[1] + "." + parts[2], cursor + ".x",
                parts[0] + "." + parts[1] + ".", "c1.%%%." + parts[2], "c1." + "A".repeat(600) + "." + parts[2] }) {
            assertThatThrownBy(() -> PageRequest.of(bad, 10)).as(bad).isInstanceOfSatisfying(InvalidValueException.class,
                    e -> assertThat(e.field()).isEqualTo("cursor"));
        }
        // Every single character changed, one at a time.
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            String changed = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
            assertThatThrownBy(() -> PageRequest.of(changed, 10)).as(changed).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void theLimitIsBetween1And200() {
        for (int bad : new int[] { 0, -1, 201 }) {
            assertThatThrownBy(() -> PageRequest.of(null, bad)).isInstanceOfSatisfying(InvalidValueException.class,
                    e -> assertThat(e.field()).isEqualTo("limit"));
        }
        assertThat(PageRequest.of(null, 200).limit()).isEqualTo(200);
    }
}
