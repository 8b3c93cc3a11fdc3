package org.demarche.ingest;

/** Request and response examples for the OpenAPI document, taken from the sample article. */
final class IngestExamples {

    private IngestExamples() {}

    static final String REQUEST = """
            {
              "text": "Russian Foreign Minister Sergei Lavrov firmly rejected the idea of a temporary ceasefire. “A ceasefire will not suit us,” he asserted.",
              "url": "https://caliber.az/en/post/fm-lavrov-emphasizes-russia-s-national-interests-in-potential-ukraine-negotiations",
              "outlet": "Caliber.Az",
              "authors": ["Tamilla Hasanova"],
              "publishedAt": "2024-11",
              "language": "en",
              "medium": "interview"
            }""";

    static final String CANDIDATES = """
            {
              "sourceId": null,
              "candidates": [
                {
                  "text": "A ceasefire will not suit us",
                  "quoteType": "direct_quote",
                  "parts": [{"start": 91, "end": 119}],
                  "speaker": {
                    "mention": "he",
                    "name": "Sergei Lavrov",
                    "officialId": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01",
                    "matchedBy": "name",
                    "organization": false,
                    "proposed": null
                  },
                  "confidence": 0.9
                }
              ]
            }""";

    static final String REPORT = """
            {
              "sourceId": "c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "sourceCreated": true,
              "statements": [
                {
                  "candidate": 0,
                  "statementId": "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                  "outcome": "created",
                  "officialId": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01",
                  "officialCreated": false
                }
              ],
              "skipped": []
            }""";
}
