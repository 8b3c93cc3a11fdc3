package org.demarche.ingest.transcript;

/** Examples for the OpenAPI document; TranscriptResourceTest checks that the answer example is what the rules give. */
final class TranscriptExamples {

    private TranscriptExamples() {}

    static final String REQUEST = """
            {
              "title": "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on October 27, 2023",
              "text": "AFP: Can you share your impression of him?\\nMao Ning: We deeply mourn for him. Xinhua News Agency has issued a press release on that."
            }""";

    static final String CANDIDATES = """
            {
              "kind": "briefing",
              "kindDetected": true,
              "turns": [
                {
                  "speaker": null,
                  "attribution": "AFP",
                  "role": null,
                  "isQuestion": true,
                  "asker": "AFP",
                  "parts": [
                    {
                      "start": 5,
                      "end": 42
                    }
                  ]
                },
                {
                  "speaker": {
                    "mention": "Mao Ning",
                    "name": "Mao Ning",
                    "officialId": null,
                    "matchedBy": null,
                    "organization": false,
                    "proposed": {
                      "name": "Mao Ning",
                      "aliases": [],
                      "country": null,
                      "title": "Foreign Ministry Spokesperson",
                      "organization": null,
                      "wikidataId": null,
                      "offices": []
                    }
                  },
                  "attribution": "Mao Ning",
                  "role": "Foreign Ministry Spokesperson",
                  "isQuestion": false,
                  "asker": null,
                  "parts": [
                    {
                      "start": 53,
                      "end": 132
                    }
                  ]
                }
              ],
              "candidates": [
                {
                  "text": "We deeply mourn for him. Xinhua News Agency has issued a press release on that.",
                  "quoteType": "direct_quote",
                  "parts": [
                    {
                      "start": 53,
                      "end": 132
                    }
                  ],
                  "speaker": {
                    "mention": "Mao Ning",
                    "name": "Mao Ning",
                    "officialId": null,
                    "matchedBy": null,
                    "organization": false,
                    "proposed": {
                      "name": "Mao Ning",
                      "aliases": [],
                      "country": null,
                      "title": "Foreign Ministry Spokesperson",
                      "organization": null,
                      "wikidataId": null,
                      "offices": []
                    }
                  },
                  "confidence": 0.95,
                  "attribution": "Mao Ning",
                  "role": "Foreign Ministry Spokesperson",
                  "inReplyTo": {
                    "text": "Can you share your impression of him?",
                    "asker": "AFP"
                  },
                  "signatories": []
                }
              ]
            }""";
}
