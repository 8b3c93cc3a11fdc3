package org.demarche.source;

/** Request and response examples for the OpenAPI document, taken from the sample article. */
final class SourceExamples {

    private SourceExamples() {}

    static final String REQUEST = """
            {
              "url": "https://caliber.az/en/post/fm-lavrov-emphasizes-russia-s-national-interests-in-potential-ukraine-negotiations",
              "outlet": "Caliber.Az",
              "title": "FM Lavrov emphasizes Russia's national interests in potential Ukraine negotiations",
              "authors": ["Tamilla Hasanova"],
              "publishedAt": "2024-11",
              "language": "en",
              "citing": "Russian media",
              "archiveUrl": null,
              "retrievedAt": "2024-11-25T10:00:00Z"
            }""";

    static final String RESPONSE = """
            {
              "id": "c3a4f1e2-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "url": "https://caliber.az/en/post/fm-lavrov-emphasizes-russia-s-national-interests-in-potential-ukraine-negotiations",
              "outlet": "Caliber.Az",
              "title": "FM Lavrov emphasizes Russia's national interests in potential Ukraine negotiations",
              "authors": ["Tamilla Hasanova"],
              "publishedAt": "2024-11",
              "language": "en",
              "citing": "Russian media",
              "archiveUrl": null,
              "retrievedAt": "2024-11-25T10:00:00Z",
              "createdAt": "2024-11-25T10:00:00Z",
              "updatedAt": "2024-11-25T10:00:00Z",
              "version": 0
            }""";

    static final String PATCH = """
            {"archiveUrl": "https://web.archive.org/web/2024/https://caliber.az/en/post/fm-lavrov"}""";
}
