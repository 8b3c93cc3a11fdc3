package org.demarche.topic;

/** Request and response examples for the OpenAPI document, taken from the sample article. */
final class TopicExamples {

    private TopicExamples() {}

    static final String REQUEST = """
            {
              "slug": "ceasefire",
              "name": "Ceasefire",
              "description": "A halt to fighting in the Russia-Ukraine war, temporary or lasting",
              "parentId": "7b1d9c70-2f7a-4c55-8a8e-3f1f0c6d2b10",
              "codes": {"cameo": "125"}
            }""";

    static final String RESPONSE = """
            {
              "id": "0e6f3c1a-8d52-4a7b-9c0e-5b2f6a7d8e91",
              "slug": "ceasefire",
              "name": "Ceasefire",
              "description": "A halt to fighting in the Russia-Ukraine war, temporary or lasting",
              "parentId": "7b1d9c70-2f7a-4c55-8a8e-3f1f0c6d2b10",
              "parent": {"id": "7b1d9c70-2f7a-4c55-8a8e-3f1f0c6d2b10", "slug": "ukraine-negotiations",
                         "name": "Ukraine negotiations"},
              "codes": {"cameo": "125"},
              "createdAt": "2024-11-20T09:30:00Z",
              "updatedAt": "2024-11-20T09:30:00Z",
              "version": 0
            }""";

    static final String PATCH = """
            {"description": "Proposals for a temporary or lasting halt to fighting"}""";
}
