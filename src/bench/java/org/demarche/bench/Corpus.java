package org.demarche.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a synthetic, deterministic corpus straight into a Demarche database (schema already migrated,
 * application stopped): officials across many countries, nested topics, sources, and statements with
 * diplomatic vocabulary, partial dates and filters. Statement {@code i} is the same for a given seed
 * whatever range is written, so a corpus can be grown in steps (0..10 000, then 10 000..100 000, ...).
 *
 * <p>Usage: {@code Corpus <jdbc-url> <user> <password> <from> <to> [seed]}
 */
public final class Corpus {

    public static final int OFFICIALS = 2_000;
    public static final int TOPICS = 60;
    public static final int SOURCES = 20_000;

    static final List<String> COUNTRIES = List.of(
            "RU", "US", "UA", "CN", "DE", "FR", "GB", "TR", "IN", "BR", "ZA", "JP", "KR", "IR", "IL", "SA", "AE", "QA",
            "EG", "PL", "HU", "IT", "ES", "NL", "BE", "SE", "FI", "NO", "DK", "AT", "CH", "CZ", "SK", "RO", "BG", "RS",
            "GR", "CY", "GE", "AM", "AZ", "KZ", "UZ", "BY", "MD", "LT", "LV", "EE", "CA", "MX", "AR", "CL", "CO", "VE",
            "CU", "NG", "ET", "KE", "DZ", "MA", "PK", "AF", "ID", "MY", "SG", "VN", "TH", "PH", "AU", "NZ");
    static final List<String> OUTLETS = List.of(
            "TASS",
            "RIA Novosti",
            "Reuters",
            "AP",
            "AFP",
            "BBC",
            "Caliber.Az",
            "Interfax",
            "Kyiv Independent",
            "Ukrinform",
            "Xinhua",
            "Al Jazeera",
            "DW",
            "Le Monde",
            "The Guardian",
            "Financial Times",
            "Politico",
            "Anadolu",
            "NHK",
            "Yonhap",
            "The Hindu",
            "Dawn",
            "Haaretz",
            "Arab News",
            "Kommersant",
            "Izvestia",
            "RBC",
            "Meduza",
            "Euronews",
            "EFE",
            "ANSA",
            "PAP",
            "Trend",
            "APA",
            "Kazinform",
            "Belta",
            "Sputnik",
            "CGTN",
            "Global Times",
            "Bloomberg");
    /** Content words, most frequent first (a Zipf-like draw favours the head). */
    static final List<String> WORDS = List.of(
            "negotiations",
            "security",
            "ceasefire",
            "sanctions",
            "Russia",
            "Ukraine",
            "peace",
            "talks",
            "agreement",
            "West",
            "guarantees",
            "sovereignty",
            "dialogue",
            "cooperation",
            "conflict",
            "territorial",
            "integrity",
            "military",
            "aid",
            "support",
            "Kyiv",
            "Moscow",
            "Washington",
            "Brussels",
            "NATO",
            "Europe",
            "energy",
            "gas",
            "grain",
            "corridor",
            "humanitarian",
            "nuclear",
            "escalation",
            "de-escalation",
            "weapons",
            "troops",
            "withdrawal",
            "border",
            "referendum",
            "aggression",
            "provocation",
            "summit",
            "treaty",
            "obligations",
            "partners",
            "allies",
            "interests",
            "national",
            "strategic",
            "defeat",
            "victory",
            "truce",
            "mediation",
            "proposal",
            "initiative",
            "framework",
            "sanctuary",
            "refugees",
            "prisoners",
            "exchange",
            "reconstruction",
            "investment",
            "trade",
            "tariffs",
            "embargo",
            "blockade",
            "shipping",
            "Black",
            "Sea",
            "Crimea",
            "Donbas",
            "Zaporizhzhia",
            "plant",
            "inspectors",
            "IAEA",
            "UN",
            "Security",
            "Council",
            "resolution",
            "veto",
            "Charter",
            "law",
            "international",
            "order",
            "multipolar",
            "hegemony",
            "unilateral",
            "bilateral",
            "multilateral",
            "diplomacy",
            "ambassador",
            "minister",
            "president",
            "government",
            "parliament",
            "elections",
            "legitimacy",
            "recognition",
            "annexation",
            "occupation",
            "liberation",
            "drones",
            "missiles",
            "air",
            "defence",
            "systems",
            "F-16",
            "tanks",
            "artillery",
            "ammunition",
            "production",
            "industry",
            "economy",
            "inflation",
            "budget",
            "financing",
            "loans",
            "assets",
            "frozen",
            "reserves",
            "confiscation",
            "compensation",
            "tribunal",
            "crimes",
            "accountability",
            "justice",
            "investigation",
            "evidence",
            "propaganda",
            "disinformation",
            "media",
            "journalists",
            "freedom",
            "rights",
            "minorities",
            "language",
            "church",
            "culture",
            "history",
            "memory",
            "neutrality",
            "membership",
            "enlargement",
            "accession",
            "candidate",
            "status",
            "roadmap",
            "deadline",
            "ultimatum",
            "red",
            "lines",
            "threats",
            "deterrence",
            "stability",
            "balance",
            "arms",
            "control",
            "New",
            "START",
            "inspections",
            "transparency",
            "verification",
            "monitoring",
            "mission",
            "observers",
            "OSCE",
            "Minsk",
            "Istanbul",
            "Geneva",
            "Vienna",
            "Beijing",
            "Ankara",
            "Doha",
            "Riyadh",
            "Delhi",
            "Pretoria",
            "Brasilia",
            "BRICS",
            "G7",
            "G20",
            "summitry",
            "communique",
            "declaration");

    static final List<String> PHRASES = List.of(
            "legally binding",
            "security guarantees",
            "territorial integrity",
            "peace talks",
            "strategic defeat",
            "grain corridor",
            "nuclear plant",
            "red lines",
            "frozen assets",
            "national interests",
            "arms control",
            "humanitarian corridor",
            "prisoner exchange",
            "international law");
    static final List<String> FILLERS = List.of(
            "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "with", "we", "our", "will", "not", "be",
            "this", "it", "are", "has", "have", "no", "there", "must", "can");
    static final List<String> QUOTE_TYPES = List.of("direct_quote", "paraphrase", "partial_quote", "summary");
    static final List<String> MEDIA = List.of(
            "press_conference", "interview", "speech", "social_media", "official_statement", "communique", "other");
    static final List<String> VERIFICATION = List.of("unverified", "verified", "disputed", "retracted");

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        long from = Long.parseLong(args[3]);
        long to = Long.parseLong(args[4]);
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 42;
        Instant started = Instant.now();
        try (Connection db = DriverManager.getConnection(url, args[1], args[2])) {
            db.setAutoCommit(false);
            if (from == 0) {
                writeBase(db, seed);
            }
            writeStatements(db, seed, from, to);
            if (url.startsWith("jdbc:h2:")) {
                // Writing leaves old page versions in the H2 file (12 GB at 1 000 000 statements against
                // 0.8 GB compacted): compacting keeps a benchmark about search, not about reading them.
                try (java.sql.Statement compact = db.createStatement()) {
                    compact.execute("SHUTDOWN COMPACT");
                }
            }
        }
        System.out.printf(
                "Wrote statements %d..%d in %d s%n",
                from, to, java.time.Duration.between(started, Instant.now()).toSeconds());
    }

    static UUID id(String kind, long i) {
        return UUID.nameUUIDFromBytes((kind + "-" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** One official of the corpus; official {@code i} is named "Official i". */
    record OfficialRow(int index, String name, String country, String title, String organization) {}

    /** One statement of the corpus, its references as indexes into the officials, topics and sources. */
    record StatementRow(
            long index,
            UUID id,
            Instant created,
            int official,
            String text,
            String quoteType,
            String statedOn,
            LocalDate start,
            LocalDate end,
            String venue,
            String medium,
            String verification,
            List<Integer> topics,
            int source,
            List<String> mentions) {}

    static List<OfficialRow> officials(long seed) {
        Random random = new Random(seed);
        List<OfficialRow> officials = new ArrayList<>(OFFICIALS);
        for (int i = 0; i < OFFICIALS; i++) {
            String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            officials.add(new OfficialRow(
                    i,
                    "Official " + i,
                    country,
                    random.nextBoolean() ? "Minister of Foreign Affairs" : "Spokesperson",
                    "Government of " + country));
        }
        return officials;
    }

    static String topicSlug(int i) {
        return "topic-" + i;
    }

    /** Topics 10 and up are nested under one of the first ten. */
    static Integer topicParent(int i) {
        return i < 10 ? null : i % 10;
    }

    static String sourceUrl(int i) {
        return "https://news.example/" + i;
    }

    static String sourceOutlet(int i) {
        return OUTLETS.get(i % OUTLETS.size());
    }

    /** Statement {@code i}, the same for a given seed whatever else is generated. */
    static StatementRow statement(long seed, long i) {
        Random random = new Random(seed * 1_000_003L + i);
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(26 * 365));
        int precision = random.nextInt(10);
        String statedOn;
        LocalDate start;
        LocalDate end;
        if (precision == 0) {
            statedOn = Integer.toString(day.getYear());
            start = day.withDayOfYear(1);
            end = day.withDayOfYear(day.lengthOfYear());
        } else if (precision < 3) {
            YearMonth month = YearMonth.from(day);
            statedOn = month.toString();
            start = month.atDay(1);
            end = month.atEndOfMonth();
        } else {
            statedOn = day.toString();
            start = day;
            end = day;
        }
        int official = zipf(random, OFFICIALS);
        String text = text(random);
        String quoteType = QUOTE_TYPES.get(random.nextInt(QUOTE_TYPES.size()));
        String venue = random.nextInt(3) == 0 ? "Press conference in " + OUTLETS.get(random.nextInt(5)) : null;
        String medium = random.nextInt(5) == 0 ? null : MEDIA.get(random.nextInt(MEDIA.size()));
        String verification = VERIFICATION.get(random.nextInt(10) < 7 ? 0 : random.nextInt(VERIFICATION.size()));
        int topicCount = 1 + random.nextInt(3);
        int first = random.nextInt(TOPICS);
        List<Integer> topics = new ArrayList<>();
        for (int t = 0; t < topicCount; t++) {
            topics.add((first + t * 7) % TOPICS);
        }
        int source = random.nextInt(SOURCES);
        int mentionCount = random.nextInt(3);
        List<String> mentions = new ArrayList<>();
        for (int m = 0; m < mentionCount; m++) {
            mentions.add(COUNTRIES.get((random.nextInt(COUNTRIES.size()) + m) % COUNTRIES.size()));
        }
        return new StatementRow(
                i,
                id("statement", i),
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i),
                official,
                text,
                quoteType,
                statedOn,
                start,
                end,
                venue,
                medium,
                verification,
                topics,
                source,
                mentions);
    }

    private static void writeBase(Connection db, long seed) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));
        try (PreparedStatement officials =
                db.prepareStatement("insert into official (id, version, created_at, updated_at,"
                        + " name, country, title, organization) values (?, 0, ?, ?, ?, ?, ?, ?)")) {
            for (OfficialRow official : officials(seed)) {
                officials.setObject(1, id("official", official.index()));
                officials.setTimestamp(2, now);
                officials.setTimestamp(3, now);
                officials.setString(4, official.name());
                officials.setString(5, official.country());
                officials.setString(6, official.title());
                officials.setString(7, official.organization());
                officials.addBatch();
            }
            officials.executeBatch();
        }
        try (PreparedStatement topics =
                db.prepareStatement("insert into topic (id, version, created_at, updated_at, slug,"
                        + " name, parent_id) values (?, 0, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < TOPICS; i++) {
                topics.setObject(1, id("topic", i));
                topics.setTimestamp(2, now);
                topics.setTimestamp(3, now);
                topics.setString(4, topicSlug(i));
                topics.setString(5, "Topic " + i);
                topics.setObject(6, topicParent(i) == null ? null : id("topic", topicParent(i)));
                topics.addBatch();
            }
            topics.executeBatch();
        }
        try (PreparedStatement sources = db.prepareStatement("insert into source (id, version, created_at, updated_at,"
                + " url, outlet, language) values (?, 0, ?, ?, ?, ?, 'en')")) {
            for (int i = 0; i < SOURCES; i++) {
                sources.setObject(1, id("source", i));
                sources.setTimestamp(2, now);
                sources.setTimestamp(3, now);
                sources.setString(4, sourceUrl(i));
                sources.setString(5, sourceOutlet(i));
                sources.addBatch();
            }
            sources.executeBatch();
        }
        db.commit();
    }

    private static void writeStatements(Connection db, long seed, long from, long to) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("insert into statement (id, version, created_at,"
                        + " updated_at, official_id, body, quote_type, language, stated_on, stated_on_start, stated_on_end, venue,"
                        + " medium, verification) values (?, 0, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, ?)");
                PreparedStatement topic =
                        db.prepareStatement("insert into statement_topic (statement_id, topic_id) values (?, ?)");
                PreparedStatement source =
                        db.prepareStatement("insert into statement_source (statement_id, source_id) values (?, ?)");
                PreparedStatement mention = db.prepareStatement(
                        "insert into statement_mention (statement_id, ord, mention)" + " values (?, ?, ?)")) {
            for (long i = from; i < to; i++) {
                StatementRow row = statement(seed, i);
                Timestamp created = Timestamp.from(row.created());
                statement.setObject(1, row.id());
                statement.setTimestamp(2, created);
                statement.setTimestamp(3, created);
                statement.setObject(4, id("official", row.official()));
                statement.setString(5, row.text());
                statement.setString(6, row.quoteType());
                statement.setString(7, row.statedOn());
                statement.setObject(8, row.start());
                statement.setObject(9, row.end());
                statement.setString(10, row.venue());
                statement.setString(11, row.medium());
                statement.setString(12, row.verification());
                statement.addBatch();
                for (int t : row.topics()) {
                    topic.setObject(1, row.id());
                    topic.setObject(2, id("topic", t));
                    topic.addBatch();
                }
                source.setObject(1, row.id());
                source.setObject(2, id("source", row.source()));
                source.addBatch();
                for (int m = 0; m < row.mentions().size(); m++) {
                    mention.setObject(1, row.id());
                    mention.setInt(2, m);
                    mention.setString(3, row.mentions().get(m));
                    mention.addBatch();
                }
                if ((i + 1) % 2_000 == 0 || i == to - 1) {
                    statement.executeBatch();
                    topic.executeBatch();
                    source.executeBatch();
                    mention.executeBatch();
                    db.commit();
                }
            }
        }
    }

    /** 12 to 40 words: content words drawn Zipf-like, a set phrase now and then, stop words between. */
    static String text(Random random) {
        int length = 12 + random.nextInt(29);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < length; w++) {
            String word;
            int kind = random.nextInt(10);
            if (kind < 4) {
                word = FILLERS.get(random.nextInt(FILLERS.size()));
            } else if (kind == 4 && random.nextInt(3) == 0) {
                word = PHRASES.get(random.nextInt(PHRASES.size()));
            } else {
                word = WORDS.get(zipf(random, WORDS.size()));
            }
            text.append(text.isEmpty() ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            text.append(w == length - 1 ? "." : random.nextInt(12) == 0 ? ", " : " ");
        }
        return text.toString();
    }

    /** One of the 60 commonest words, the commonest most often: what the benchmarks search for. */
    public static String commonWord(Random random) {
        return WORDS.get(zipf(random, 60));
    }

    /** A country of the corpus, each as likely. */
    public static String country(Random random) {
        return COUNTRIES.get(random.nextInt(COUNTRIES.size()));
    }

    /** The first four letters of a common word of four letters or more, with {@code *}: a prefix search. */
    public static String prefix(Random random) {
        String word;
        do {
            word = commonWord(random);
        } while (!word.matches("[A-Za-z]{4,}"));
        return word.substring(0, 4) + "*";
    }

    /** An index in [0, n) where low indexes are much more likely (roughly Zipf with exponent 1). */
    static int zipf(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, random.nextDouble()) - 1));
    }
}
