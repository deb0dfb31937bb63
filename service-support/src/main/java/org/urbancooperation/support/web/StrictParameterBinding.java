package org.urbancooperation.support.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.urbancooperation.support.json.StrictValues;

/**
 * Query parameters, path variables and headers read as strictly as JSON bodies ({@code StrictJson}). Spring
 * falls back on lenient property editors whenever a conversion fails, and those read {@code 0x10} as 16,
 * {@code +1} as 1, trim {@code " <uuid>"} and {@code " TWINNING"}, and take {@code yes} or {@code 1} for true.
 * Editors of our own come first: a value in exactly its canonical form, or a 400 naming the parameter.
 */
@ControllerAdvice
public class StrictParameterBinding {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");
    private static final Pattern ENUM_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    @InitBinder
    void strict(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Strict(INTEGER, Integer::valueOf));
        binder.registerCustomEditor(int.class, new Strict(INTEGER, Integer::valueOf));
        binder.registerCustomEditor(Long.class, new Strict(INTEGER, Long::valueOf));
        binder.registerCustomEditor(long.class, new Strict(INTEGER, Long::valueOf));
        binder.registerCustomEditor(Boolean.class, new Strict(BOOLEAN, Boolean::valueOf));
        binder.registerCustomEditor(boolean.class, new Strict(BOOLEAN, Boolean::valueOf));
        binder.registerCustomEditor(UUID.class, new Strict(StrictValues.UUID_FORM, UUID::fromString));
        // For any enum: only the form is checked here (no spaces, no controls); Spring then looks the name up.
        binder.registerCustomEditor(Enum.class, new Strict(ENUM_NAME, text -> text));
    }

    /** Accepts text matching {@code form} exactly and turns it into its value; anything else is refused. */
    private static final class Strict extends PropertyEditorSupport {

        private final Pattern form;
        private final Function<String, Object> value;

        Strict(Pattern form, Function<String, Object> value) {
            this.form = form;
            this.value = value;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null); // absent: the parameter's default or "required" applies
                return;
            }
            if (!form.matcher(text).matches()) {
                throw new IllegalArgumentException("not in canonical form");
            }
            setValue(value.apply(text));
        }
    }
}
