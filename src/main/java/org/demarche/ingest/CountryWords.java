package org.demarche.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Words that name a country in a title ("Russian", "US"), from {@code ingest/countries.tsv}. */
final class CountryWords {

    private static final Map<String, String> CODES = load();

    private CountryWords() {}

    /** The ISO 3166-1 code a word names, or null. */
    static String code(String word) {
        return CODES.get(Person.folded(word));
    }

    private static Map<String, String> load() {
        Map<String, String> codes = new HashMap<>();
        try (var in = CountryWords.class.getResourceAsStream("/ingest/countries.tsv");
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .forEach(fields -> codes.put(fields[0], fields[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(codes);
    }
}
