package org.demarche.ingest.transcript;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.demarche.ingest.ArticleRules;
import org.demarche.ingest.ArticleRules.Named;
import org.demarche.ingest.Span;
import org.demarche.ingest.transcript.Reading.Said;
import org.demarche.ingest.transcript.Reading.Spoken;
import org.demarche.statement.QuoteType;

/**
 * Reads a transcript whose turns are labelled: "Mao Ning:", "MR MILLER:", "Q:", "AFP:", "Matthew Miller
 * (00:00):". A labelled paragraph opens a turn; a paragraph without a label continues it. Who asks and who
 * answers is weighed per label: outlets, "Q" and "QUESTION" ask; a label with a role ("FOREIGN MINISTER"), an
 * honorific in capitals ("MR MILLER"), or a name the title gives answers; of the other names, those whose turns
 * mostly ask, or who go by a first name only, ask. "A:" and a role alone are the official the title names.
 * Paragraphs before the first label are the main official's opening remarks, after any heading lines.
 * Every answering turn that states something is a statement, in reply to the questions just before it.
 */
final class LabelledTranscript {

    /** A transcript needs at least this many labelled turns to be read by its labels. */
    static final int FEWEST_LABELS = 2;

    private static final Pattern HEADING_DATE =
            Pattern.compile("(?i)^[\\d\\s:./,-]*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,4})?[\\d\\s:./,-]*$");
    /** A short moderation line naming who asks next: "Humeyra, go ahead.", "Yes, Said.", "Go ahead, Matt." */
    private static final Pattern CALLS_ON = Pattern.compile(
            "^(?:(?:Yes|Okay|OK|Sure|Please|All right)[,.]?\\s+)?(?:go ahead,\\s+)?(\\p{Lu}[\\p{L}'’\\-]+)(?:[,.]|\\s+go ahead|$)",
            Pattern.CASE_INSENSITIVE);

    /** A note about the transcript rather than words of it: "This is a provisional translation …". */
    private static final Pattern NOTE = Pattern.compile(
            "(?i)provisional translation|unofficial translation|for reference purpose|check against delivery"
                    + "|as prepared for delivery|as delivered");

    private final String text;
    private final String title;
    private final List<Named> people;

    /** Everyone who speaks under one label, weighed over all their turns. */
    private static final class Voice {
        final Label label;
        final SpeakerNames.Parsed parsed;
        int turns;
        int asking;
        int words;
        boolean official;
        boolean asks;
        Named speaker;
        double confidence;

        Voice(Label label) {
            this.label = label;
            this.parsed = SpeakerNames.parse(label.name());
        }
    }

    /** A turn as read: its voice (null for the paragraphs before the first label) and its words. */
    private record Read(Voice voice, List<Span> parts) {}

    private LabelledTranscript(String text, String title) {
        this.text = text;
        this.title = title;
        this.people = ArticleRules.people(title == null ? text : title + "\n" + text);
    }

    /** The turns and statements, or null when the transcript has too few labels to be read by them. */
    static Reading read(String text, String title, TranscriptKind kind, boolean detected) {
        return new LabelledTranscript(text, title).read(kind, detected);
    }

    /** How many paragraphs open with a speaker's label. */
    static int labels(String text) {
        return (int) Paragraphs.of(text).stream()
                .filter(p -> Label.at(text, p) != null)
                .count();
    }

    private Reading read(TranscriptKind kind, boolean detected) {
        Map<String, Voice> voices = new LinkedHashMap<>();
        List<Span> before = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        for (Span paragraph : Paragraphs.of(text)) {
            Label label = Label.at(text, paragraph);
            if (label == null) {
                (reads.isEmpty() ? before : reads.get(reads.size() - 1).parts()).add(paragraph);
                continue;
            }
            Voice voice = voices.computeIfAbsent(key(label), k -> new Voice(label));
            Read read = new Read(voice, new ArrayList<>());
            Span words = Paragraphs.trimmed(text, label.printed().end(), paragraph.end());
            if (words != null) {
                read.parts().add(words);
            }
            reads.add(read);
        }
        if (reads.size() < FEWEST_LABELS) {
            return null;
        }
        for (Read read : reads) {
            Voice voice = read.voice();
            String words = joined(read.parts());
            voice.turns++;
            voice.asking += words.contains("?") ? 1 : 0;
            voice.words += words.isBlank() ? 0 : words.split("\\s+").length;
        }
        weigh(voices.values());
        Voice main = voices.values().stream()
                .filter(v -> v.official && v.speaker != null)
                .max((a, b) -> Integer.compare(a.words, b.words))
                .orElse(null);
        List<Spoken> turns = new ArrayList<>();
        List<Said> statements = new ArrayList<>();
        List<Span> opening = withoutHeadings(before);
        if (!opening.isEmpty()) {
            boolean asks = joined(opening).strip().endsWith("?");
            Spoken spoken = new Spoken(
                    asks || main == null ? null : main.speaker,
                    null,
                    asks || main == null ? null : main.parsed.role(),
                    asks,
                    null,
                    List.copyOf(opening));
            turns.add(spoken);
            if (!asks && main != null && !Procedure.runsTheEvent(joined(opening))) {
                statements.add(said(spoken, spoken.parts(), main.confidence - 0.15, null));
            }
        }
        List<Spoken> asked = new ArrayList<>();
        Spoken previous = null;
        for (Read read : reads) {
            Voice voice = read.voice();
            String asker = voice.asks ? asker(voice, previous) : null;
            Spoken spoken = new Spoken(
                    voice.asks && voice.label.kind() != Label.Kind.person ? null : voice.speaker,
                    attribution(voice.label),
                    role(voice),
                    voice.asks,
                    asker,
                    List.copyOf(read.parts()));
            turns.add(spoken);
            previous = spoken;
            if (voice.asks) {
                asked.add(spoken);
                continue;
            }
            String words = joined(read.parts());
            if (voice.official
                    && !read.parts().isEmpty()
                    && (!Procedure.runsTheEvent(words) || !asked.isEmpty() && Procedure.confirms(words))) {
                statements.add(said(
                        spoken,
                        substance(spoken.parts()),
                        voice.confidence,
                        asked.isEmpty() ? null : asked.get(asked.size() - 1)));
                asked.clear();
            }
        }
        return new Reading(kind != null ? kind : shape(voices.values()), detected, turns, statements);
    }

    /** An answer's paragraphs without the sentences after what it states that run the event. */
    private List<Span> substance(List<Span> parts) {
        List<Span> kept = new ArrayList<>(parts);
        Span last = kept.get(kept.size() - 1);
        kept.set(kept.size() - 1, new Span(last.start(), last.start() + Procedure.substanceEnd(last.of(text))));
        return List.copyOf(kept);
    }

    /**
     * The kind the turns' shape says, when the title says none: one journalist named by the label is an
     * interview, anything else a briefing, the most common labelled transcript.
     */
    private static TranscriptKind shape(Iterable<Voice> voices) {
        int asking = 0;
        int named = 0;
        for (Voice voice : voices) {
            if (voice.asks) {
                asking++;
                named += voice.label.kind() == Label.Kind.person ? 1 : 0;
            }
        }
        return asking == 1 && named == 1 ? TranscriptKind.interview : TranscriptKind.briefing;
    }

    private Said said(Spoken spoken, List<Span> parts, double confidence, Spoken question) {
        return new Said(
                parts,
                QuoteType.direct_quote,
                spoken.speaker(),
                Math.round(confidence * 100) / 100.0,
                spoken.attribution(),
                spoken.role(),
                question,
                List.of());
    }

    /**
     * Decides who asks and who answers, and who each answering voice is. A voice answers by its label: "A",
     * a role ("SECRETARY BLINKEN", "FOREIGN MINISTER"), or a name the title gives after a role. Beside such a
     * voice, another name answers only when none of its turns asks (a second delegate in a verbatim record), so
     * the presenter of an interview asks. Where no label says who answers, a name with an honorific in capitals
     * answers ("MR MILLER", the State Department's style), and so do the name that speaks most and a full name
     * whose turns mostly do not ask. A first name alone asks ("Matt").
     */
    private void weigh(Collection<Voice> all) {
        Named titled = titledOfficial();
        List<Voice> named = new ArrayList<>();
        for (Voice voice : all) {
            switch (voice.label.kind()) {
                case question, outlet -> voice.asks = true;
                case moderator -> {}
                case answer -> titled(voice, titled, 0.8);
                case person -> {
                    if (voice.parsed.name() == null) {
                        titled(voice, titled, 0.85);
                    } else if (voice.parsed.role() != null
                            || SpeakerNames.isRole(voice.label.role())
                            || inTitle(voice)) {
                        official(voice);
                    } else {
                        named.add(voice);
                    }
                }
            }
        }
        boolean known = all.stream().anyMatch(voice -> voice.official);
        Voice most = named.stream()
                .max(Comparator.comparingInt(voice -> voice.words))
                .orElse(null);
        for (Voice voice : named) {
            boolean firstNameAlone = !voice.parsed.name().contains(" ");
            boolean answers = known
                    ? voice.asking == 0 && !firstNameAlone
                    : capitalHonorific(voice.label)
                            || voice == most
                            || voice.asking * 2 < voice.turns && !firstNameAlone;
            if (answers) {
                official(voice);
            } else {
                voice.asks = true;
                voice.speaker = new Named(voice.parsed.name(), null, null, false);
            }
        }
    }

    /** The role the label gives, else the one the title gives the speaker ("Foreign Minister Sergey Lavrov’s …"). */
    private static String role(Voice voice) {
        if (voice.parsed.role() != null || voice.label.role() != null) {
            return voice.parsed.role() != null ? voice.parsed.role() : voice.label.role();
        }
        return voice.official && voice.speaker != null ? voice.speaker.title() : null;
    }

    private static void titled(Voice voice, Named titled, double confidence) {
        voice.official = true;
        voice.speaker = titled;
        voice.confidence = titled == null ? 0.3 : confidence;
    }

    private void official(Voice voice) {
        voice.official = true;
        String name = SpeakerNames.fullest(voice.parsed.name(), people);
        Named known =
                people.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        String role = voice.parsed.role() != null ? voice.parsed.role() : voice.label.role();
        if (role == null && title != null) {
            Named titled = SpeakerNames.known(name, SpeakerNames.titled(title));
            role = titled == null ? null : titled.title();
        }
        voice.speaker = new Named(
                name,
                role != null ? role : known == null ? null : known.title(),
                known == null ? null : known.country(),
                false);
        voice.confidence = 0.95;
    }

    /** The official the title names ("Foreign Minister Sergey Lavrov’s remarks …"), for "A:" and a role alone. */
    private Named titledOfficial() {
        return title == null
                ? null
                : SpeakerNames.titled(title).stream().findFirst().orElse(null);
    }

    private boolean inTitle(Voice voice) {
        if (title == null) {
            return false;
        }
        String name = voice.parsed.name();
        String surname = SpeakerNames.folded(name.substring(name.lastIndexOf(' ') + 1));
        return SpeakerNames.titled(title).stream()
                .anyMatch(titled -> SpeakerNames.folded(titled.name()).matches("(?:.* )?" + Pattern.quote(surname)));
    }

    private static boolean capitalHonorific(Label label) {
        return label.name().matches("(?:MR|MS|MRS|DR)\\.? \\p{Lu}[\\p{Lu}\\p{M}'’\\- ]+");
    }

    /** Who asks a question: the outlet or journalist of its label, else the one the official just called on. */
    private String asker(Voice voice, Spoken previous) {
        if (voice.label.kind() == Label.Kind.outlet) {
            return voice.label.name();
        }
        if (voice.label.kind() == Label.Kind.person) {
            return voice.parsed.name();
        }
        if (previous != null && !previous.question() && previous.parts().size() == 1) {
            String words = previous.parts().get(0).of(text).strip();
            Matcher called = CALLS_ON.matcher(words);
            if (words.split("\\s+").length <= 4
                    && called.find()
                    && !called.group(1).equalsIgnoreCase("go")) {
                return called.group(1);
            }
        }
        return null;
    }

    /**
     * The paragraphs before the first label without the heading lines: the title, a date, a short line, a line that
     * names the event as a title does ("Foreign Minister Sergey Lavrov’s answers to media questions …, New York").
     */
    private List<Span> withoutHeadings(List<Span> paragraphs) {
        List<Span> kept = new ArrayList<>();
        for (Span paragraph : paragraphs) {
            String words = paragraph.of(text).strip();
            boolean heading = words.equals(title)
                    || NOTE.matcher(words).find()
                    || HEADING_DATE.matcher(words).matches()
                    || kept.isEmpty()
                            && (words.split("\\s+").length <= 4
                                    || (words.split("\\s+").length <= 15 || TranscriptRules.fromTitle(words) != null)
                                            && !words.matches("(?s).*[.!?\"”]$"));
            if (!heading) {
                kept.add(paragraph);
            }
        }
        return kept;
    }

    private String joined(List<Span> parts) {
        return parts.stream().map(part -> part.of(text)).collect(Collectors.joining("\n"));
    }

    private static String key(Label label) {
        return SpeakerNames.folded(label.name()).replace(".", "").replaceAll("\\s+", " ");
    }

    private static String attribution(Label label) {
        return label.role() == null ? label.name() : label.name() + ", " + label.role();
    }
}
