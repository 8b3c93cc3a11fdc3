package org.demarche.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** The text is a well-formed BCP 47 language tag ({@code en}, {@code ru}, {@code pt-BR}). Null is valid. */
@Documented
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as en, ru or pt-BR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {
        private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                // The JDK's builder implements the BCP 47 grammar and rejects ill-formed tags.
                String language =
                        new Locale.Builder().setLanguageTag(value).build().getLanguage();
                // Two-letter languages must be ISO 639-1 codes; three letters are ISO 639-2/3, which the
                // JDK does not list. Longer language subtags are reserved or unregistered.
                return language.length() == 2 ? ISO_639_1.contains(language) : language.length() == 3;
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
