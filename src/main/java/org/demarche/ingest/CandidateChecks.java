package org.demarche.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.demarche.common.FieldError;
import org.demarche.common.ProblemException;
import org.demarche.common.validation.RequestValidator;
import org.demarche.common.validation.Violations;
import org.demarche.official.Official;

/**
 * What a commit checks before it writes: the article names its source, chosen candidates are the
 * article's words with a speaker that can be stored, and found candidates that cannot be stored are
 * told apart, with the reason, so that they are skipped.
 */
@ApplicationScoped
public class CandidateChecks {

    private final RequestValidator validator;

    CandidateChecks(RequestValidator validator) {
        this.validator = validator;
    }

    static void requireForCommit(ArticleRequest article, Violations violations) {
        if (article.url() == null) {
            violations.add("url", "is needed to commit: it identifies the source");
        }
        if (article.outlet() == null || article.outlet().isBlank()) {
            violations.add("outlet", "is needed to commit: the source records it");
        }
        if (article.publishedAt() == null) {
            violations.add("publishedAt", "is needed to commit: it dates the statements");
        }
    }

    /** A chosen candidate's words must be the article's, and its speaker someone who can be stored. */
    static void checkChosen(String text, Candidate candidate, String field, List<FieldError> errors) {
        if (candidate == null
                || candidate.parts() == null
                || candidate.parts().contains(null)
                || candidate.text() == null
                || candidate.speaker() == null) {
            return;
        }
        boolean inside = candidate.parts().stream()
                .allMatch(p -> p.start() >= 0 && p.start() < p.end() && p.end() <= text.length());
        if (!inside) {
            errors.add(new FieldError(field + ".parts", "must lie within the article's text"));
        } else if (!candidate.parts().stream()
                .map(p -> p.of(text))
                .collect(Collectors.joining(" "))
                .equals(candidate.text())) {
            errors.add(new FieldError(field + ".text", "must be the article's words at parts, joined by a space"));
        }
        String unstorable = unstorable(candidate.speaker());
        if (unstorable != null) {
            errors.add(new FieldError(field + ".speaker", unstorable));
        } else if (candidate.speaker().officialId() != null
                && Official.findByIdOptional(candidate.speaker().officialId()).isEmpty()) {
            errors.add(new FieldError(field + ".speaker.officialId", "names no stored official"));
        }
    }

    /** Why a candidate's speaker cannot be stored, or null when it can. */
    public static String unstorable(CandidateSpeaker speaker) {
        if (speaker.officialId() != null) {
            return null;
        }
        if (speaker.proposed() == null) {
            return speaker.organization()
                    ? "is an institution, not an official: give an officialId"
                    : "is not known: give an officialId or a proposed official";
        }
        return speaker.proposed().country() == null
                ? "needs a country to be created: give proposed.country or an officialId"
                : null;
    }

    /** Why a candidate the rules found cannot be stored as it is (too long, a speaker's name too long), or null. */
    String unstorableFound(Candidate candidate) {
        String speaker = unstorable(candidate.speaker());
        if (speaker != null) {
            return "speaker " + speaker;
        }
        List<FieldError> problems = new ArrayList<>();
        collect(() -> validator.check(candidate).throwIfAny(), "", problems);
        return problems.isEmpty()
                ? null
                : problems.get(0).field() + " " + problems.get(0).message();
    }

    /** Runs a check; its problems are added under the field, and the answer says whether there were none. */
    public static boolean collect(Runnable check, String field, List<FieldError> errors) {
        try {
            check.run();
            return true;
        } catch (ProblemException problem) {
            String prefix = field.isEmpty() ? "" : field + ".";
            if (problem.errors == null || problem.errors.isEmpty()) {
                errors.add(new FieldError(field, problem.getMessage()));
            } else {
                problem.errors.forEach(error -> errors.add(new FieldError(prefix + error.field(), error.message())));
            }
            return false;
        }
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw ProblemException.invalid(errors);
        }
    }
}
