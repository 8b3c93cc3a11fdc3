package org.demarche.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.source.CanonicalUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One thing is one record however a client spells it: a URL in any of its equivalent spellings (case of
 * scheme and host, default port, fragment, empty query, percent-encoded unreserved characters, lower-case
 * escapes) names one source, and text with composed or decomposed accents is one value. Cases are generated
 * by jqwik from a fixed seed (override with -Ddemarche.hostile.seed=..., scale with -Ddemarche.hostile.tries=...).
 */
@QuarkusTest
@SendsAdminKey
class OneThingOneRecordTest {

    private static final String SEED = System.getProperty("demarche.hostile.seed", "20261204");
    private static final int TRIES = Integer.getInteger("demarche.hostile.tries", 40);

    @BeforeEach
    void seed() {
        JqwikSession.start(SEED);
    }

    @AfterEach
    void endSession() {
        JqwikSession.finish();
    }

    /** A URL as a client might spell it: every choice leaves it the same resource by RFC 3986. */
    private static Arbitrary<String> spellings(String scheme, String host, String path, String query) {
        return Arbitraries.lazy(() -> {
            Arbitrary<String> schemes = randomCase(scheme);
            Arbitrary<String> hosts = randomCase(host);
            Arbitrary<String> ports = Arbitraries.of("", ":" + (scheme.equals("https") ? 443 : 80));
            Arbitrary<String> paths = percentEncodeSome(path);
            Arbitrary<String> queries = query.isEmpty()
                    ? Arbitraries.of("", "?")
                    : percentEncodeSome(query).map(q -> "?" + q);
            Arbitrary<String> fragments = Arbitraries.of("", "#", "#top", "#Section-2");
            return net.jqwik.api.Combinators.combine(schemes, hosts, ports, paths, queries, fragments)
                    .as((s, h, p, pa, q, f) -> s + "://" + h + p + pa + q + f);
        });
    }

    private static Arbitrary<String> randomCase(String text) {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).map(bits -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append((bits >> (i % 31) & 1) == 1 ? Character.toUpperCase(c) : c);
            }
            return out.toString();
        });
    }

    /** Some letters, digits and - . _ ~ as %XX escapes, in either case of hex. */
    private static Arbitrary<String> percentEncodeSome(String text) {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).map(bits -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean unreserved = Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0;
                if (unreserved && (bits >> (i % 31) & 1) == 1) {
                    String hex = String.format("%02X", (int) c);
                    out.append('%').append(i % 2 == 0 ? hex : hex.toLowerCase(Locale.ROOT));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        });
    }

    @Test
    void everySpellingOfAUrlHasOneCanonicalForm() {
        String base = "https://caliber.az/en/post/fm-lavrov?id=7";
        Arbitrary<String> spellings = spellings("https", "caliber.az", "/en/post/fm-lavrov", "id=7");
        for (int i = 0; i < TRIES * 10; i++) {
            String spelling = spellings.sample();
            assertEquals(base, CanonicalUrl.of(spelling), spelling);
        }
        assertEquals("http://example.org/", CanonicalUrl.of("HTTP://Example.ORG:80"));
        assertEquals("https://example.org/a%2Fb%C3%A9", CanonicalUrl.of("https://example.org/a%2fb%c3%a9#x"));
        assertEquals("https://example.org:8443/A/./b??", CanonicalUrl.of("https://EXAMPLE.org:8443/A/./b??"));
    }

    @Test
    void everySpellingOfARecordedUrlIsAConflictNamingTheSource() {
        String path = "/a/" + Fixtures.unique() + "/Post_1~x";
        String first = given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://news.example.org" + path, "outlet", "X"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Arbitrary<String> spellings = spellings("http", "news.example.org", path, "");
        List<String> tried = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            String spelling = spellings.sample();
            tried.add(spelling);
            JsonPath problem = given().contentType(ContentType.JSON)
                    .body(Map.of("url", spelling, "outlet", "Y"))
                    .post("/api/v1/sources")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .extract()
                    .jsonPath();
            assertEquals(List.of(first), problem.getList("references[0].ids"), spelling);
            assertEquals(
                    List.of(first),
                    given().queryParam("url", spelling)
                            .get("/api/v1/sources")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items.id"),
                    spelling);
        }
        JsonPath stored = given().get("/api/v1/sources/" + first)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("http://news.example.org" + path, stored.getString("url"), "the URL as given is kept");
    }

    @Test
    void composedAndDecomposedTextIsOneValue() {
        Arbitrary<String> words = Arbitraries.of(
                        "Zoé", "Çavuşoğlu", "Ñandú", "Dendias Νίκος", "Đorđe Ødegård", "Lavrov")
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(parts -> String.join(" ", parts) + " " + Fixtures.unique());
        for (int i = 0; i < TRIES / 4; i++) {
            String name = words.sample();
            String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
            String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
            String slug = "nfc-" + Fixtures.unique();
            String topic = Fixtures.create("topics", Map.of("slug", slug, "name", decomposed));
            assertEquals(
                    composed,
                    given().get("/api/v1/topics/" + topic).then().extract().path("name"));
            String official = Fixtures.create(
                    "officials", Map.of("name", decomposed, "country", "FR", "aliases", List.of(decomposed)));
            JsonPath read = given().get("/api/v1/officials/" + official)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(composed, read.getString("name"));
            assertEquals(List.of(composed), read.getList("aliases"));
            // A merge patch with the other form changes nothing: same text, same version.
            given().contentType("application/merge-patch+json; charset=UTF-8")
                    .body(Map.of("name", composed))
                    .patch("/api/v1/officials/" + official)
                    .then()
                    .statusCode(200)
                    .header("ETag", startsWith("\"0-"));
        }
    }
}
