package org.demarche.common.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.demarche.common.FieldError;
import org.demarche.common.ProblemException;

/** Collects every problem with a request body, so that one 422 response can name them all. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean has(String field) {
        return errors.stream()
                .anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + "."));
    }

    /** Answers 422 with all collected problems, in field order, if there are any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw ProblemException.invalid(errors);
        }
    }
}
