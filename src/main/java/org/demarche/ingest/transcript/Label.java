package org.demarche.ingest.transcript;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.ingest.Span;

/**
 * A speaker's label at the start of a paragraph, as printed: "Mao Ning:", "MR MILLER:", "Q:", "AFP:",
 * "Matthew Miller (00:00):", "Shri Randhir Jaiswal, Official Spokesperson:", "Mr. Nebenzia (Russian Federation)
 * (spoke in Russian):". {@link #name} is the words before any comma or bracket; {@link #role} the words after
 * a comma; {@link #kind} what the label says about the turn before the speakers are weighed.
 */
record Label(Span printed, String name, String role, Kind kind) {

    enum Kind {
        /** "Q", "QUESTION", "Journalist", "Speaker 2": a question from someone not named. */
        question,
        /** "A", "Answer": an answer from the official the title names. */
        answer,
        /** "AFP", "Xinhua News Agency": a question from a news outlet. */
        outlet,
        /** "Moderator", "Operator": someone who runs the event, not a speaker of record. */
        moderator,
        /** A person or a title: "Mao Ning", "MR MILLER", "FOREIGN MINISTER". */
        person
    }

    /** Name words, then bracketed notes (a time, a country, "spoke in French"), then the colon. */
    private static final Pattern LABEL = Pattern.compile(
            "^[ \\t\\u00A0]*(?<name>[^\\s:()“”\"«»][^:()\\n“”\"«»]{0,79}?)(?<notes>(?:[ \\t]*\\([^()\\n]{1,40}\\)){0,4})[ \\t]*:(?=\\s|$)");

    private static final Pattern NAME_WORD = Pattern.compile("(?:\\p{Lu}|\\d)[\\p{L}\\p{M}\\d.'’\\-]*|\\p{Lu}\\.");
    private static final Set<String> CONNECTORS = Set.of(
            "of", "the", "de", "da", "del", "der", "di", "du", "van", "von", "bin", "ibn", "al", "el", "for", "and",
            "on", "la", "le", "y", "&", "at", "to", "in");
    /** First words of prose that a colon follows ("Note:", "First:"), which no speaker is called. */
    private static final Set<String> NOT_SPEAKERS = Set.of(
            "note",
            "notes",
            "editor",
            "editors",
            "source",
            "sources",
            "photo",
            "photos",
            "update",
            "updated",
            "read",
            "see",
            "also",
            "tags",
            "related",
            "watch",
            "video",
            "date",
            "time",
            "location",
            "venue",
            "place",
            "subject",
            "re",
            "attention",
            "example",
            "warning",
            "summary",
            "background",
            "agenda",
            "topics",
            "topic",
            "highlights",
            "transcript",
            "keywords",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "finally",
            "today",
            "yesterday",
            "tomorrow",
            "here",
            "there",
            "this",
            "that",
            "these",
            "it",
            "we",
            "they",
            "i",
            "he",
            "she",
            "in",
            "on",
            "at",
            "for",
            "as",
            "and",
            "but",
            "or",
            "so",
            "why",
            "what",
            "how",
            "who",
            "when",
            "where",
            "which",
            "please",
            "dear",
            "ladies",
            "thank",
            "thanks",
            "quote",
            "unquote",
            "excerpt",
            "colleagues",
            "friends",
            "excellencies",
            "contents",
            "chapter",
            "section",
            "part",
            "article",
            "annex",
            "paragraph",
            "item",
            "statement",
            "remarks",
            "press",
            "joint",
            "readout",
            "speech",
            "interview",
            "briefing",
            "following",
            "signed",
            "signatories",
            "participants",
            "present",
            "mr",
            "ms",
            "mrs",
            "dr");

    private static final Set<String> QUESTIONERS = Set.of(
            "q",
            "question",
            "questions",
            "journalist",
            "journalists",
            "reporter",
            "reporters",
            "correspondent",
            "participant",
            "audience",
            "audience member",
            "unidentified",
            "unknown",
            "voice",
            "interviewer",
            "presenter",
            "host",
            "anchor",
            "media",
            "press");
    private static final Set<String> ANSWERERS = Set.of("a", "answer");
    private static final Set<String> MODERATORS = Set.of("moderator", "operator", "facilitator", "mc", "emcee");
    /** Words of news outlets' names ("Xinhua News Agency", "Phoenix TV", "The Paper"). */
    private static final Pattern OUTLET = Pattern.compile(
            "(?i)\\b(?:news|tv|television|radio|agency|times|daily|post|press|media|network|journal|broadcasting"
                    + "|broadcast|channel|tribune|herald|gazette|telegraph|magazine|weekly|newspaper|reuters|afp|ap"
                    + "|bloomberg|nhk|kyodo|yonhap|xinhua|cctv|cgtn|cnr|cri|tass|ria|sputnik|bbc|cnn|al jazeera|rt"
                    + "|anadolu|interfax|nikkei|asahi|mainichi|yomiuri|efe|ansa|dpa|pti|ani|ians|kbs|mbc|sbs|tbs|ntv"
                    + "|abc|nbc|cbs|fox|npr|pbs|politico|axios|wion|bernama|antara|prensa latina|tanjug|lusa"
                    + "|ukrinform|izvestia|kommersant|rbc|phoenix|the paper|caixin|straits|zaobao|ta kung pao"
                    + "|wen wei po|global times|china daily|people's daily|guangming|dawn|app|efe|arirang|nrk|ard|zdf"
                    + "|rai|tvp|ctv|cbc|rtve|euronews|france 24|dw|voa|rfi|fuji|jiji|kompas|vnexpress|vna|prensa"
                    + "|the hindu|hindustan|sana|irna|mehr|isna|wafa|mena|kuna|wam|spa|qna|ukr|rtl|sky|itv|channel"
                    + "|shimbun|sankei|jiji|belta|kazinform|azertac|armenpress|trend|apa|georgia today|interpressnews|hina|bta|agerpres"
                    + "|mti|ctk|tasr|pap|ukrinform|elta|bns|leta|stt|ntb|tt|ritzau|anp|belga|keystone|apa|ap)\\b");

    private static final Pattern SPEAKER_NUMBER = Pattern.compile("(?:speaker|participant|journalist|question) ?\\d+");

    /** A verbatim record's running head on a line of its own: "(Sir Crispin Tickell, United Kingdom)". */
    private static final Pattern RUNNING_HEAD = Pattern.compile(
            "^[ \\t]*\\((?<name>\\p{Lu}[^,()\\n]{2,60}), (?<country>\\p{Lu}[^,()\\n]{2,60})\\)[ \\t]*$");

    /** The label a paragraph opens with, or null. */
    static Label at(String text, Span paragraph) {
        Matcher head = RUNNING_HEAD.matcher(paragraph.of(text));
        if (head.matches() && namesSomeone(head.group("name"))) {
            return new Label(paragraph, head.group("name"), "representative of " + head.group("country"), Kind.person);
        }
        Matcher m = LABEL.matcher(text).region(paragraph.start(), paragraph.end());
        if (!m.lookingAt()) {
            return null;
        }
        String whole = m.group("name").strip();
        int comma = whole.indexOf(',');
        String name = (comma < 0 ? whole : whole.substring(0, comma)).strip();
        String role = comma < 0 ? null : whole.substring(comma + 1).strip();
        if (!namesSomeone(name) || role != null && !role.isEmpty() && !namesSomeone(role)) {
            return null;
        }
        String folded = name.toLowerCase(Locale.ROOT).replace(".", "").strip();
        Kind kind = QUESTIONERS.contains(folded)
                        || SPEAKER_NUMBER.matcher(folded).matches()
                ? Kind.question
                : ANSWERERS.contains(folded)
                        ? Kind.answer
                        : MODERATORS.contains(folded)
                                ? Kind.moderator
                                // "Foreign Press Secretary Kawamura" has an outlet's word but is a role and a name.
                                : SpeakerNames.parse(name).role() == null
                                                        && OUTLET.matcher(name).find()
                                                || role != null
                                                        && OUTLET.matcher(role).find()
                                        ? Kind.outlet
                                        : Kind.person;
        return new Label(new Span(m.start(), m.end()), name, role == null || role.isEmpty() ? null : role, kind);
    }

    /** Capitalised words (and connectors between them), at most eight, not the opening words of prose. */
    private static boolean namesSomeone(String words) {
        String[] parts = words.split("[ \\t\\u00A0]+");
        if (parts.length == 0 || parts.length > 8 || words.isEmpty()) {
            return false;
        }
        if (NOT_SPEAKERS.contains(parts[0].toLowerCase(Locale.ROOT).replace(".", ""))
                && !QUESTIONERS.contains(words.toLowerCase(Locale.ROOT))
                && !isHonorific(parts)) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            boolean capital = NAME_WORD.matcher(parts[i]).matches();
            boolean connector = i > 0 && i < parts.length - 1 && CONNECTORS.contains(parts[i].toLowerCase(Locale.ROOT));
            if (!capital && !connector) {
                return false;
            }
        }
        return true;
    }

    /** "MR MILLER", "Ms. Zakharova": an honorific and a name, which is a speaker even though "Mr" starts it. */
    private static boolean isHonorific(String[] parts) {
        return parts.length > 1
                && Set.of("mr", "ms", "mrs", "dr")
                        .contains(parts[0].toLowerCase(Locale.ROOT).replace(".", ""));
    }

    boolean asksQuestions() {
        return kind == Kind.question || kind == Kind.outlet;
    }
}
