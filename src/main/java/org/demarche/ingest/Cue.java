package org.demarche.ingest;

/** A person with a verb of saying: "Lavrov said", "he asserted", "said the minister", "according to Lavrov". */
record Cue(Mention mention, Span verb) {

    Span span() {
        return new Span(
                Math.min(mention.span().start(), verb.start()),
                Math.max(mention.span().end(), verb.end()));
    }

    boolean inverted() {
        return verb.start() < mention.span().start();
    }
}
