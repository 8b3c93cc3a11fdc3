package org.demarche.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link SearchQuery} as the JSON that PostgreSQL's {@code demarche_tsquery} turns into a {@code tsquery}
 * (see the postgresql migrations): each clause is {@code tsquery} text of its own, words and phrases for the
 * {@code demarche} configuration, which stems and folds each quoted word the way the index did and looks
 * only at the analysed terms ({@code :D}), prefixes for {@code demarche_words}, which keeps every word as
 * written ({@code :*A}), stop words too. Words hold only letters, digits and marks, and are quoted besides,
 * so the text cannot carry operators of its own.
 */
public final class TsQueries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TsQueries() {
    }

    public static String of(SearchQuery query) {
        ObjectNode spec = NODES.objectNode();
        ArrayNode all = spec.putArray("all");
        query.required().forEach(group -> {
            ArrayNode alternatives = all.addArray();
            group.forEach(clause -> alternatives.add(clause(clause)));
        });
        ArrayNode excluded = spec.putArray("not");
        query.excluded().forEach(clause -> excluded.add(clause(clause)));
        return spec.toString();
    }

    private static ObjectNode clause(SearchQuery.Clause clause) {
        if (clause.prefix()) {
            return NODES.objectNode().put("prefix", quote(clause.words().get(0)) + ":*A");
        }
        List<String> words = clause.words().stream().map(word -> quote(word) + ":D").toList();
        return NODES.objectNode().put("words",
                words.size() == 1 ? words.get(0) : words.stream().collect(Collectors.joining(" <-> ", "(", ")")));
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'";
    }
}
