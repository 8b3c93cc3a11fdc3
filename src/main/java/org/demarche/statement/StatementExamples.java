package org.demarche.statement;

/** Request and response examples for the OpenAPI document, taken from the sample article. */
final class StatementExamples {

    private StatementExamples() {}

    static final String REQUEST = """
            {
              "officialId": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01",
              "text": "A ceasefire will not suit us.",
              "quoteType": "direct_quote",
              "language": "en",
              "statedOn": "2024-11",
              "venue": "Interview on Russian TV",
              "medium": "interview",
              "topicIds": ["0e6f3c1a-8d52-4a7b-9c0e-5b2f6a7d8e91"],
              "sourceIds": ["c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b"],
              "mentions": ["UA"],
              "verification": "unverified",
              "notes": "English rendering by Caliber.Az of remarks made in Russian"
            }""";

    static final String RESPONSE = """
            {
              "id": "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
              "officialId": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01",
              "official": {"id": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01", "name": "Sergei Lavrov", "country": "RU"},
              "text": "A ceasefire will not suit us.",
              "quoteType": "direct_quote",
              "language": "en",
              "statedOn": "2024-11",
              "venue": "Interview on Russian TV",
              "medium": "interview",
              "topicIds": ["0e6f3c1a-8d52-4a7b-9c0e-5b2f6a7d8e91"],
              "topics": [{"id": "0e6f3c1a-8d52-4a7b-9c0e-5b2f6a7d8e91", "slug": "ceasefire", "name": "Ceasefire"}],
              "sourceIds": ["c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b"],
              "sources": [{"id": "c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b", "outlet": "Caliber.Az",
                           "url": "https://caliber.az/en/post/fm-lavrov-emphasizes-russia-s-national-interests-in-potential-ukraine-negotiations",
                           "publishedAt": "2024-11"}],
              "mentions": ["UA"],
              "verification": "unverified",
              "notes": "English rendering by Caliber.Az of remarks made in Russian",
              "createdAt": "2024-11-25T10:00:00Z",
              "updatedAt": "2024-11-25T10:00:00Z",
              "version": 0
            }""";

    static final String PATCH = """
            {"verification": "verified"}""";
}
