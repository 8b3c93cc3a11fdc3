package org.demarche.official;

/** Request and response examples for the OpenAPI document, taken from the sample article. */
final class OfficialExamples {

    private OfficialExamples() {}

    static final String REQUEST = """
            {
              "name": "Sergei Lavrov",
              "kind": "person",
              "aliases": ["Sergey Lavrov", "Sergei Viktorovich Lavrov"],
              "country": "RU",
              "title": "Minister of Foreign Affairs",
              "organization": "Ministry of Foreign Affairs of the Russian Federation",
              "wikidataId": "Q182003",
              "offices": [
                {"title": "Minister of Foreign Affairs", "organization": "Ministry of Foreign Affairs of the Russian Federation",
                 "country": "RU", "startDate": "2004-03-09", "endDate": null}
              ]
            }""";

    static final String RESPONSE = """
            {
              "id": "5f0c2a64-3c4e-4d8e-9a51-0b6f3f1f8a01",
              "name": "Sergei Lavrov",
              "kind": "person",
              "aliases": ["Sergey Lavrov", "Sergei Viktorovich Lavrov"],
              "country": "RU",
              "title": "Minister of Foreign Affairs",
              "organization": "Ministry of Foreign Affairs of the Russian Federation",
              "wikidataId": "Q182003",
              "offices": [
                {"title": "Minister of Foreign Affairs", "organization": "Ministry of Foreign Affairs of the Russian Federation",
                 "country": "RU", "startDate": "2004-03-09", "endDate": null}
              ],
              "createdAt": "2024-11-20T09:30:00Z",
              "updatedAt": "2024-11-20T09:30:00Z",
              "version": 0
            }""";

    static final String PATCH = """
            {"title": "Minister of Foreign Affairs", "aliases": ["Sergey Lavrov"]}""";
}
