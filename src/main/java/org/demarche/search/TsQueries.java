package org.demarche.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link SearchQuery} as PostgreSQL {@code tsquery} text for {@code to_tsquery('demarche', ...)},
 * which stems and folds each quoted word the way the index did. Words hold only letters, digits and
 * marks, and are quoted besides, so the text cannot carry operators of its own.
 */
public final class TsQueries {

    private TsQueries() {
    }

    public static String of(SearchQuery query) {
        String required = query.required().stream()
                .map(group -> group.stream().map(TsQueries::clause).collect(Collectors.joining(" | ", "(", ")")))
                .collect(Collectors.joining(" & "));
        String excluded = query.excluded().stream().map(clause -> " & !" + clause(clause)).collect(Collectors.joining());
        return required + excluded;
    }

    private static String clause(SearchQuery.Clause clause) {
        List<String> words = clause.words().stream().map(TsQueries::quote).toList();
        if (clause.prefix()) {
            return words.get(0) + ":*";
        }
        return words.size() == 1 ? words.get(0) : words.stream().collect(Collectors.joining(" <-> ", "(", ")"));
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'";
    }
}
