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
import org.demarche.common.PartialDate;

/** The text is a real partial date: {@code 2024}, {@code 2024-11} or {@code 2024-11-20}. Null is valid. */
@Documented
@Constraint(validatedBy = PartialDateText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PartialDateText {

    String message() default PartialDate.FORMAT_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PartialDateText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PartialDate.parse(value).isPresent();
        }
    }
}
