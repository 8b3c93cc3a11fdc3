package org.demarche.bench;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Words no statement of the corpus or of another write holds: "zx", three letters drawn once per run, a
 * counter in base 26 and a final "q", letters only, so that the analysis (folding, English stemming)
 * indexes each as one term of its own and a search for it finds the one write that used it.
 */
final class UniqueWords {

    /** Finds such a word in a statement's JSON (only its text holds one). */
    static final Pattern IN_TEXT = Pattern.compile("\\bzx[a-z]{4,}q\\b");

    private final String run;
    private final AtomicLong counter = new AtomicLong();

    UniqueWords() {
        Random random = new Random();
        StringBuilder tag = new StringBuilder("zx");
        for (int i = 0; i < 3; i++) {
            tag.append((char) ('a' + random.nextInt(26)));
        }
        run = tag.toString();
    }

    String next() {
        StringBuilder word = new StringBuilder();
        long n = counter.getAndIncrement();
        do {
            word.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return run + word + "q";
    }
}
