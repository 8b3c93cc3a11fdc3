package org.demarche.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.ingest.ArticleRules;
import org.demarche.ingest.ArticleRules.Found;
import org.demarche.ingest.ArticleRules.Named;
import org.demarche.ingest.Span;
import org.demarche.ingest.transcript.Reading.Said;
import org.demarche.ingest.transcript.Reading.Spoken;
import org.demarche.statement.QuoteType;

/**
 * Reads a transcript whose turns are not labelled. A meeting record in the third person gives a statement per
 * paragraph that names its speaker ({@link ThirdPerson}), from the reported words on; a readout is read as an
 * article is, and "The two sides …" speaks for both people it names first; a joint statement is one
 * statement, of the signatories its title or closing lines name; a speech is one statement of the official
 * its title names. Turns are the runs of paragraphs with one speaker.
 */
final class ProseTranscript {

    private static final Pattern TITLE_PARTIES = Pattern.compile(
            "(?i)joint (?:statement|declaration|communiqu[eé]|press statement)\\s+(?:by|of|from|between|on behalf of)"
                    + "\\s+(?:the\\s+)?(?:(?:leaders|foreign ministers|ministers(?: of foreign affairs)?|governments"
                    + "|heads of state and government|heads of government|presidents|prime ministers)\\s+of\\s+(?:the\\s+)?)?"
                    + "(?<parties>.+?)(?:\\s+(?:on|regarding|concerning|about|following|at)\\s+.*)?$");
    private static final Pattern PARTIES_BEFORE = Pattern.compile(
            "^(?<parties>\\p{Lu}[\\p{L}.]*(?:[ -–—]\\p{Lu}[\\p{L}.]*){1,5})\\s+Joint (?:Statement|Declaration)");

    /** A media note's words around the statement it carries. */
    private static final Pattern WRAPPER =
            Pattern.compile("(?i)(?:following is|the following is|begin text|text of the)\\b");

    /**
     * A publisher's lead-in naming who release the statement below it: "ATHENS, 1 December 2009 - The Heads of
     * Delegation …, Foreign Minister of the Russian Federation Sergei Lavrov, …, released the following statement
     * today:".
     */
    private static final Pattern LEAD_IN = Pattern.compile(
            "\\b(?:released|issued|adopted|made|delivered)\\s+the\\s+following\\s+(?:joint\\s+)?(?:statement|declaration"
                    + "|communiqu[eé])\\b[^.\\n]{0,40}:$");
    /** A role, then a name of two words: "Deputy Secretary of State of the United States James Steinberg". */
    private static final Pattern ROLE_AND_NAME = Pattern.compile(
            "(?<role>\\p{Lu}[^,]{0,150}?)\\s+(?<name>\\p{Lu}[\\p{L}\\p{M}'’\\-]+\\s+\\p{Lu}[\\p{L}\\p{M}'’\\-]+)");
    /** The most paragraphs searched for a lead-in. */
    private static final int LEAD_IN_PARAGRAPHS = 5;

    /** A meeting record's heading that ends in a comma: "Seventy-second Session,". */
    private static final Pattern SESSION = Pattern.compile("(?i)^[^.!?]{0,60}\\b(?:session|meetings?|plenary),$");

    private static final Pattern PARTIES_AS_SUBJECT = Pattern.compile(
            "\\b(?:[Ff]oreign [Mm]inisters|[Mm]inisters of [Ff]oreign [Aa]ffairs|[Ll]eaders|[Gg]overnments|[Hh]eads of [Ss]tate"
                    + "(?: and [Gg]overnment)?) of (?<parties>(?:the )?\\p{Lu}.{2,1500}?),? (?:hereby |have |today |jointly )?"
                    + "(?:affirm|declare|met|state|express|reaffirm|agree|condemn|call|welcome|issue)");

    private final String text;
    private final String title;
    private final List<Span> paragraphs;

    private ProseTranscript(String text, String title) {
        this.text = text;
        this.title = title;
        this.paragraphs = Paragraphs.of(text);
    }

    static Reading read(String text, String title, TranscriptKind kind, boolean detected) {
        ProseTranscript prose = new ProseTranscript(text, title);
        if (kind == TranscriptKind.meeting_record || kind == TranscriptKind.readout) {
            List<Span> body = prose.body();
            Reading acts = new ReportedActs(text, title)
                    .read(kind, detected, body.isEmpty() ? 0 : body.get(0).start());
            return new Reading(
                    kind,
                    detected,
                    acts.turns(),
                    prose.withQuotes(
                            acts.statements(), body.isEmpty() ? 0 : body.get(0).start()));
        }
        List<Said> statements = kind == TranscriptKind.joint_statement ? prose.jointStatement() : prose.speech();
        return new Reading(kind, detected, prose.turns(statements), statements);
    }

    /** The lead-in of a statement that several people release, with their names, or null when there is none. */
    static String leadIn(String text) {
        List<Span> paragraphs = Paragraphs.of(text);
        for (Span paragraph : paragraphs.subList(0, Math.min(LEAD_IN_PARAGRAPHS, paragraphs.size()))) {
            String words = paragraph.of(text);
            if (LEAD_IN.matcher(words).find() && SpeakerNames.titled(words).size() >= 2) {
                return words;
            }
        }
        return null;
    }

    /**
     * The people a lead-in lists with their roles, each role followed by the name's last two words: "Foreign
     * Minister of the Russian Federation Sergei Lavrov" is Sergei Lavrov, Foreign Minister of the Russian
     * Federation.
     */
    private static List<Named> leadInSignatories(String leadIn) {
        Matcher verb = LEAD_IN.matcher(leadIn);
        String list = verb.find() ? leadIn.substring(0, verb.start()) : leadIn;
        List<Named> signatories = new ArrayList<>();
        for (String item : list.split(",\\s+(?:and\\s+)?|\\s+and\\s+")) {
            Matcher name = ROLE_AND_NAME.matcher(item.strip());
            if (name.matches() && SpeakerNames.isRole(name.group("role"))) {
                signatories.add(new Named(name.group("name"), name.group("role"), null, false));
            }
        }
        return signatories;
    }

    /** The statements with the quotations the article rules find, where no statement already has their words. */
    private List<Said> withQuotes(List<Said> statements, int bodyStart) {
        List<Said> all = new ArrayList<>(statements);
        for (Found found : ArticleRules.statements(text)) {
            if (found.quoteType() == QuoteType.paraphrase
                    || found.speaker() == null
                    || found.parts().get(0).start() < bodyStart) {
                continue;
            }
            if (statements.stream()
                    .noneMatch(s -> s.parts().stream()
                            .anyMatch(p -> found.parts().stream().anyMatch(q -> overlaps(p, q))))) {
                all.add(new Said(
                        found.parts(),
                        found.quoteType(),
                        found.speaker(),
                        found.confidence(),
                        found.mention(),
                        found.speaker().title(),
                        null,
                        List.of()));
            }
        }
        all.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return all;
    }

    /**
     * One statement of the whole body. Its signatories are the parties the title names ("Joint statement by the
     * Foreign Ministers of France, the United Kingdom and Germany"), else the lines of a "By" block under the
     * title ("Minister for Foreign Affairs Motegi"), else the closing lines ("Emmanuel Macron, Président de la
     * République française"), each without its role.
     */
    private List<Said> jointStatement() {
        List<Span> body = new ArrayList<>(body());
        List<Named> signatories =
                new ArrayList<>(titleParties().stream().map(this::party).toList());
        // A "By" line among the headings: the lines under it, up to the body, are the signatories.
        int bodyStart = body.isEmpty() ? text.length() : body.get(0).start();
        boolean by = false;
        for (Span line : paragraphs) {
            if (line.start() >= bodyStart) {
                break;
            }
            if (by) {
                signatories.add(signatory(line.of(text)));
            }
            by |= line.of(text).strip().equalsIgnoreCase("by");
        }
        String leadIn = leadIn(text);
        if (signatories.isEmpty() && leadIn != null) {
            signatories.addAll(leadInSignatories(leadIn));
        }
        List<Named> closing = new ArrayList<>();
        while (body.size() > 1 && signatureLine(body.get(body.size() - 1))) {
            closing.add(0, signatory(body.remove(body.size() - 1).of(text)));
        }
        if (signatories.isEmpty()) {
            signatories.addAll(closing);
        }
        if (signatories.isEmpty() && !body.isEmpty()) {
            signatories.addAll(partiesIn(body.get(0)));
        }
        if (body.isEmpty()) {
            return List.of();
        }
        return List.of(new Said(
                List.copyOf(body),
                QuoteType.direct_quote,
                signatories.isEmpty() ? null : signatories.get(0),
                signatories.isEmpty() ? 0.3 : 0.8,
                null,
                null,
                null,
                List.copyOf(signatories)));
    }

    /** A signature line's signatory: "Emmanuel Macron, Président …" is Emmanuel Macron; "Secretary of State Pompeo" is Pompeo. */
    private Named signatory(String line) {
        String words = line.strip();
        int comma = words.indexOf(',');
        if (comma > 0) {
            return new Named(
                    words.substring(0, comma).strip(),
                    words.substring(comma + 1).strip(),
                    null,
                    false);
        }
        List<Named> titled = SpeakerNames.titled(words);
        return titled.isEmpty() ? party(words) : titled.get(0);
    }

    private List<Said> speech() {
        List<Named> titled = title == null ? List.of() : SpeakerNames.titled(title);
        Named speaker = !titled.isEmpty()
                ? titled.get(0)
                : ArticleRules.people(title == null ? text : title).stream()
                        .filter(p -> !p.organization())
                        .findFirst()
                        .orElse(null);
        List<Span> body = body();
        if (body.isEmpty()) {
            return List.of();
        }
        return List.of(new Said(
                List.copyOf(body),
                QuoteType.direct_quote,
                speaker,
                speaker == null ? 0.3 : 0.8,
                null,
                speaker == null ? null : speaker.title(),
                null,
                List.of()));
    }

    /** Turns: each run of paragraphs whose statements have one speaker; a paragraph without any goes on the last. */
    private List<Spoken> turns(List<Said> statements) {
        List<Spoken> turns = new ArrayList<>();
        List<Span> parts = new ArrayList<>();
        Said current = null;
        for (Span paragraph : body()) {
            Said first = statements.stream()
                    .filter(s -> s.parts().stream().anyMatch(p -> overlaps(p, paragraph)))
                    .findFirst()
                    .orElse(null);
            if (first != null && current != null && !sameSpeaker(first, current) && !parts.isEmpty()) {
                turns.add(spoken(current, parts));
                parts = new ArrayList<>();
            }
            current = first != null ? first : current;
            parts.add(paragraph);
        }
        if (!parts.isEmpty()) {
            turns.add(spoken(current, parts));
        }
        return turns;
    }

    private static Spoken spoken(Said said, List<Span> parts) {
        boolean both = said != null
                && !said.signatories().isEmpty()
                && said.signatories().size() > 1;
        return new Spoken(
                said == null || both ? null : said.speaker(),
                said == null ? null : said.attribution(),
                said == null ? null : said.role(),
                false,
                null,
                List.copyOf(parts));
    }

    /** The paragraphs after the heading lines (the title, a date, short lines without a full stop). */
    private List<Span> body() {
        List<Span> body = new ArrayList<>();
        for (Span paragraph : paragraphs) {
            String words = paragraph.of(text).strip();
            // Headings: the title, a date, a subtitle; a line ending in a comma ("Mr Chairman,") opens the body unless
            // it names a session ("Seventy-second Session,").
            // A media note's wrapper ("Following is the text issued jointly by …", "BEGIN TEXT:") is a heading too.
            boolean heading = body.isEmpty()
                    && (words.equals(title)
                            || WRAPPER.matcher(words).lookingAt()
                            || SESSION.matcher(words).find()
                            || LEAD_IN.matcher(words).find()
                            || words.split("\\s+").length <= 40 && !words.matches("(?s).*[.!?\"”;,]$"));
            if (!heading) {
                body.add(paragraph);
            }
        }
        return body;
    }

    private List<String> titleParties() {
        List<String> parties = new ArrayList<>();
        String heading = title != null
                ? title
                : paragraphs.isEmpty() ? "" : paragraphs.get(0).of(text).strip();
        Matcher after = TITLE_PARTIES.matcher(heading);
        Matcher before = PARTIES_BEFORE.matcher(heading);
        String list = after.find() ? after.group("parties") : before.find() ? before.group("parties") : null;
        if (list != null) {
            parties.addAll(splitParties(list));
        }
        return parties;
    }

    /**
     * The parties a joint statement's first paragraph names as its subject: "the Foreign Ministers of the
     * Republic of Iraq, the Hashemite Kingdom of Jordan, … and the Islamic Republic of Mauritania hereby affirm".
     */
    private List<Named> partiesIn(Span paragraph) {
        Matcher subject = PARTIES_AS_SUBJECT.matcher(paragraph.of(text));
        if (!subject.find()) {
            return List.of();
        }
        return splitParties(subject.group("parties")).stream().map(this::party).toList();
    }

    /** "France, the United Kingdom and Germany": each party, without "the". */
    private static List<String> splitParties(String list) {
        List<String> parties = new ArrayList<>();
        for (String party : list.split("\\s*(?:,|\\band\\b|&|[-–—](?=\\p{Lu}))\\s*")) {
            String cleaned = party.strip().replaceFirst("^(?i)the ", "");
            if (!cleaned.isEmpty()) {
                parties.add(cleaned);
            }
        }
        return parties;
    }

    /** A short line without a closing full stop: a name, with or without a role. */
    private boolean signatureLine(Span line) {
        String words = line.of(text).strip();
        return words.split("\\s+").length <= 12
                && !words.matches("(?s).*[.!?;:]$")
                && Character.isUpperCase(words.charAt(0));
    }

    private Named party(String name) {
        boolean person = ArticleRules.people(name).stream().anyMatch(p -> !p.organization() && name.endsWith(p.name()));
        return new Named(name, null, null, !person);
    }

    private static boolean sameSpeaker(Said a, Said b) {
        return a.signatories().equals(b.signatories())
                && Objects.equals(
                        a.speaker() == null ? null : a.speaker().name(),
                        b.speaker() == null ? null : b.speaker().name());
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
