package org.demarche.statement;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.common.http.Negotiation;
import org.demarche.common.paging.Page;
import org.demarche.official.OfficialSummary;
import org.demarche.source.SourceSummary;
import org.demarche.topic.TopicSummary;

/**
 * Statements as JSON-LD in the schema.org vocabulary, for linked-data tools and search engines: a
 * statement is a {@code Quotation} whose {@code spokenByCharacter} is the official (a {@code Person}; of a joint
 * statement, the list of its official and signatories),
 * {@code dateCreated} the day (or month, or year) it was said, {@code isBasedOn} the sources that
 * reported it and {@code about} its topics. A page of a list is an {@code ItemList} of them, with the
 * next page in the Link header. Statements, officials and topics have their API URL as {@code @id};
 * a source has its own URL, as it is a work on the web.
 */
public final class StatementJsonLd {

    public static final String MEDIA_TYPE = "application/ld+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    private static final List<MediaType> OFFERED_FOR_ONE = List.of(MediaType.APPLICATION_JSON_TYPE, TYPE);
    private static final String CONTEXT = "https://schema.org";

    private final URI api;

    /** @param base the server's base URI; record URLs are built under its /api/v1/ */
    public StatementJsonLd(URI base) {
        this.api = base.resolve("/api/v1/");
    }

    /**
     * Whether the client prefers JSON-LD to the other formats of a statement, or of a statement list (see
     * {@link Negotiation#choose}).
     */
    public static boolean requested(HttpHeaders headers, boolean list) {
        return Negotiation.choose(headers, list ? StatementFeed.LIST_TYPES : OFFERED_FOR_ONE)
                .equals(TYPE);
    }

    public Map<String, Object> quotation(StatementResponse statement) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", CONTEXT);
        document.putAll(quotationNode(statement));
        return document;
    }

    public Map<String, Object> itemList(Page<StatementResponse> page) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", CONTEXT);
        document.putAll(typed("ItemList"));
        document.put("numberOfItems", page.items().size());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            Map<String, Object> item = typed("ListItem");
            item.put("position", i + 1);
            item.put("item", quotationNode(page.items().get(i)));
            items.add(item);
        }
        document.put("itemListElement", items);
        return document;
    }

    private Map<String, Object> quotationNode(StatementResponse statement) {
        Map<String, Object> quotation = node("Quotation", url("statements", statement.id()));
        quotation.put("identifier", statement.id().toString());
        quotation.put("text", statement.text());
        putIfPresent(quotation, "inLanguage", statement.language());
        quotation.put("dateCreated", statement.statedOn());
        quotation.put("dateModified", statement.updatedAt().toString());
        if (statement.signatories().isEmpty()) {
            quotation.put("spokenByCharacter", person(statement.official()));
        } else {
            List<Map<String, Object>> speakers = new ArrayList<>();
            speakers.add(person(statement.official()));
            statement.signatories().forEach(signatory -> speakers.add(person(signatory)));
            quotation.put("spokenByCharacter", speakers);
        }
        if (statement.venue() != null) {
            Map<String, Object> place = typed("Place");
            place.put("name", statement.venue());
            quotation.put("locationCreated", place);
        }
        quotation.put(
                "isBasedOn",
                statement.sources().stream().map(StatementJsonLd::work).toList());
        quotation.put("about", statement.topics().stream().map(this::thing).toList());
        return quotation;
    }

    private Map<String, Object> person(OfficialSummary official) {
        Map<String, Object> person = node("Person", url("officials", official.id()));
        person.put("name", official.name());
        Map<String, Object> country = typed("Country");
        country.put("identifier", official.country());
        person.put("nationality", country);
        return person;
    }

    private static Map<String, Object> work(SourceSummary source) {
        Map<String, Object> work = node("CreativeWork", source.url());
        work.put("url", source.url());
        Map<String, Object> publisher = typed("Organization");
        publisher.put("name", source.outlet());
        work.put("publisher", publisher);
        putIfPresent(work, "datePublished", source.publishedAt());
        return work;
    }

    private Map<String, Object> thing(TopicSummary topic) {
        Map<String, Object> thing = node("Thing", url("topics", topic.id()));
        thing.put("identifier", topic.slug());
        thing.put("name", topic.name());
        return thing;
    }

    private static Map<String, Object> node(String type, String id) {
        Map<String, Object> node = typed(type);
        node.put("@id", id);
        return node;
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        return node;
    }

    private String url(String collection, Object id) {
        return api.resolve(collection + "/" + id).toString();
    }

    private static void putIfPresent(Map<String, Object> node, String key, Object value) {
        if (value != null) {
            node.put(key, value.toString());
        }
    }
}
