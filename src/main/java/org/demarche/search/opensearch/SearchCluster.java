package org.demarche.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opensearch.client.RestClient;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.rest_client.RestClientTransport;

/**
 * The OpenSearch cluster the PostgreSQL set-up searches: one or more hosts ({@code DEMARCHE_SEARCH_URL},
 * comma-separated; TLS where the scheme is https), basic authentication when a user is given, and the
 * prefix of every index name, so that several deployments can share a cluster. Requests carry JSON in
 * OpenSearch's own query language through the client's generic API; a cluster that cannot be reached, or
 * answers 5xx, is {@link SearchUnavailableException}.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class SearchCluster {

    private final ObjectMapper json = new ObjectMapper();
    private final RestClient rest;
    private final OpenSearchGenericClient client;
    private final String prefix;

    public SearchCluster(
            @ConfigProperty(name = "demarche.search.url") String urls,
            @ConfigProperty(name = "demarche.search.user") Optional<String> user,
            @ConfigProperty(name = "demarche.search.password") Optional<String> password,
            @ConfigProperty(name = "demarche.search.index-prefix") String prefix) {
        HttpHost[] hosts = Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(URI::create)
                .map(url -> new HttpHost(
                        url.getHost(),
                        url.getPort() < 0 ? ("https".equals(url.getScheme()) ? 443 : 9200) : url.getPort(),
                        url.getScheme()))
                .toArray(HttpHost[]::new);
        this.rest = RestClient.builder(hosts)
                .setHttpClientConfigCallback(http -> {
                    if (user.isPresent()) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(
                                AuthScope.ANY, new UsernamePasswordCredentials(user.get(), password.orElse("")));
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    return http;
                })
                .setRequestConfigCallback(
                        request -> request.setConnectTimeout(2_000).setSocketTimeout(30_000))
                .build();
        this.client = new OpenSearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())).generic();
        this.prefix = prefix;
    }

    @PreDestroy
    void close() throws IOException {
        rest.close();
    }

    /** An index or alias name under this deployment's prefix. */
    public String name(String suffix) {
        return prefix + "-" + suffix;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Sends a request; the answer's JSON, or null for 404. Fails on other 4xx (a bug here) and when unavailable. */
    public JsonNode call(String method, String endpoint, Object body) {
        return call(method, endpoint, body, Map.of());
    }

    public JsonNode call(String method, String endpoint, Object body, Map<String, String> parameters) {
        try {
            Requests.JsonBodyBuilder request =
                    Requests.builder().method(method).endpoint(endpoint).query(parameters);
            if (body instanceof byte[] ndjson) {
                request.body(Body.from(ndjson, "application/x-ndjson"));
            } else if (body != null) {
                request.json(json.writeValueAsString(body));
            }
            return answer(request.build());
        } catch (IOException e) {
            throw new SearchUnavailableException("OpenSearch cannot be reached: " + e.getMessage(), e);
        }
    }

    private JsonNode answer(Request request) throws IOException {
        try (Response response = client.execute(request)) {
            String text = response.getBody().map(Body::bodyAsString).orElse("");
            int status = response.getStatus();
            if (status == 404) {
                return null;
            }
            if (status >= 500) {
                throw new SearchUnavailableException("OpenSearch answered " + status, null);
            }
            if (status >= 400) {
                throw new IllegalStateException("OpenSearch refused " + request.getMethod() + " "
                        + request.getEndpoint() + ": " + status + " " + text);
            }
            return text.isEmpty() ? json.createObjectNode() : json.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
