package org.demarche.bench;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Words no statement of the corpus or of another write holds: "zx", three letters drawn once per run, a
 * counter in base 26 and a final "q", letters only, so that the analysis (folding, English stemming)
 * indexes each as one term of its own and a search for it finds the one write that used it.
 */
final class UniqueWords {

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
