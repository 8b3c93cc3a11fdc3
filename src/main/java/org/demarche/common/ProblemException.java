package org.demarche.common;

import java.util.List;

/** A client-caused failure, answered as a problem details response by {@code common.http.ProblemMappers}. */
public class ProblemException extends RuntimeException {

    public final ProblemType type;
    public final List<FieldError> errors;
    public final List<Problem.Reference> references;
    public final List<String> unknownParameters;
    public final List<String> acceptedParameters;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    private ProblemException(
            ProblemType type, String detail, List<FieldError> errors, List<Problem.Reference> references) {
        this(type, detail, errors, references, null, null);
    }

    private ProblemException(
            ProblemType type,
            String detail,
            List<FieldError> errors,
            List<Problem.Reference> references,
            List<String> unknownParameters,
            List<String> acceptedParameters) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.references = references;
        this.unknownParameters = unknownParameters;
        this.acceptedParameters = acceptedParameters;
    }

    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + resource + " has id " + id);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }

    /** A 400 naming the query parameters an endpoint does not take, and listing those it takes (sorted). */
    public static ProblemException unknownParameters(List<String> unknown, List<String> accepted) {
        String quoted =
                String.join(", ", unknown.stream().map(name -> "'" + name + "'").toList());
        String detail = (unknown.size() == 1 ? "Unknown query parameter " : "Unknown query parameters ")
                + quoted
                + (accepted.isEmpty()
                        ? "; this endpoint takes no query parameters"
                        : "; this endpoint takes: " + String.join(", ", accepted));
        return new ProblemException(
                ProblemType.BAD_REQUEST, detail, null, null, List.copyOf(unknown), List.copyOf(accepted));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** A 409 for a unique value another record holds, naming that record in references. */
    public static ProblemException taken(String detail, String resource, Object holder) {
        return new ProblemException(
                ProblemType.CONFLICT,
                detail,
                null,
                List.of(new Problem.Reference(resource, 1, List.of(holder.toString()))));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid";
        return new ProblemException(ProblemType.VALIDATION, detail, List.copyOf(errors), null);
    }

    public static ProblemException referenced(String resource, List<Problem.Reference> references) {
        String detail = "This " + resource + " is still referred to by "
                + String.join(
                        " and ",
                        references.stream()
                                .map(r -> r.count() + " " + r.type() + (r.count() == 1 ? "" : "s"))
                                .toList())
                + "; remove those references first";
        return new ProblemException(ProblemType.CONFLICT, detail, null, List.copyOf(references));
    }
}
