package org.demarche.position;

/** Request and response examples for the OpenAPI document, taken from the sample article. */
final class PositionExamples {

    private PositionExamples() {}

    static final String REQUEST = """
            {
              "officialId": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01",
              "topicId": "0e6f3c1a-8d52-4a7b-9c0e-5b2f6a7d8e91",
              "stance": "opposes",
              "label": "Ceasefire rejected",
              "conditions": ["reliable, legally binding agreements"],
              "validFrom": "2024-11",
              "validTo": null,
              "evidence": [{"statementId": "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "relation": "supports"}]
            }""";

    static final String RESPONSE = """
            {
              "id": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
              "officialId": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01",
              "official": {"id": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01", "name": "Sergei Lavrov", "country": "RU"},
              "topicId": "0e6f3c1a-8d52-4a7b-9c0e-5b2f6a7d8e91",
              "topic": {"id": "0e6f3c1a-8d52-4a7b-9c0e-5b2f6a7d8e91", "slug": "ceasefire", "name": "Ceasefire"},
              "stance": "opposes",
              "label": "Ceasefire rejected",
              "conditions": ["reliable, legally binding agreements"],
              "validFrom": "2024-11",
              "validTo": null,
              "current": true,
              "evidence": [{"statementId": "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "relation": "supports"}],
              "createdAt": "2024-11-25T10:00:00Z",
              "updatedAt": "2024-11-25T10:00:00Z",
              "version": 0
            }""";

    static final String PATCH = """
            {"label": "Temporary ceasefire rejected"}""";
}
