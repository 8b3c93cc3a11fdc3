package org.demarche.ingest;

/** Where an article refers to a person: by name, by title ("the minister") or by pronoun. */
record Mention(Span span, Kind kind, Person person) {

    enum Kind {
        name,
        title,
        pronoun
    }
}
