package org.demarche.common.http;

import java.util.UUID;

/** A response body of one stored record: its id and version make its URL and ETag. */
public interface Representation {

    UUID id();

    long version();
}
