package org.demarche.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the people an article refers to outside its quotations, and who each reference means: a name
 * ("Russian Foreign Minister Sergei Lavrov", later "Lavrov"), a title ("the minister", "the Russian foreign
 * minister") meaning the last person named with that title, or "he"/"she" meaning the last person named.
 * Capitalised words count as a person's name when there are two or more of them after any title, when a
 * title precedes one, or when one is the surname of someone already named.
 */
final class Mentions {

    private static final String WORD = "\\p{Lu}[\\p{L}\\p{M}'’\\-]*";
    /** A capitalised word, initials ("U.S."), a dotted name ("Caliber.Az") or a title's abbreviation ("Mr."). */
    private static final String TOKEN =
            "(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|St)\\.|(?:\\p{Lu}\\.)+|" + WORD + "(?:\\." + WORD + ")*)";

    private static final Pattern NAME_RUN =
            Pattern.compile(TOKEN + "(?:[ \\u00A0](?:(?:of|for|the|al|bin|ibn|de|del|der"
                    + "|van|von|da|di|du|la|le|el)[ \\u00A0])*+" + TOKEN + ")*+");
    private static final Pattern TITLE_PHRASE = Pattern.compile(
            "\\b(?:the|his|her)\\s+((?:[\\p{L}\\-]+\\s+){0,3}?)"
                    + "(foreign minister|prime minister|minister|secretary of state|secretary|president|spokesperson|spokesman"
                    + "|spokeswoman|chancellor|premier|ambassador|envoy|diplomat|top diplomat|official|leader)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern INSTITUTION_PHRASE = Pattern.compile(
            "\\bthe\\s+((?:[\\p{L}\\-]+\\s+){0,2}?)(ministry"
                    + "|department|kremlin|embassy|government|white house|foreign office)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PRONOUN = Pattern.compile("\\b(?:he|she|He|She)\\b");

    private static final Set<String> STARTERS = Set.of(
            "the",
            "a",
            "an",
            "however",
            "but",
            "and",
            "in",
            "on",
            "at",
            "as",
            "after",
            "before",
            "both",
            "additionally",
            "furthermore",
            "moreover",
            "meanwhile",
            "earlier",
            "later",
            "when",
            "while",
            "this",
            "that",
            "these",
            "those",
            "it",
            "he",
            "she",
            "they",
            "we",
            "i",
            "his",
            "her",
            "their",
            "its",
            "speaking",
            "according",
            "asked",
            "also",
            "so",
            "yet",
            "still",
            "since",
            "during",
            "if",
            "for",
            "with",
            "without",
            "last",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "read",
            "photo",
            "by",
            "from",
            "to",
            "about",
            "under",
            "over",
            "there",
            "here",
            "what",
            "why",
            "how",
            "who",
            "where",
            "now",
            "then",
            "instead",
            "despite",
            "although",
            "though",
            "until",
            "amid",
            "among",
            "following",
            "ahead",
            "our",
            "my",
            "your",
            "said",
            "says");
    private static final Set<String> TITLE_WORDS = Set.of(
            "minister",
            "ministers",
            "foreign",
            "defence",
            "defense",
            "prime",
            "president",
            "vice",
            "secretary",
            "secretary-general",
            "state",
            "general",
            "chancellor",
            "premier",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "ambassador",
            "envoy",
            "special",
            "deputy",
            "chief",
            "top",
            "diplomat",
            "senior",
            "senator",
            "sen",
            "sen.",
            "rep.",
            "representative",
            "king",
            "queen",
            "prince",
            "crown",
            "emir",
            "sheikh",
            "mr",
            "mr.",
            "mrs",
            "mrs.",
            "ms",
            "ms.",
            "dr",
            "dr.",
            "fm",
            "affairs",
            "interior",
            "finance",
            "national",
            "security",
            "adviser",
            "advisor",
            "high",
            "commissioner",
            "leader",
            "head",
            "governor",
            "mayor",
            "former",
            "acting",
            "permanent",
            "of",
            "for",
            "the",
            "european",
            "eu",
            "un",
            "u.n.",
            "nato",
            "external",
            "economy",
            "trade",
            "justice",
            "home",
            "director",
            "presidential",
            "press",
            "executive");
    private static final Set<String> ORGANIZATION_WORDS = Set.of(
            "ministry",
            "government",
            "office",
            "department",
            "council",
            "kremlin",
            "house",
            "union",
            "nations",
            "organization",
            "organisation",
            "agency",
            "committee",
            "parliament",
            "commission",
            "bank",
            "party",
            "army",
            "forces",
            "media",
            "tv",
            "news",
            "times",
            "post",
            "service",
            "embassy",
            "court",
            "assembly",
            "senate",
            "congress",
            "alliance",
            "reuters",
            "afp",
            "tass",
            "sputnik",
            "xinhua",
            "cabinet",
            "administration",
            "mission",
            "delegation",
            "foundation",
            "institute");
    /** Words that make a run of capitalised words something other than a person: "World War II", "Minsk Agreements". */
    private static final Set<String> NOT_A_PERSON = Set.of(
            "war",
            "ii",
            "iii",
            "summit",
            "day",
            "operation",
            "agreement",
            "agreements",
            "treaty",
            "conference",
            "university",
            "street",
            "airport",
            "forum",
            "plan",
            "initiative",
            "programme",
            "program",
            "project",
            "doctrine",
            "act",
            "declaration",
            "charter",
            "accords",
            "talks",
            "group",
            "format",
            "process",
            "corridor",
            "region",
            "sea",
            "ocean",
            "river",
            "island",
            "islands",
            "republic",
            "federation",
            "kingdom",
            "states",
            "emirates",
            "east",
            "west",
            "north",
            "south",
            "central",
            "city",
            "province",
            "strip",
            "bank",
            "square",
            "palace",
            "hall",
            "centre",
            "center",
            "games",
            "cup",
            "olympics",
            "covid-19");

    /** How many people, latest first, a title may mean. */
    private static final int RECENT = 12;

    private Mentions() {}

    static List<Mention> in(Article article) {
        Map<String, Person> people = new LinkedHashMap<>();
        List<Mention> mentions = new ArrayList<>();
        List<Mention> named = new ArrayList<>();
        // A headline names people in title case ("UN’s Guterres Promises"): it is read last, for people the body names.
        Span headline = article.headline();
        Matcher names = NAME_RUN.matcher(article.text);
        while (names.find()) {
            if (article.quoteAt(names.start()) == null && (headline == null || !headline.contains(names.start()))) {
                Mention mention = named(article.text, names.start(), names.end(), people, true);
                if (mention != null) {
                    named.add(mention);
                }
            }
        }
        if (headline != null) {
            names.region(headline.start(), headline.end());
            while (names.find()) {
                Mention mention = article.quoteAt(names.start()) == null
                        ? named(article.text, names.start(), names.end(), people, false)
                        : null;
                if (mention != null) {
                    named.add(mention);
                }
            }
        }
        mentions.addAll(named);
        List<Mention> referring = new ArrayList<>();
        institutions(article, named, people, mentions);
        Matcher titles = TITLE_PHRASE.matcher(article.text);
        while (titles.find()) {
            Span span = new Span(titles.start(), titles.end());
            if (article.quoteAt(span.start()) == null && named.stream().noneMatch(m -> overlaps(m.span(), span))) {
                referring.add(new Mention(span, Mention.Kind.title, null));
            }
        }
        Matcher pronouns = PRONOUN.matcher(article.text);
        while (pronouns.find()) {
            if (article.quoteAt(pronouns.start()) == null) {
                referring.add(new Mention(new Span(pronouns.start(), pronouns.end()), Mention.Kind.pronoun, null));
            }
        }
        referring.sort(Comparator.comparingInt(m -> m.span().start()));
        TreeMap<Integer, Mention> byStart = new TreeMap<>();
        mentions.forEach(m -> byStart.put(m.span().start(), m));
        for (Mention reference : referring) {
            Person person = reference.kind() == Mention.Kind.pronoun
                    ? subjectBefore(article, reference, byStart)
                    : resolve(article.text, reference, byStart);
            if (person != null) {
                byStart.put(reference.span().start(), new Mention(reference.span(), reference.kind(), person));
            }
        }
        return List.copyOf(byStart.values());
    }

    /**
     * The person a run of capitalised words names, or null when it names none. The name is what follows the
     * last word of title, country, institution or possessive ("Visiting Chinese Foreign Minister Wang Yi",
     * "Spokesperson of the Azerbaijani Foreign Ministry Aykhan Hajizada", "Germany’s DW"); a run that ends
     * in an institution's word is that institution ("the Russian Foreign Ministry"). One capitalised word is a
     * name after a title ("Minister Lavrov") or when it is part of a name already met. Unless mayCreate, only
     * people already met are named.
     */
    private static Mention named(String text, int start, int end, Map<String, Person> people, boolean mayCreate) {
        List<String> tokens =
                new ArrayList<>(Arrays.asList(text.substring(start, end).split("[ \\u00A0]")));
        String last = tokens.get(tokens.size() - 1);
        if (possessive(last)) {
            tokens.set(tokens.size() - 1, last.substring(0, last.length() - 2));
            end -= 2;
        }
        int skipped = 0;
        while (!tokens.isEmpty() && STARTERS.contains(Person.folded(tokens.get(0)))) {
            skipped += tokens.remove(0).length() + 1;
        }
        int marker = -1;
        for (int i = 0; i < tokens.size(); i++) {
            String word = Person.folded(tokens.get(i));
            if (TITLE_WORDS.contains(word)
                    || ORGANIZATION_WORDS.contains(word)
                    || CountryWords.code(tokens.get(i)) != null
                    || possessive(tokens.get(i)) && i < tokens.size() - 1) {
                marker = i;
            }
        }
        boolean institution = tokens.stream().anyMatch(token -> ORGANIZATION_WORDS.contains(Person.folded(token)));
        List<String> name = tokens.subList(marker + 1, tokens.size());
        List<String> title = tokens.subList(0, marker + 1);
        if (tokens.isEmpty() || name.isEmpty() && !institution) {
            return null;
        }
        Span span = new Span(start + skipped, end);
        if (institution && (name.size() <= 1 && people.get(surname(name)) == null)) {
            String whole = span.of(text);
            Person body =
                    people.computeIfAbsent("org:" + Person.folded(whole), key -> new Person(whole, null, null, true));
            return new Mention(span, Mention.Kind.name, body);
        }
        if (name.stream().anyMatch(token -> NOT_A_PERSON.contains(Person.folded(token)))) {
            return null;
        }
        Person known = people.get(surname(name));
        boolean titled = title.stream().anyMatch(word -> TITLE_WORDS.contains(Person.folded(word)));
        if (known == null && (!mayCreate || name.size() == 1 && !titled)) {
            return null;
        }
        String country = title.stream()
                .map(word -> CountryWords.code(possessive(word) ? word.substring(0, word.length() - 2) : word))
                .filter(code -> code != null)
                .findFirst()
                .orElse(null);
        String titleText = title.stream()
                .filter(word -> CountryWords.code(word) == null && !possessive(word))
                .collect(Collectors.joining(" "))
                .replaceAll("^((?i)the|of|for) | (of|for|the)$", "");
        String fullName = String.join(" ", name);
        if (known == null) {
            known = new Person(fullName, titleText.isBlank() ? null : titleText, country, false);
        } else {
            known.learn(fullName, titleText.isBlank() ? null : titleText, country);
        }
        // Either part of a two-part name may come back alone: "Lavrov", or "Wang" for Wang Yi.
        for (String part : name) {
            people.putIfAbsent(Person.folded(part), known);
        }
        return new Mention(span, Mention.Kind.name, known);
    }

    private static String surname(List<String> name) {
        return name.isEmpty() ? "" : Person.folded(name.get(name.size() - 1));
    }

    private static boolean possessive(String word) {
        return word.endsWith("’s") || word.endsWith("'s");
    }

    /** "The ministry said": the institution last named with that word ("the Russian Foreign Ministry"), or a new one. */
    private static void institutions(
            Article article, List<Mention> named, Map<String, Person> people, List<Mention> mentions) {
        Matcher institutions = INSTITUTION_PHRASE.matcher(article.text);
        while (institutions.find()) {
            Span span = new Span(institutions.start(), institutions.end());
            if (article.quoteAt(span.start()) != null || named.stream().anyMatch(m -> overlaps(m.span(), span))) {
                continue;
            }
            String head = Person.folded(institutions.group(2));
            Person body = null;
            for (Mention mention : named) {
                if (mention.span().start() < span.start()
                        && mention.person().organization
                        && Person.folded(mention.person().name).contains(head)) {
                    body = mention.person();
                }
            }
            if (body == null) {
                String words = institutions.group(1) + institutions.group(2);
                body = people.computeIfAbsent(
                        "org:" + Person.folded(words), key -> new Person(words, null, null, true));
            }
            mentions.add(new Mention(span, Mention.Kind.title, body));
        }
    }

    /**
     * Whom "he" or "she" means: the subject (first person referred to) of its sentence before it, else of
     * the nearest sentence before that refers to anyone. "Lavrov pointed out … President Donald Trump. He
     * noted …" means Lavrov.
     */
    private static Person subjectBefore(Article article, Mention pronoun, TreeMap<Integer, Mention> known) {
        Mention subject = null;
        for (Mention mention :
                known.headMap(pronoun.span().start(), false).descendingMap().values()) {
            if (mention.person().organization) {
                continue;
            }
            if (subject != null
                    && article.sentenceIndexAt(mention.span().start())
                            != article.sentenceIndexAt(subject.span().start())) {
                break;
            }
            subject = mention;
        }
        return subject == null ? null : subject.person();
    }

    /** Whom a title at this point means: the last person named before it with that title (and country). */
    private static Person resolve(String text, Mention reference, TreeMap<Integer, Mention> known) {
        // The people referred to before, latest first, each once; a title looks back over a few of them.
        List<Person> before = known.headMap(reference.span().start(), false).descendingMap().values().stream()
                .map(Mention::person)
                .filter(person -> !person.organization)
                .distinct()
                .limit(RECENT)
                .toList();
        if (before.isEmpty()) {
            return null;
        }
        Matcher title = TITLE_PHRASE.matcher(reference.span().of(text));
        title.find();
        String head = title.group(2)
                .toLowerCase()
                .replace("top diplomat", "minister")
                .replace("diplomat", "minister")
                .replaceAll("spokes(person|man|woman)", "spokes");
        String country = null;
        List<String> modifiers = new ArrayList<>();
        for (String word : title.group(1).trim().split("\\s+")) {
            if (!word.isEmpty()) {
                country = country == null ? CountryWords.code(word) : country;
                modifiers.add(Person.folded(word));
            }
        }
        Person best = null;
        int bestScore = 0;
        for (Person person : before) {
            if (country != null && !country.equals(person.country)) {
                continue;
            }
            int score = 1
                    + (person.hasTitle(head) ? 2 : 0)
                    + (modifiers.stream()
                                    .anyMatch(word -> person.title != null
                                            && person.foldedTitle().contains(word))
                            ? 1
                            : 0);
            if (score > bestScore) {
                best = person;
                bestScore = score;
            }
        }
        return best != null ? best : before.get(0);
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
