package org.demarche.ingest;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Someone an article talks about, as the article names them: the fullest name it uses, and the title and
 * country it gives them ("Russian Foreign Minister Sergei Lavrov"). An organisation that speaks ("the
 * Russian Foreign Ministry said") is one too, flagged as such.
 */
final class Person {

    String name;
    String title;
    String country;
    final boolean organization;
    private String foldedTitle;
    private String foldedFrom;

    Person(String name, String title, String country, boolean organization) {
        this.name = name;
        this.title = title;
        this.country = country;
        this.organization = organization;
    }

    boolean hasTitle(String head) {
        return title != null && foldedTitle().contains(folded(head));
    }

    String foldedTitle() {
        if (title != null && (foldedTitle == null || !foldedFrom.equals(title))) {
            foldedTitle = folded(title);
            foldedFrom = title;
        }
        return foldedTitle;
    }

    void learn(String fullerName, String newTitle, String newCountry) {
        if (fullerName.length() > name.length()) {
            name = fullerName;
        }
        title = title == null || newTitle != null && newTitle.length() > title.length() ? newTitle : title;
        country = country == null ? newCountry : country;
    }

    /** Lower case without accents, so "Çavuşoğlu" and "Cavusoglu" are one name. */
    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('’', '\'')
                .toLowerCase(Locale.ROOT);
    }
}
