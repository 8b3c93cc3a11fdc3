package org.demarche.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.statement.QuoteType;

/**
 * The rules articles are read with, for texts that are not articles: who a text names, and the quotes and
 * reported speech in it with their speakers, before any speaker is looked up among the stored officials.
 */
public final class ArticleRules {

    /** A person or institution as a text names it at its fullest, with the title and country it gives. */
    public record Named(String name, String title, String country, boolean organization) {}

    /** A quote or reported speech, with its speaker (null when nobody is named) and how they are referred to. */
    public record Found(List<Span> parts, QuoteType quoteType, Named speaker, String mention, double confidence) {}

    private ArticleRules() {}

    /** Everyone the text names, in the order first named. */
    public static List<Named> people(String text) {
        Map<Person, Boolean> named = new LinkedHashMap<>();
        for (Mention mention : Mentions.in(new Article(text))) {
            if (mention.kind() == Mention.Kind.name && mention.person() != null) {
                named.putIfAbsent(mention.person(), true);
            }
        }
        // A person's name and title are the fullest the whole text gives, so they are read after every mention.
        return named.keySet().stream().map(ArticleRules::named).toList();
    }

    public static List<Found> statements(String text) {
        return Extraction.of(text).stream()
                .map(found -> new Found(
                        found.parts(),
                        found.quoteType(),
                        found.speaker() == null ? null : named(found.speaker().person()),
                        found.speaker() == null ? null : found.speaker().span().of(text),
                        found.confidence()))
                .toList();
    }

    /** The text's sentences, paragraph by paragraph; a quotation of several sentences stays in one. */
    public static List<Span> sentences(String text) {
        return List.copyOf(new Article(text).sentences);
    }

    private static Named named(Person person) {
        return new Named(person.name, person.title, person.country, person.organization);
    }
}
