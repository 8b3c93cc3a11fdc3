package org.demarche.event;

/** Request and response examples for the OpenAPI document: a foreign ministry's press briefing. */
final class EventExamples {

    private EventExamples() {}

    static final String REQUEST = """
            {
              "kind": "briefing",
              "title": "Briefing by Foreign Ministry Spokeswoman Maria Zakharova",
              "heldOn": "2024-11-20",
              "venue": "Moscow",
              "hostId": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              "participantIds": ["2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"],
              "sourceIds": ["c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b"]
            }""";

    static final String RESPONSE = """
            {
              "id": "e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b",
              "kind": "briefing",
              "title": "Briefing by Foreign Ministry Spokeswoman Maria Zakharova",
              "heldOn": "2024-11-20",
              "venue": "Moscow",
              "hostId": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              "host": {"id": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "name": "Russian Foreign Ministry", "country": "RU"},
              "participantIds": ["2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"],
              "participants": [{"id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "name": "Maria Zakharova", "country": "RU"}],
              "sourceIds": ["c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b"],
              "sources": [{"id": "c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b", "outlet": "mid.ru",
                           "url": "https://mid.ru/en/press_service/spokesman/briefings/", "publishedAt": "2024-11-20"}],
              "createdAt": "2024-11-21T08:00:00Z",
              "updatedAt": "2024-11-21T08:00:00Z",
              "version": 0
            }""";

    static final String PATCH = """
            {"venue": "Moscow, Foreign Ministry press centre"}""";
}
