package org.demarche.statement;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.common.paging.Page;
import org.demarche.source.SourceSummary;
import org.demarche.topic.TopicSummary;

/**
 * Statements as JSON-LD in the schema.org vocabulary, for linked-data tools and search engines: a
 * statement is a {@code Quotation} whose {@code spokenByCharacter} is the official (a {@code Person}),
 * {@code dateCreated} the day (or month, or year) it was said, {@code isBasedOn} the sources that
 * reported it and {@code about} its topics. A list is an {@code ItemList} of them. Every node that is a
 * Demarche record has its API URL as {@code @id}.
 */
public final class StatementJsonLd {

    public static final String MEDIA_TYPE = "application/ld+json";
    private static final MediaType JSON_LD = MediaType.valueOf(MEDIA_TYPE);
    private static final String CONTEXT = "https://schema.org";

    private final URI api;

    /** @param base the server's base URI; record URLs are built under its /api/v1/ */
    public StatementJsonLd(URI base) {
        this.api = base.resolve("/api/v1/");
    }

    /** Whether the client prefers JSON-LD: named outright, and ahead of plain JSON. */
    public static boolean requested(HttpHeaders headers) {
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            if (wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE) || wanted.isWildcardType()) {
                return false;
            }
            if (JSON_LD.isCompatible(wanted) && !wanted.isWildcardSubtype()) {
                return true;
            }
        }
        return false;
    }

    public Map<String, Object> document(StatementResponse statement) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", CONTEXT);
        document.putAll(quotation(statement));
        return document;
    }

    public Map<String, Object> document(Page<StatementResponse> page) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", CONTEXT);
        document.putAll(typed("ItemList"));
        document.put("numberOfItems", page.total());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            Map<String, Object> item = typed("ListItem");
            item.put("position", i + 1);
            item.put("item", quotation(page.items().get(i)));
            items.add(item);
        }
        document.put("itemListElement", items);
        return document;
    }

    private Map<String, Object> quotation(StatementResponse statement) {
        Map<String, Object> quotation = node("Quotation", url("statements", statement.id()));
        quotation.put("identifier", statement.id().toString());
        quotation.put("text", statement.text());
        putIfPresent(quotation, "inLanguage", statement.language());
        quotation.put("dateCreated", statement.statedOn());
        quotation.put("dateModified", statement.updatedAt().toString());
        Map<String, Object> person = node("Person", url("officials", statement.official().id()));
        person.put("name", statement.official().name());
        Map<String, Object> country = typed("Country");
        country.put("identifier", statement.official().country());
        person.put("nationality", country);
        quotation.put("spokenByCharacter", person);
        if (statement.venue() != null) {
            Map<String, Object> place = typed("Place");
            place.put("name", statement.venue());
            quotation.put("locationCreated", place);
        }
        quotation.put("isBasedOn", statement.sources().stream().map(StatementJsonLd::work).toList());
        quotation.put("about", statement.topics().stream().map(this::thing).toList());
        return quotation;
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
