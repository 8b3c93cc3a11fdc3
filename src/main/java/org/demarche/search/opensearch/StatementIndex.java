package org.demarche.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.common.Sha256;
import org.demarche.statement.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The statement index in OpenSearch and its life cycle. Searches and the indexer use an alias; a
 * rebuild fills a new index and then moves the alias to it in one step, so searches keep answering
 * meanwhile. The index's {@code _meta.layout} is a digest of its settings, mappings and document shape,
 * and {@code _meta.database} the key of the database it was written from: an index with another layout,
 * or from another database, is rebuilt at start. Documents are written with the statement's version
 * as an external version ({@code external_gte}), so an older state never replaces a newer one.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class StatementIndex {

    private static final String DEFINITION = "/search/opensearch-index.json";

    private final SearchCluster cluster;
    private final int shards;
    private final int replicas;
    private final byte[] definition;
    private final String layout;

    public StatementIndex(
            SearchCluster cluster,
            @ConfigProperty(name = "demarche.search.shards") int shards,
            @ConfigProperty(name = "demarche.search.replicas") int replicas) {
        this.cluster = cluster;
        this.shards = shards;
        this.replicas = replicas;
        try (InputStream in = StatementIndex.class.getResourceAsStream(DEFINITION)) {
            definition = in.readAllBytes();
            MessageDigest digest = Sha256.digest();
            digest.update(definition);
            layout = Sha256.hex(digest, OpenSearchDocuments.VERSION.getBytes()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alias searches and the indexer use. */
    public String alias() {
        return cluster.name("statements");
    }

    /** Whether the alias names an index written in this layout from the database with this key. */
    boolean current(String databaseKey) {
        JsonNode mappings = cluster.call("GET", "/" + alias() + "/_mapping", null);
        if (mappings == null || mappings.size() != 1) {
            return false;
        }
        JsonNode meta = mappings.elements().next().path("mappings").path("_meta");
        return layout.equals(meta.path("layout").asText())
                && databaseKey.equals(meta.path("database").asText());
    }

    /** Creates an empty index in this layout for the database with this key, not yet under the alias. */
    String create(String databaseKey) {
        try {
            ObjectNode body = (ObjectNode) cluster.json().readTree(definition);
            ObjectNode index = (ObjectNode) body.path("settings").path("index");
            index.put("number_of_shards", shards)
                    .put("number_of_replicas", replicas)
                    .put("refresh_interval", "1s");
            ((ObjectNode) body.path("mappings"))
                    .putObject("_meta")
                    .put("layout", layout)
                    .put("database", databaseKey);
            String name = alias() + "-" + System.currentTimeMillis();
            cluster.call("PUT", "/" + name, body);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the alias on this index alone and deletes the indices it named before. An index holding the
     * alias's own name (an older version of this app could make one by writing while the alias was
     * missing) is removed in the same step, or the alias could never be created.
     */
    void swapTo(String index) {
        List<String> previous = new ArrayList<>();
        JsonNode named = cluster.call("GET", "/_alias/" + alias(), null);
        if (named != null) {
            named.fieldNames().forEachRemaining(previous::add);
        }
        List<Object> actions = new ArrayList<>();
        previous.forEach(old -> actions.add(Map.of("remove", Map.of("index", old, "alias", alias()))));
        JsonNode squatting = cluster.call("GET", "/" + alias(), null);
        if (squatting != null && squatting.has(alias())) {
            actions.add(Map.of("remove_index", Map.of("index", alias())));
        }
        actions.add(Map.of("add", Map.of("index", index, "alias", alias())));
        cluster.call("POST", "/_aliases", Map.of("actions", actions));
        for (String old : previous) {
            if (!old.equals(index)) {
                cluster.call("DELETE", "/" + old, null);
            }
        }
    }

    /**
     * Writes these statements and deletes these ids (each with the last version it had) in one bulk request,
     * visible to searches when it returns. A version conflict means a newer state is there already. A
     * write through the alias requires it to exist ({@code require_alias}): should the cluster have lost
     * the index, OpenSearch would otherwise create a new one under the alias's name with guessed mappings,
     * and searches would fail until someone deleted it. The write fails as unavailable instead, and the
     * follower checks the index again (and rebuilds it) before it goes on.
     */
    void write(String index, List<Statement> statements, Map<UUID, Long> deleted) {
        if (statements.isEmpty() && deleted.isEmpty()) {
            return;
        }
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        try {
            for (Statement statement : statements) {
                line(
                        ndjson,
                        Map.of(
                                "index",
                                Map.of(
                                        "_index",
                                        index,
                                        "_id",
                                        statement.id.toString(),
                                        "version",
                                        statement.version,
                                        "version_type",
                                        "external_gte")));
                line(ndjson, OpenSearchDocuments.of(statement));
            }
            for (Map.Entry<UUID, Long> gone : deleted.entrySet()) {
                line(
                        ndjson,
                        Map.of(
                                "delete",
                                Map.of(
                                        "_index",
                                        index,
                                        "_id",
                                        gone.getKey().toString(),
                                        "version",
                                        gone.getValue(),
                                        "version_type",
                                        "external_gte")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode answer = cluster.call(
                "POST",
                "/_bulk",
                ndjson.toByteArray(),
                Map.of("refresh", "true", "require_alias", Boolean.toString(index.equals(alias()))));
        if (answer.path("errors").asBoolean()) {
            for (Iterator<JsonNode> items = answer.path("items").elements(); items.hasNext(); ) {
                JsonNode item = items.next().elements().next();
                if ("index_not_found_exception"
                        .equals(item.path("error").path("type").asText())) {
                    throw new SearchUnavailableException(
                            "the search index is missing: "
                                    + item.path("error").path("reason").asText(),
                            null);
                }
                int status = item.path("status").asInt();
                if (status >= 500 || status == 429) {
                    throw new SearchUnavailableException("OpenSearch could not write: " + item.path("error"), null);
                }
                if (status >= 400 && status != 409 && status != 404) {
                    throw new IllegalStateException("OpenSearch refused a document: " + item.path("error"));
                }
            }
        }
    }

    private void line(ByteArrayOutputStream out, Object value) throws IOException {
        out.write(cluster.json().writeValueAsBytes(value));
        out.write('\n');
    }
}
