package org.demarche.common.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.regex.Pattern;
import org.demarche.common.ProblemException;

/** Runs Bean Validation on a request body and turns each violation into a field problem. */
@ApplicationScoped
public class RequestValidator {

    private static final Pattern CONTAINER_ELEMENT = Pattern.compile("\\.?<[^>]+>");

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** The problems Bean Validation finds; the caller adds the rules that need the database. */
    public Violations check(Object request) {
        if (request == null) {
            throw ProblemException.badRequest("Request body is required");
        }
        Violations violations = new Violations();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            violations.add(fieldPath(violation), violation.getMessage());
        }
        return violations;
    }

    /** {@code aliases[0].<list element>} becomes {@code aliases[0]}: the client's view of the field. */
    private static String fieldPath(ConstraintViolation<Object> violation) {
        return CONTAINER_ELEMENT.matcher(violation.getPropertyPath().toString()).replaceAll("");
    }
}
