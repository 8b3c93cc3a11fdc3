package org.demarche.ingest.transcript;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.ingest.ArticleRules;
import org.demarche.ingest.ArticleRules.Named;
import org.demarche.ingest.Span;
import org.demarche.ingest.transcript.Reading.Said;
import org.demarche.ingest.transcript.Reading.Spoken;
import org.demarche.statement.QuoteType;

/**
 * Reads prose in the third person, as meeting records and readouts are written, sentence by sentence. A
 * sentence whose subject is a speaker ("Secretary Blinken", "The Secretary", "He", "the representative of
 * Nigeria", "India’s representative", "Secretary Blinken and Foreign Minister Wong", "The two sides") followed
 * by a verb of saying or of taking a stand gives one statement per verb ("emphasized …, reaffirmed …"): the
 * clause after "that", or after "said" alone, else the words from the verb on, without the closing full stop.
 * Verbs that only tell of a meeting ("spoke with", "discussed", "briefed") give none. The subject may follow an
 * opening phrase ("In response, ", "Noting …, ", "At the onset of the discussion "); a second speaker brought in
 * by "while" has acts of their own, one brought in by "with … -ing" none. A sentence that ends with its
 * attribution ("Rarely had …, the representative of Kenya said", "…, said Azerbaijan’s delegate, who …") gives
 * the words before it; the sentences after a statement that name no one go on with its speaker, each a
 * statement of its own. Turns change where a sentence names a different speaker; "both sides" and no one are
 * the same turn, and a meeting record's summary before its first speaker is no turn.
 */
final class ReportedActs {

    private static final String VERBS = "said|says|stated|stressed|noted|added|emphasized|emphasised|underscored"
            + "|underlined|highlighted|pointed out|recalled|reiterated|warned|urged|called for|called on|called"
            + "|welcomed|expressed|voiced|condemned|observed|asserted|argued|maintained|affirmed|reaffirmed|insisted"
            + "|declared|explained|acknowledged|cautioned|appealed|encouraged|regretted|deplored|commended|agreed"
            + "|confirmed|hoped|believed|proposed|suggested|announced|demanded|rejected|opposed|supported|praised"
            + "|thanked|conveyed|shared|vowed|pledged|committed|raised|told|indicated|described|lamented|recognized"
            + "|recognised|applauded|spoke|discussed|exchanged|briefed|met|held|reviewed|talked|visited|congratulated"
            + "|admitted|conceded|acknowledged|reminded|assured|informed|accused|criticized|criticised|blamed"
            + "|asked|responded|replied|focused|offered";
    /** Verbs that tell of the meeting itself, not of a position taken in it. */
    private static final Set<String> NOT_STATEMENTS = Set.of(
            "spoke",
            "discussed",
            "exchanged",
            "briefed",
            "met",
            "held",
            "reviewed",
            "talked",
            "visited",
            "asked",
            "focused");
    /** Of those, the verbs of meeting alone, whose subject opens no turn: "Blinken spoke with …". */
    private static final Set<String> MEETING = Set.of("spoke", "met", "held", "talked", "visited");
    /**
     * Courtesies, which state nothing unless a participle of saying goes on from them: "offered his first greeting"
     * is none, "offered his congratulations …, stating that he would like to work closely …" is one.
     */
    private static final Set<String> COURTESY = Set.of("offered");

    private static final Pattern STATING = Pattern.compile(
            ",\\s+(?:stating|saying|noting|adding|expressing|stressing|underlining|emphasizing|emphasising)\\b");
    /** Verbs whose clause may follow without "that": "said the Council's report did not …". */
    private static final Set<String> SAYING = Set.of("said", "says", "stated", "added");

    private static final Pattern VERB = Pattern.compile("\\b(?:" + VERBS + ")\\b");
    private static final Pattern NEXT_ACT =
            Pattern.compile("(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?:also\\s+)?(?<verb>" + VERBS + ")\\b");
    /** "that" right after the verb, or after whom it was told: "told US Secretary of State Antony Blinken that". */
    private static final Pattern THAT = Pattern.compile(
            "^\\s+(?:(?:to\\s+)?(?:the\\s+)?(?:\\p{Lu}[\\p{L}.'’\\-]*\\s+(?:of\\s+)?){0,6}|the (?:view|opinion|understanding)\\s+)?"
                    + "that\\b\\s*,?\\s*");
    /** A full stop and a quotation after it: "He admitted he had been wrong.  “If indeed …” he urged." */
    private static final Pattern QUOTED_NEXT = Pattern.compile("[.!?](?=[\\s\\u00A0]+[“\"«‘])");
    /** A sentence that opens with a quotation, which the article rules read with its own speaker. */
    private static final Pattern OPENS_QUOTE = Pattern.compile("[\\s\\u00A0]*[“\"«‘]");
    /** After a subject: a few adverbs, then the verb. */
    private static final Pattern THEN_VERB =
            Pattern.compile("\\s*(?:,[^,]{0,150},\\s*)?(?:(?:also|further|then|again|too|\\p{Ll}+ly)\\s+){0,2}(?<verb>"
                    + VERBS + ")\\b");

    private static final Pattern REPRESENTATIVE = Pattern.compile(
            "^(?:Speaking (?:for|on behalf of) (?:the )?[^,]{2,100}, )?(?:the |The )(?<role>representative|delegate"
                    + "|speaker|observer|Permanent Representative|Permanent Observer|Ambassador|Foreign Minister"
                    + "|Minister for Foreign Affairs) (?:of|for) (?<country>(?:the )?\\p{Lu}[\\p{L}'’\\-]*(?: (?:of |and"
                    + " |the ){0,3}\\p{Lu}[\\p{L}'’\\-]*){0,8})|^(?:the |The )?(?<owner>(?:d[’'])?\\p{Lu}[\\p{L}\\-]*(?: (?:(?:of|and|the) ){0,2}(?:d[’'])?\\p{Lu}[\\p{L}\\-]*){0,5})[’']s?"
                    + " (?<role2>representative|delegate|delegation|Foreign Minister|Permanent Representative|Ambassador)");
    /** A role, then the name in apposition: "the President of the General Assembly, Dennis Francis (Trinidad and Tobago),". */
    private static final Pattern ROLE_THEN_NAME = Pattern.compile(
            "^(?:the |The )?(?<role>(?:\\p{Lu}[\\p{L}\\-]* ){0,3}(?:President|Secretary-General|Under-Secretary-General"
                    + "|Assistant Secretary-General|High Commissioner|Special Rapporteur|Special Envoy|Special Representative"
                    + "|Rapporteur|Chair|Chairman|Chairperson|Chairwoman|Minister|Secretary|Director|Director-General"
                    + "|Executive Director|Ambassador|Permanent Representative|Envoy)(?: (?:of|for|on) (?:the )?\\p{Lu}[\\p{L}\\-]*"
                    + "(?: (?:(?:of|and|the|on|for) ){0,2}\\p{Lu}[\\p{L}\\-]*){0,6})?),\\s+(?<name>\\p{Lu}[\\p{L}\\p{M}.'’\\-]*"
                    + "(?: \\p{Lu}[\\p{L}\\p{M}.'’\\-]*){1,3})(?: \\((?<country>[^)]{2,60})\\))?,");
    /**
     * What may open a sentence before its subject, without a comma: "At the onset of the discussion Minister Carr
     * offered …": a preposition, then words in lower case (a capitalised word only before one).
     */
    private static final Pattern LEADING_PHRASE = Pattern.compile(
            "^(?:At|During|In|On|After|Before|Following|Upon|Throughout|Over) (?:[\\p{Ll}\\d][^\\s,]*\\s+"
                    + "|\\p{Lu}[^\\s,]*\\s+(?=[\\p{Ll}\\d])){1,12}(?=\\p{Lu})");
    /** A participle that opens a sentence, before the subject after one of its commas: "Noting …, …, he highlighted". */
    private static final Pattern OPENING_PARTICIPLE = Pattern.compile("^\\p{Lu}\\p{Ll}+ing\\b");
    /**
     * A place whose speaker says something about it, and what its Government did: "In Myanmar, whose delegate said
     * had a long history of …, the Government had formed …" (the clause after the verb, and the main clause).
     */
    private static final Pattern RELATIVE_SPEAKER = Pattern.compile(
            "^In (?<place>(?:the )?\\p{Lu}[\\p{L}\\-]*(?: (?:(?:of|and|the) ){0,2}\\p{Lu}[\\p{L}\\-]*){0,4}), whose"
                    + " (?<role>delegate|representative|delegation|speaker) (?:" + VERBS + ")(?: that)?\\s+"
                    + "(?<said>[^,]{2,300}),\\s+(?<main>[^.!?]{2,600})");
    /**
     * A verb that only names what was spoken about, like "discussed": "highlighted the situations of specific
     * Territories", "raised the question of …", "touched on the issue of …".
     */
    private static final Pattern TOPIC = Pattern.compile(
            "(?:highlighted|raised|addressed|noted|recalled|touched on|turned to|referred to)\\s+(?:the\\s+)?"
                    + "(?:situations?|issues?|questions?|cases?|topics?|matters?|subjects?)\\s+(?:of|in|on|concerning|related to)\\b");
    /** A list number or bullet before a point: "1.", "(2)", "3)", "•", "-". */
    private static final Pattern LIST_MARK = Pattern.compile("(?:\\(?\\d{1,2}[.)]|[•·▪*\\-–])\\s+");
    /** An agreement on how to go on talking, which states no position: "agreed to remain in close contact". */
    private static final Pattern KEEPING_IN_TOUCH = Pattern.compile(
            "agreed\\s+to\\s+(?:(?:remain|stay|keep)\\s+in\\s+(?:close\\s+)?(?:contact|touch|communication)"
                    + "|(?:speak|talk|meet)\\s+(?:again|soon)|continue\\s+(?:close\\s+)?(?:communication|contacts?|exchanges"
                    + "|consultations))\\b");
    /** The reporter's aside on the speaker's wording: "…, which he referred to as Moroccan Sahara". */
    private static final Pattern ASIDE = Pattern.compile(
            ",\\s+which (?:he|she|they|the delegate|the representative) (?:referred to|described|called)\\b");
    /** Where another speaker may come in, in a sentence: "…, while …", "…, with …". */
    private static final Pattern OTHER_SPEAKER = Pattern.compile(",\\s+(?:while|whereas|with)\\s+");
    /** The most places a sentence is searched at for another speaker, and the most speakers read in one. */
    private static final int OTHER_SPEAKERS = 6;

    private static final int SPEAKERS_IN_A_SENTENCE = 3;
    /** A participle after a subject: "with the representative of the Philippines pointing out that …". */
    private static final Pattern PARTICIPLE = Pattern.compile("\\s+(?:\\p{Ll}+ly\\s+)?\\p{Ll}+ing\\b");
    /** What follows a verb of saying that only attributes the words before it: "…, he said, adding …". */
    private static final Pattern ATTRIBUTION_ONLY = Pattern.compile("\\s*(?:,|[.!?]?\\s*$)");
    /** The most commas a sentence's opening phrase is searched past for its subject. */
    private static final int OPENING_COMMAS = 8;
    /** "VASSILY NEBENZIA (Russian Federation)", "ROSEMARY DICARLO, Under-Secretary-General for Political Affairs,". */
    private static final Pattern NAME_IN_CAPITALS =
            Pattern.compile("^(?:(?<before>\\p{Lu}[\\p{L}\\-]*(?: (?:of|for|and|the|\\p{Lu}[\\p{L}\\-]*)){0,6}) )??"
                    + "(?<name>(?:\\p{Lu}[\\p{L}\\p{M}'’.\\-]* ){0,3}\\p{Lu}{2}[\\p{Lu}\\p{M}'’.\\-]*(?: \\p{Lu}{2}[\\p{Lu}\\p{M}'’.\\-]*){0,5})"
                    + "(?: \\((?<country>[^)]{2,60})\\))?(?:, (?<after>[^,]{2,150}),)?(?=\\s)");

    private static final Pattern BOTH = Pattern.compile(
            "^(?:The|Both) (?:two )?(?:sides|leaders|ministers|Secretaries|parties|countries|delegations|Foreign"
                    + " Ministers|heads of state)\\b|^The two\\b|^They\\b|^Both\\b");
    /** Several speakers at once, as records tell of them: "members of the Security Council", "several speakers". */
    private static final Pattern BODY = Pattern.compile(
            "^(?:(?:the |The )?members of the \\p{Lu}[\\p{L}]*(?: \\p{Lu}[\\p{L}]*){0,6}|(?:Council )?[Mm]embers"
                    + "|(?:[Aa] number of |[Ss]everal |[Mm]any |[Ss]ome |[Oo]ther |[Mm]ost )?(?:speakers|delegates|delegations"
                    + "|representatives)|[Oo]thers)\\b");

    private static final Pattern PRONOUN = Pattern.compile("^(?:He|She|he|she)\\b");
    private static final Pattern TITLE_ONLY = Pattern.compile(
            "^(?:The|the) (?<head>(?:\\p{Lu}[\\p{L}\\-]* ){0,3}(?:Secretary|Minister|President|Spokesperson"
                    + "|Ambassador|Chancellor|Premier|Envoy|Secretary-General|Prime Minister|Foreign Minister))\\b");
    private static final Pattern INSTITUTION = Pattern.compile(
            "\\b(?:Council|Committee|Assembly|Ministry|Government|Department|Office|Union|Nations|States|Commission"
                    + "|Secretariat|Embassy|Mission|Agency|Bureau|Court|Parliament|Group|Organization|Organisation)\\b");
    /** "While a number of delegates expressed …": a subordinate clause whose subject speaks. */
    private static final Pattern WHILE = Pattern.compile("^(?:While|Whereas|Although|Though) ");

    private static final Pattern INTRO = Pattern.compile("^[^,]{1,60},\\s+");
    /**
     * An attribution after the words it attributes, the subject before its verb ("…, the representative of Kenya
     * said, as …") or after it ("…, said Azerbaijan’s delegate, who condemned …"); what follows a comma after it
     * ("There is a gap, she said, in the current …") or "who" goes on.
     */
    private static final Pattern ENDS_WITH_ATTRIBUTION =
            Pattern.compile(",[”\"’]?\\s+(?:(?<subject>(?:the |The )?[^,]{2,80}?)\\s+(?:" + VERBS + ")\\b|(?:" + VERBS
                    + ")\\s+(?<after>(?:the |The )?[^,.!?]{2,80}?)(?=,|[.!?]?$))(?:,\\s*(?<rest>[^.!?]{1,400})|[^.!?]{0,300})?"
                    + "[.!?]?$");
    /** What goes on after an attribution without being said: "as the Committee discussed …", "adding that …". */
    private static final Pattern NOT_SAID_AFTER =
            Pattern.compile("^(?:\\p{Ll}+ing|as|while|when|after|before|which|where)\\b");
    /** Words before an attribution that only place it in time: "At the same time, he said, …". */
    private static final Pattern ONLY_PLACING = Pattern.compile(
            "^(?:At|In|On|For|By|From|During|After|Before|Meanwhile|However|Moreover|Furthermore|Still)\\b[^,]{0,30}$");

    /** Who a sentence is about: a speaker, or both sides (speaker null, signatories set), at its start. */
    private record Subject(Named speaker, List<Named> signatories, String words, int end) {

        boolean sameTurnAs(Subject other) {
            String mine = speaker == null ? null : speaker.name();
            String theirs = other == null || other.speaker == null ? null : other.speaker.name();
            return mine == null ? theirs == null : mine.equals(theirs);
        }
    }

    private final String text;
    private final List<Named> people;
    private final List<Named> sides;
    private Named last;

    ReportedActs(String text, String title) {
        this.text = text;
        this.people = SpeakerNames.withoutLetters(ArticleRules.people(title == null ? text : title + "\n" + text));
        // The two sides are the two people the title names after a role ("Secretary Blinken’s Call with …
        // Foreign Minister Wong"), by their fullest names, else the first two the text names below the title.
        List<Named> titled = title == null ? List.of() : SpeakerNames.titled(title);
        this.sides = titled.size() == 2
                ? titled.stream()
                        .map(side -> {
                            Named known = SpeakerNames.known(side.name(), people);
                            return known == null ? side : known;
                        })
                        .toList()
                : SpeakerNames.withoutLetters(ArticleRules.people(text)).stream()
                        .filter(p -> !p.organization())
                        .limit(2)
                        .toList();
    }

    /** The statements and turns of the body, which starts at the first paragraph that is not a heading. */
    Reading read(TranscriptKind kind, boolean detected, int bodyStart) {
        List<Said> statements = new ArrayList<>();
        List<Spoken> turns = new ArrayList<>();
        Subject turnSubject = null;
        int turnStart = -1;
        Said previous = null;
        int previousParagraphEnd = -1;
        Set<Said> closed = new HashSet<>();
        for (Span sentence : ArticleRules.sentences(text)) {
            if (sentence.end() <= bodyStart) {
                continue;
            }
            // A point's number or bullet is no part of what is said: "2) The two sides …", "• Wang Yi said …".
            Matcher mark = LIST_MARK.matcher(sentence.of(text));
            if (mark.lookingAt() && mark.end() < sentence.end() - sentence.start()) {
                sentence = new Span(sentence.start() + mark.end(), sentence.end());
            }
            String words = sentence.of(text);
            Subject subject = subject(words);
            List<Said> acts = subject != null
                    ? acts(sentence, subject)
                    : RELATIVE_SPEAKER.matcher(words).lookingAt()
                            ? placeWhoseSpeaker(sentence)
                            : attributedAtEnd(sentence);
            if (subject == null
                    && acts.isEmpty()
                    && previous != null
                    && sameParagraph(previous, sentence)
                    && !OPENS_QUOTE.matcher(words).lookingAt()) {
                // A clause that names its speaker at its end is whole; what follows is a statement of its own.
                Said longer = goingOn(sentence, previous, closed.contains(previous));
                if (closed.contains(previous)) {
                    statements.add(longer);
                } else {
                    statements.set(statements.indexOf(previous), longer);
                }
                previous = longer;
                continue;
            }
            if (subject == null) {
                closed.addAll(acts);
            }
            // A speaker who only meets or talks ("Blinken spoke with …") opens no turn, one who greets or tells what
            // they spoke about does; both sides and no one are one turn.
            Subject said = !acts.isEmpty()
                    ? new Subject(
                            acts.get(0).speaker(),
                            acts.get(0).signatories(),
                            acts.get(0).attribution(),
                            0)
                    : subject != null && (subject.speaker() == null || !meets(words, subject)) ? subject : null;
            if (turnStart < 0) {
                // A meeting record's summary under its headline, whose subject is the organ, is no one's turn.
                turnStart = said == null && kind == TranscriptKind.meeting_record ? -1 : sentence.start();
                turnSubject = said;
            } else if (said != null && !said.sameTurnAs(turnSubject)) {
                turns.add(turn(turnSubject, turnStart, sentence.start()));
                turnStart = sentence.start();
                turnSubject = said;
            } else if (turnSubject == null && said != null) {
                turnSubject = said;
            }
            statements.addAll(acts);
            previous = acts.isEmpty() ? (subject != null ? null : previous) : acts.get(acts.size() - 1);
            previousParagraphEnd = sentence.end();
        }
        if (turnStart >= 0) {
            turns.add(turn(turnSubject, turnStart, previousParagraphEnd));
        }
        return new Reading(kind, detected, turns, statements);
    }

    private Spoken turn(Subject subject, int start, int end) {
        List<Span> parts = new ArrayList<>();
        for (Span paragraph : Paragraphs.of(text)) {
            int from = Math.max(start, paragraph.start());
            int to = Math.min(end, paragraph.end());
            Span part = from < to ? Paragraphs.trimmed(text, from, to) : null;
            if (part != null) {
                parts.add(part);
            }
        }
        Named speaker = subject == null ? null : subject.speaker();
        return new Spoken(
                speaker,
                subject == null ? null : subject.words(),
                speaker == null ? null : speaker.title(),
                false,
                null,
                parts);
    }

    /** The statements of a sentence whose subject speaks: one per verb that takes a stand. */
    private List<Said> acts(Span sentence, Subject subject) {
        return acts(sentence, subject, 1);
    }

    /** The acts of the speaker whose sentence this is, the {@code speaker}th in it. */
    private List<Said> acts(Span sentence, Subject subject, int speaker) {
        String words = sentence.of(text);
        // "Wang Yi, noting …, said", "Slovenia’s delegate, also speaking for …, said": the verb may follow an aside.
        Matcher verb = THEN_VERB.matcher(words).region(subject.end(), words.length());
        if (!verb.lookingAt()) {
            return List.of();
        }
        last = subject.speaker() != null ? subject.speaker() : last;
        List<int[]> acts = new ArrayList<>();
        int start = verb.start("verb");
        Matcher stop = QUOTED_NEXT.matcher(words);
        int limit = stop.find(verb.end()) ? stop.start() + 1 : words.length();
        // Another speaker in the same sentence ends the acts: "…, while Mauritania’s delegate recalled that …" gives
        // that delegate's own acts, "…, with Singapore’s delegate attributing …" none.
        List<Said> others = List.of();
        Matcher other = OTHER_SPEAKER.matcher(words).region(verb.end(), limit);
        for (int i = 0; i < OTHER_SPEAKERS && speaker < SPEAKERS_IN_A_SENTENCE && other.find(); i++) {
            String rest = words.substring(other.end(), limit);
            Subject next = subjectAt(rest, 0);
            boolean participle = next != null
                    && PARTICIPLE
                            .matcher(rest)
                            .region(next.end(), rest.length())
                            .lookingAt();
            if (next != null && (participle || speaking(rest, next) != null)) {
                others = participle
                        ? List.of()
                        : acts(new Span(sentence.start() + other.end(), sentence.start() + limit), next, speaker + 1);
                limit = other.start();
                break;
            }
        }
        Matcher aside = ASIDE.matcher(words).region(verb.end(), limit);
        limit = aside.find() ? aside.start() : limit;
        words = words.substring(0, limit);
        Matcher next = NEXT_ACT.matcher(words);
        int from = verb.end("verb");
        while (true) {
            boolean more = next.find(from);
            int end = more ? next.start() : trimmedEnd(words);
            acts.add(new int[] {start, end});
            if (!more) {
                break;
            }
            start = next.start("verb");
            from = next.end();
        }
        List<Said> found = new ArrayList<>();
        for (int[] act : acts) {
            // The verb's own word only: splitting the rest of a long sentence per act would cost its square.
            int verbEnd = act[0];
            while (verbEnd < words.length()
                    && !Character.isWhitespace(words.charAt(verbEnd))
                    && words.charAt(verbEnd) != ',') {
                verbEnd++;
            }
            String actVerb = words.substring(act[0], verbEnd).toLowerCase(Locale.ROOT);
            if (NOT_STATEMENTS.contains(actVerb)
                    || COURTESY.contains(actVerb)
                            && !STATING.matcher(words.substring(act[0], act[1])).find()
                    || TOPIC.matcher(words).region(act[0], act[1]).lookingAt()
                    || KEEPING_IN_TOUCH.matcher(words).region(act[0], act[1]).lookingAt()) {
                continue;
            }
            int clause = clauseStart(words, act[0], actVerb);
            Span span = clause < act[1]
                    ? Paragraphs.trimmed(text, sentence.start() + clause, sentence.start() + act[1])
                    : null;
            if (span != null && span.of(text).split("\\s+").length >= 2) {
                found.add(new Said(
                        List.of(span),
                        QuoteType.paraphrase,
                        subject.speaker(),
                        subject.speaker() == null && subject.signatories().isEmpty() ? 0.3 : 0.8,
                        subject.words(),
                        subject.speaker() == null ? null : subject.speaker().title(),
                        null,
                        subject.signatories()));
            }
        }
        found.addAll(others);
        return found;
    }

    /** Where the reported words start: after "that", after "said" alone, else at the verb. */
    private static int clauseStart(String words, int verbStart, String verb) {
        int afterVerb = verbStart + verb.length() + (verb.equals("pointed") || verb.equals("called") ? 4 : 0);
        if (verb.equals("pointed")) {
            afterVerb = words.indexOf("out", verbStart) + 3;
        }
        Matcher that = THAT.matcher(words).region(afterVerb, words.length());
        if (that.lookingAt() && that.end() - afterVerb < 80) {
            return that.end();
        }
        if (SAYING.contains(verb)) {
            int at = afterVerb;
            while (at < words.length() && (Character.isWhitespace(words.charAt(at)) || words.charAt(at) == ',')) {
                at++;
            }
            return at;
        }
        return verbStart;
    }

    /** "Rarely had …, the representative of Kenya said, as …": the words before the attribution. */
    private List<Said> attributedAtEnd(Span sentence) {
        String words = sentence.of(text);
        Matcher end = ENDS_WITH_ATTRIBUTION.matcher(words);
        if (!end.find()) {
            return List.of();
        }
        String named = end.group("subject") != null ? end.group("subject") : end.group("after");
        Subject subject = subjectAt(named, 0);
        if (subject == null || subject.end() != named.length()) {
            return List.of();
        }
        last = subject.speaker() != null ? subject.speaker() : last;
        List<Said> said = new ArrayList<>();
        Span before = Paragraphs.trimmed(text, sentence.start(), sentence.start() + end.start());
        if (before != null && OPENS_QUOTE.matcher(before.of(text)).lookingAt()) {
            // "“We cannot wait another decade,” said the delegate of Bangladesh": the quotation, without its marks.
            Span quoted = Paragraphs.trimmed(text, before.start() + 1, before.end());
            said.add(quoted == null ? attributed(List.of(before), subject) : quoted(quoted, subject));
        } else if (before != null && !ONLY_PLACING.matcher(before.of(text)).matches()) {
            said.add(attributed(List.of(before), subject));
        }
        String rest = end.group("rest");
        if (rest != null && rest.startsWith("who ")) {
            int who = end.start("rest") + "who".length();
            said.addAll(acts(sentence, new Subject(subject.speaker(), subject.signatories(), subject.words(), who)));
        } else if (rest != null && !NOT_SAID_AFTER.matcher(rest).find()) {
            Span after = Paragraphs.trimmed(
                    text, sentence.start() + end.start("rest"), sentence.start() + trimmedEnd(words));
            if (after != null) {
                said.add(attributed(List.of(after), subject));
            }
        }
        return said;
    }

    /** The two statements of a sentence that opens with a place whose speaker says something of it. */
    private List<Said> placeWhoseSpeaker(Span sentence) {
        Matcher place = RELATIVE_SPEAKER.matcher(sentence.of(text));
        if (!place.lookingAt()) {
            return List.of();
        }
        Named speaker = new Named(place.group("place"), place.group("role"), place.group("place"), true);
        Subject subject = new Subject(speaker, List.of(), place.group("place"), 0);
        last = speaker;
        List<Said> said = new ArrayList<>();
        for (String clause : List.of("said", "main")) {
            Span words = Paragraphs.trimmed(
                    text, sentence.start() + place.start(clause), sentence.start() + place.end(clause));
            if (words != null) {
                said.add(attributed(List.of(words), subject));
            }
        }
        return said;
    }

    private static Said quoted(Span words, Subject subject) {
        return new Said(
                List.of(words),
                QuoteType.direct_quote,
                subject.speaker(),
                0.8,
                subject.words(),
                subject.speaker() == null ? null : subject.speaker().title(),
                null,
                subject.signatories());
    }

    private static Said attributed(List<Span> parts, Subject subject) {
        return new Said(
                parts,
                QuoteType.paraphrase,
                subject.speaker(),
                0.75,
                subject.words(),
                subject.speaker() == null ? null : subject.speaker().title(),
                null,
                subject.signatories());
    }

    /**
     * A sentence after a statement that names nobody goes on with it: the statement runs to its end, or, after a
     * whole clause, the sentence is a statement of the same speaker.
     */
    private Said goingOn(Span sentence, Said previous, boolean apart) {
        int end = sentence.start() + trimmedEnd(sentence.of(text));
        Span first = apart ? sentence : previous.parts().get(0);
        return new Said(
                List.of(new Span(first.start(), Math.max(end, first.start()))),
                previous.quoteType(),
                previous.speaker(),
                previous.confidence(),
                previous.attribution(),
                previous.role(),
                null,
                previous.signatories());
    }

    private boolean sameParagraph(Said previous, Span sentence) {
        int end = previous.parts().get(previous.parts().size() - 1).end();
        return text.substring(end, sentence.start()).indexOf('\n') < 0;
    }

    /** Who the sentence's subject is, after an opening phrase ("Also this afternoon, "), or null. */
    private Subject subject(String words) {
        Subject subject = speaking(words, subjectAt(words, 0));
        Matcher clause = WHILE.matcher(words);
        if (subject == null && clause.find()) {
            subject = opening(words, subjectAt(words, clause.end()));
        }
        Matcher intro = INTRO.matcher(words);
        if (subject == null && intro.find()) {
            subject = opening(words, subjectAt(words, intro.end()));
        }
        Matcher leading = LEADING_PHRASE.matcher(words);
        if (subject == null && leading.find()) {
            subject = opening(words, subjectAt(words, leading.end()));
        }
        if (subject == null && OPENING_PARTICIPLE.matcher(words).find()) {
            int comma = words.indexOf(", ");
            for (int i = 0; i < OPENING_COMMAS && comma > 0 && subject == null; i++) {
                subject = opening(words, subjectAt(words, comma + 2));
                comma = words.indexOf(", ", comma + 2);
            }
        }
        return subject;
    }

    /**
     * A subject after an opening phrase, when it speaks and its verb says something: after "This pattern is
     * unacceptable, he stated, …" the words before the attribution are what was said, read as such.
     */
    private static Subject opening(String words, Subject subject) {
        if (speaking(words, subject) == null) {
            return null;
        }
        Matcher verb = THEN_VERB.matcher(words).region(subject.end(), words.length());
        return verb.lookingAt()
                        && ATTRIBUTION_ONLY
                                .matcher(words)
                                .region(verb.end(), words.length())
                                .lookingAt()
                ? null
                : subject;
    }

    /** True when the subject's verb only tells of a meeting: "spoke with", "met", "held talks". */
    private static boolean meets(String words, Subject subject) {
        Matcher verb = THEN_VERB.matcher(words).region(subject.end(), words.length());
        return verb.lookingAt() && MEETING.contains(verb.group("verb"));
    }

    /** The subject when a verb of saying or meeting follows it, else null ("Both sides should …" is reported speech). */
    private static Subject speaking(String words, Subject subject) {
        return subject != null
                        && THEN_VERB
                                .matcher(words)
                                .region(subject.end(), words.length())
                                .lookingAt()
                ? subject
                : null;
    }

    private Subject subjectAt(String words, int at) {
        String rest = words.substring(at);
        Matcher representative = REPRESENTATIVE.matcher(rest);
        if (representative.find()) {
            String country = representative.group("country") != null
                    ? representative.group("country").replaceFirst("^the ", "")
                    : representative.group("owner");
            String role = representative.group("role") != null
                    ? representative.group("role") + " of " + representative.group("country")
                    : representative.group(0);
            return new Subject(
                    new Named(country, role, country, true),
                    List.of(),
                    representative.group(),
                    at + representative.end());
        }
        Matcher apposition = ROLE_THEN_NAME.matcher(rest);
        if (apposition.find()) {
            Named named =
                    new Named(apposition.group("name"), apposition.group("role"), apposition.group("country"), false);
            return new Subject(named, List.of(), apposition.group(), at + apposition.end());
        }
        Matcher capitals = NAME_IN_CAPITALS.matcher(rest);
        if (capitals.find() && (capitals.group("country") != null || capitals.group("after") != null)) {
            String role = capitals.group("after") != null ? capitals.group("after") : capitals.group("before");
            Named named = new Named(SpeakerNames.cased(capitals.group("name")), role, capitals.group("country"), false);
            return new Subject(named, List.of(), capitals.group(), at + capitals.end());
        }
        Matcher body = BODY.matcher(rest);
        if (body.find()) {
            String group = body.group().replaceFirst("^(?:the|The) ", "");
            return new Subject(new Named(group, null, null, true), List.of(), body.group(), at + body.end());
        }
        Matcher both = BOTH.matcher(rest);
        if (both.find()) {
            // "Several speakers stressed …  They also called for …": "they" after a body or a delegation is it.
            return both.group().equals("They") && last != null && last.organization()
                    ? new Subject(last, List.of(), both.group(), at + both.end())
                    : new Subject(null, sides.size() == 2 ? sides : List.of(), both.group(), at + both.end());
        }
        Matcher pronoun = PRONOUN.matcher(rest);
        if (pronoun.find()) {
            return last == null ? null : new Subject(last, List.of(), pronoun.group(), at + pronoun.end());
        }
        Matcher verb = VERB.matcher(rest);
        if (!verb.find() || verb.start() == 0) {
            return null;
        }
        String before = rest.substring(0, verb.start()).strip();
        before = before.replaceFirst(",[^,]{0,150},?$", "")
                .replaceFirst("\\s+(?:also|further|then|again)$", "")
                .strip();
        if (before.isEmpty() || before.length() > 120) {
            return null;
        }
        String[] pieces = before.split("\\s+and\\s+");
        if (pieces.length == 2) {
            Named first = person(pieces[0]);
            Named second = person(pieces[1]);
            if (first != null && second != null) {
                return new Subject(null, List.of(first, second), before, at + rest.indexOf(before) + before.length());
            }
        }
        Named person = pieces.length == 1 ? person(before) : null;
        return person == null
                ? null
                : new Subject(person, List.of(), before, at + rest.indexOf(before) + before.length());
    }

    /** The person words name: by surname among the people the text names, or by title ("The Secretary"). */
    private Named person(String words) {
        String cleaned = words.strip();
        Matcher title = TITLE_ONLY.matcher(cleaned);
        if (title.matches()) {
            String head = SpeakerNames.folded(title.group("head"));
            String headWord = head.substring(head.lastIndexOf(' ') + 1);
            Named byTitle = null;
            for (Named person : people) {
                if (!person.organization()
                        && person.title() != null
                        && SpeakerNames.folded(person.title()).contains(headWord)) {
                    byTitle = byTitle == null || person.equals(last) ? person : byTitle;
                }
            }
            return byTitle;
        }
        if (!cleaned.matches(
                "(?:(?:Mr|Ms|Mrs|Dr)\\.? )?\\p{Lu}[\\p{L}\\p{M}.'’\\-]*(?: (?:\\p{Lu}[\\p{L}\\p{M}.'’\\-]*|of|the|for|and|de|al|bin|van|von))*")) {
            return null;
        }
        String surname = SpeakerNames.folded(cleaned.substring(cleaned.lastIndexOf(' ') + 1));
        for (Named person : people) {
            String name = SpeakerNames.folded(person.name());
            if (!person.organization() && (name.equals(surname) || name.endsWith(" " + surname))) {
                return person;
            }
        }
        // Two to four capitalised words that speak are someone even when the title case of a heading hid them
        // from the names read ("Wang Yi Has a Phone Call …"); an institution's word makes them a body.
        String[] parts = cleaned.split(" ");
        if (parts.length < 2 || parts.length > 4 || cleaned.startsWith("The ")) {
            return null;
        }
        return new Named(cleaned, null, null, INSTITUTION.matcher(cleaned).find());
    }

    /** The sentence's length without its closing full stop and white space. */
    private static int trimmedEnd(String words) {
        int end = words.length();
        while (end > 0 && (Character.isWhitespace(words.charAt(end - 1)) || words.charAt(end - 1) == '.')) {
            end--;
        }
        return end;
    }
}
