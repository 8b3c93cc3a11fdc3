package org.demarche.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.demarche.common.paging.Sorting;
import org.demarche.official.Official;
import org.demarche.search.LuceneQueries;
import org.demarche.search.SortKeys;
import org.demarche.search.StatementDocuments;
import org.demarche.source.Source;
import org.demarche.statement.Medium;
import org.demarche.statement.QuoteType;
import org.demarche.statement.SearchQuery;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;
import org.demarche.statement.StatementSearch;
import org.demarche.statement.StatementService;
import org.demarche.statement.Verification;
import org.demarche.topic.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The two engines on one generated corpus: the embedded Lucene index and OpenSearch receive the same
 * statements, then at least {@value #QUERIES} queries of every shape. Totals must be equal, field-sorted
 * pages equal id for id, and relevance-ranked top 20s (ties broken by id on both) equal; the test prints
 * how many of each shape it compared. Runs with the PostgreSQL suite, next to an OpenSearch node
 * ({@code DEMARCHE_SEARCH_URL}, by default 127.0.0.1:9200).
 */
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*postgres.*")
class EngineParityTest {

    private static final int STATEMENTS = 3_000;
    private static final int QUERIES = 200;
    private static final int TOP = 20;
    private static final String[] WORDS = {
        "ceasefire",
        "ceasefires",
        "Ceasefire",
        "truce",
        "agreement",
        "agreements",
        "legally",
        "binding",
        "security",
        "guarantees",
        "guarantee",
        "sanctions",
        "Élysée",
        "Elysee",
        "negotiation",
        "negotiations",
        "negotiate",
        "border",
        "borders",
        "Russia's",
        "Ukraine",
        "NATO",
        "weapons",
        "peace",
        "talks",
        "summit",
        "minister",
        "ministers",
        "the",
        "of",
        "and",
        "a",
        "to",
        "in",
        "on",
        "right",
        "way",
        "nuclear",
        "energy",
        "grain",
        "corridor",
        "prisoners",
        "exchange",
        "humanitarian",
        "aid",
        "occupation",
        "withdrawal",
        "troops",
        "drone",
        "strikes",
        "civilians",
        "reconstruction",
        "fund",
        "café",
        "naïve",
        "coöperation"
    };
    private static final String[] COUNTRIES = {"RU", "UA", "US", "FR", "DE", "CN"};

    private static SearchCluster cluster;
    private static StatementIndex index;
    private static String created;
    private static OpenSearchStatementSearch opensearch;
    private static ByteBuffersDirectory directory;
    private static IndexSearcher lucene;
    private static final List<UUID> statementIds = new ArrayList<>();

    @BeforeAll
    static void indexBothEngines() throws IOException {
        Random random = new Random(16);
        List<Official> officials = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Official official = new Official();
            official.id = UUID.randomUUID();
            official.country = COUNTRIES[i % COUNTRIES.length];
            officials.add(official);
        }
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Topic topic = new Topic();
            topic.id = UUID.randomUUID();
            topics.add(topic);
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < STATEMENTS; i++) {
            statements.add(statement(random, officials, topics));
        }
        statements.forEach(s -> statementIds.add(s.id));

        cluster = new SearchCluster(
                System.getenv().getOrDefault("DEMARCHE_SEARCH_URL", "http://127.0.0.1:9200"),
                Optional.ofNullable(System.getenv("DEMARCHE_SEARCH_USER")),
                Optional.ofNullable(System.getenv("DEMARCHE_SEARCH_PASSWORD")),
                "demarche-parity-" + UUID.randomUUID());
        index = new StatementIndex(cluster, 1, 0);
        created = index.create(UUID.randomUUID().toString());
        for (int start = 0; start < statements.size(); start += 500) {
            index.write(created, statements.subList(start, Math.min(statements.size(), start + 500)), Map.of());
        }
        index.swapTo(created);
        cluster.call("POST", "/" + created + "/_forcemerge", null, Map.of("max_num_segments", "1"));
        cluster.call("POST", "/" + created + "/_refresh", null);
        opensearch = new OpenSearchStatementSearch(cluster, index, null);

        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(StatementDocuments.ANALYZER))) {
            for (Statement statement : statements) {
                writer.addDocument(StatementDocuments.of(statement));
            }
            writer.forceMerge(1);
        }
        lucene = new IndexSearcher(DirectoryReader.open(directory));
    }

    @AfterAll
    static void dropIndex() throws IOException {
        if (cluster != null && created != null) {
            cluster.call("DELETE", "/" + created, null);
        }
        if (directory != null) {
            lucene.getIndexReader().close();
            directory.close();
        }
    }

    private static Statement statement(Random random, List<Official> officials, List<Topic> topics) {
        Statement statement = new Statement();
        statement.id = UUID.randomUUID();
        statement.version = 1;
        StringBuilder text = new StringBuilder();
        int length = 4 + random.nextInt(30);
        for (int w = 0; w < length; w++) {
            text.append(w == 0 ? "" : random.nextInt(8) == 0 ? ", " : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        statement.text = text.append('.').toString();
        statement.official = officials.get(random.nextInt(officials.size()));
        statement.quoteType = QuoteType.values()[random.nextInt(QuoteType.values().length)];
        statement.medium = random.nextInt(5) == 0 ? null : Medium.values()[random.nextInt(Medium.values().length)];
        statement.verification = Verification.values()[random.nextInt(Verification.values().length)];
        statement.language = "en";
        LocalDate start = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(2500));
        statement.statedOnStart = start;
        statement.statedOnEnd = random.nextBoolean() ? start : start.plusDays(random.nextInt(30));
        statement.createdAt = Instant.parse("2024-01-01T00:00:00Z").plusMillis(random.nextInt(1_000_000_000) * 10L + 1);
        statement.updatedAt = statement.createdAt.plusMillis(random.nextInt(1_000_000));
        for (int t = random.nextInt(3); t > 0; t--) {
            statement.topics.add(topics.get(random.nextInt(topics.size())));
        }
        Source source = new Source();
        source.id = UUID.randomUUID();
        source.outlet = random.nextBoolean() ? "TASS" : "Reuters";
        statement.sources.add(source);
        return statement;
    }

    /** Query shapes: each makes criteria from a random source. */
    private static Map<String, Function<Random, StatementCriteria>> shapes() {
        Map<String, Function<Random, StatementCriteria>> shapes = new LinkedHashMap<>();
        shapes.put("word", r -> criteria(word(r), null, null));
        shapes.put("ids and word", r -> criteria(word(r), null, null, ids(r)));
        shapes.put("ids only", r -> criteria(null, null, null, ids(r)));
        shapes.put("two words", r -> criteria(word(r) + " " + word(r), null, null));
        shapes.put("phrase of two", r -> criteria("\"" + word(r) + " " + word(r) + "\"", null, null));
        shapes.put("phrase of three", r -> criteria("\"" + word(r) + " " + word(r) + " " + word(r) + "\"", null, null));
        shapes.put("prefix", r -> criteria(prefix(word(r)) + "*", null, null));
        shapes.put("or", r -> criteria(word(r) + " OR " + word(r), null, null));
        shapes.put("exclusion", r -> criteria(word(r) + " -" + word(r), null, null));
        shapes.put("word and country", r -> criteria(word(r), COUNTRIES[r.nextInt(COUNTRIES.length)], null));
        shapes.put(
                "filters only",
                r -> criteria(
                        null,
                        COUNTRIES[r.nextInt(COUNTRIES.length)],
                        LocalDate.of(2018, 1, 1).plusDays(r.nextInt(2500))));
        return shapes;
    }

    private static String prefix(String word) {
        return word.substring(0, Math.min(3, word.length()));
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** Up to 100 ids (the id filter's cap), known ones and a few that match nothing. */
    private static List<UUID> ids(Random random) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 1 + random.nextInt(100); i > 0; i--) {
            ids.add(
                    random.nextInt(10) == 0
                            ? new UUID(random.nextLong(), random.nextLong())
                            : statementIds.get(random.nextInt(statementIds.size())));
        }
        return ids;
    }

    private static StatementCriteria criteria(String q, String country, LocalDate from) {
        return criteria(q, country, from, null);
    }

    private static StatementCriteria criteria(String q, String country, LocalDate from, List<UUID> ids) {
        return new StatementCriteria(
                q == null ? null : SearchQuery.parse(q),
                ids,
                null,
                country,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                from,
                null,
                null);
    }

    @Test
    void bothEnginesAnswerEveryShapeAlike() throws IOException {
        Random random = new Random(2026);
        Sorting.Order<Statement> byDate = StatementService.SORTING.resolve("-statedOn");
        Sorting.Order<Statement> byCreation = StatementService.SORTING.resolve("createdAt");
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Function<Random, StatementCriteria>> shape : shapes().entrySet()) {
            int matched = 0;
            for (int i = 0; i < QUERIES; i++) {
                StatementCriteria criteria = shape.getValue().apply(random);
                Query query = LuceneQueries.matching(criteria);
                long total = lucene.count(query);
                String where = shape.getKey() + " " + describe(criteria);
                for (Sorting.Order<Statement> order : List.of(byDate, byCreation)) {
                    StatementSearch.Hits hits = opensearch.search(criteria, order, 0, TOP);
                    assertEquals(total, hits.total(), "total of " + where);
                    assertEquals(
                            luceneSorted(query, order), hits.ids(), "page of " + where + " by " + order.wireName());
                }
                if (criteria.query() != null) {
                    List<UUID> ranked = luceneRanked(query);
                    List<UUID> other = openSearchRanked(criteria);
                    if (!ranked.equals(other)) {
                        differences.add(where);
                    }
                }
                matched += total > 0 ? 1 : 0;
            }
            System.out.printf("Parity: %s, %d queries (%d with matches)%n", shape.getKey(), QUERIES, matched);
        }
        System.out.printf(
                "Parity: relevance top %d differed for %d queries: %s%n", TOP, differences.size(), differences);
        assertTrue(differences.isEmpty(), "relevance differs for " + differences);
    }

    private static String describe(StatementCriteria criteria) {
        return "q=" + (criteria.query() == null ? "" : criteria.query()) + " country=" + criteria.country() + " from="
                + criteria.from();
    }

    private static List<UUID> luceneSorted(Query query, Sorting.Order<Statement> order) throws IOException {
        Sort sort = new Sort(
                new SortField(SortKeys.field(order), SortField.Type.LONG, order.descending()),
                new SortField(StatementDocuments.ID, SortField.Type.STRING, order.descending()));
        return ids(lucene.search(query, TOP, sort));
    }

    private static List<UUID> luceneRanked(Query query) throws IOException {
        return ids(lucene.search(
                query,
                TOP,
                new Sort(SortField.FIELD_SCORE, new SortField(StatementDocuments.ID, SortField.Type.STRING)),
                true));
    }

    private static List<UUID> ids(TopFieldDocs top) {
        List<UUID> ids = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            Object[] fields = ((FieldDoc) doc).fields;
            ids.add(UUID.fromString(((BytesRef) fields[fields.length - 1]).utf8ToString()));
        }
        return ids;
    }

    private static List<UUID> openSearchRanked(StatementCriteria criteria) {
        Map<String, Object> body = Map.of(
                "query",
                OpenSearchQueries.of(criteria),
                "size",
                TOP,
                "_source",
                false,
                "sort",
                List.of(Map.of("_score", "desc"), Map.of(StatementDocuments.ID, "asc")));
        List<UUID> ids = new ArrayList<>();
        cluster.call("POST", "/" + index.alias() + "/_search", body)
                .path("hits")
                .path("hits")
                .forEach(hit -> ids.add(UUID.fromString(hit.path("_id").asText())));
        return ids;
    }
}
