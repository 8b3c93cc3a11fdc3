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
              "eventId": null,
              "event": null,
              "eventOrder": null,
              "attribution": null,
              "role": null,
              "inReplyTo": null,
              "createdAt": "2024-11-25T10:00:00Z",
              "updatedAt": "2024-11-25T10:00:00Z",
              "version": 0
            }""";

    /** A statement from a briefing transcript: its event, its place there, the speaker as printed, the question. */
    static final String BRIEFING_REQUEST = """
            {
              "officialId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
              "text": "We have said many times that a ceasefire will not suit us.",
              "quoteType": "direct_quote",
              "language": "en",
              "statedOn": "2024-11-20",
              "medium": "press_conference",
              "sourceIds": ["c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b"],
              "eventId": "e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b",
              "eventOrder": 3,
              "attribution": "M.V. ZAKHAROVA",
              "role": "Foreign Ministry Spokeswoman",
              "inReplyTo": {"question": "Will Moscow accept a ceasefire along the current line?", "asker": "RIA Novosti"}
            }""";

    static final String PATCH = """
            {"verification": "verified"}""";
}
