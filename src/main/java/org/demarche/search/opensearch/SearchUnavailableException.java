package org.demarche.search.opensearch;

/** OpenSearch cannot answer now (down, unreachable, or failing): a 503 with Retry-After, never a 500. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
