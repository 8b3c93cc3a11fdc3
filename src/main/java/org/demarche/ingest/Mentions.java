package org.demarche.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final String TOKEN = "(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|St)\\.|(?:\\p{Lu}\\.)+|" + WORD + "(?:\\." + WORD + ")*)";
    private static final Pattern NAME_RUN = Pattern.compile(TOKEN + "(?:[ \\u00A0](?:(?:of|for|the|al|bin|ibn|de|del|der"
            + "|van|von|da|di|du|la|le|el)[ \\u00A0])*" + TOKEN + ")*");
    private static final Pattern TITLE_PHRASE = Pattern.compile("\\b(?:the|his|her)\\s+((?:[\\p{L}\\-]+\\s+){0,3}?)"
            + "(foreign minister|prime minister|minister|secretary of state|secretary|president|spokesperson|spokesman"
            + "|spokeswoman|chancellor|premier|ambassador|envoy|diplomat|top diplomat|official|leader)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PRONOUN = Pattern.compile("\\b(?:he|she|He|She)\\b");

    private static final Set<String> STARTERS = Set.of("the", "a", "an", "however", "but", "and", "in", "on", "at", "as",
            "after", "before", "both", "additionally", "furthermore", "moreover", "meanwhile", "earlier", "later", "when",
            "while", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his", "her", "their", "its",
            "speaking", "according", "asked", "also", "so", "yet", "still", "since", "during", "if", "for", "with",
            "without", "last", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "read", "photo", "by", "from", "to", "about", "under", "over", "there", "here",
            "what", "why", "how", "who", "where", "now", "then", "instead", "despite", "although", "though", "until",
            "amid", "among", "following", "ahead", "our", "my", "your", "said", "says");
    private static final Set<String> TITLE_WORDS = Set.of("minister", "ministers", "foreign", "defence", "defense",
            "prime", "president", "vice", "secretary", "secretary-general", "state", "general", "chancellor", "premier",
            "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "special", "deputy", "chief", "top",
            "diplomat", "senior", "senator", "sen", "sen.", "rep.", "representative", "king", "queen", "prince", "crown",
            "emir", "sheikh", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "fm", "affairs", "interior", "finance",
            "national", "security", "adviser", "advisor", "high", "commissioner", "leader", "head", "governor", "mayor",
            "former", "acting", "permanent", "of", "for", "the", "european", "eu", "un", "u.n.", "nato", "external",
            "economy", "trade", "justice", "home", "director", "presidential", "press", "executive");
    private static final Set<String> ORGANIZATION_WORDS = Set.of("ministry", "government", "office", "department",
            "council", "kremlin", "house", "union", "nations", "organization", "organisation", "agency", "committee",
            "parliament", "commission", "bank", "party", "army", "forces", "media", "tv", "news", "times", "post",
            "service", "embassy", "court", "assembly", "senate", "congress", "alliance", "reuters", "afp", "tass",
            "sputnik", "xinhua", "cabinet", "administration", "mission", "delegation", "foundation", "institute");

    private Mentions() {
    }

    static List<Mention> in(Article article) {
        Map<String, Person> people = new LinkedHashMap<>();
        List<Mention> mentions = new ArrayList<>();
        List<Mention> named = new ArrayList<>();
        Matcher names = NAME_RUN.matcher(article.text);
        while (names.find()) {
            if (article.quoteAt(names.start()) == null) {
                Mention mention = named(article.text, names.start(), names.end(), people);
                if (mention != null) {
                    named.add(mention);
                }
            }
        }
        mentions.addAll(named);
        List<Mention> referring = new ArrayList<>();
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
        for (Mention reference : referring) {
            Person person = reference.kind() == Mention.Kind.pronoun ? subjectBefore(article, reference, mentions)
                    : resolve(article.text, reference, mentions);
            if (person != null) {
                mentions.add(new Mention(reference.span(), reference.kind(), person));
            }
        }
        mentions.sort(Comparator.comparingInt(m -> m.span().start()));
        return mentions;
    }

    /** The person a run of capitalised words names, or null when it names none. */
    private static Mention named(String text, int start, int end, Map<String, Person> people) {
        String run = text.substring(start, end);
        List<String> tokens = new ArrayList<>(Arrays.asList(run.split("[ \\u00A0]")));
        String last = tokens.get(tokens.size() - 1);
        if (last.endsWith("’s") || last.endsWith("'s")) {
            tokens.set(tokens.size() - 1, last.substring(0, last.length() - 2));
            end -= 2;
        }
        int skipped = 0;
        while (!tokens.isEmpty() && STARTERS.contains(Person.folded(tokens.get(0)))) {
            skipped += tokens.remove(0).length() + 1;
        }
        List<String> title = new ArrayList<>();
        String country = null;
        while (!tokens.isEmpty() && (TITLE_WORDS.contains(Person.folded(tokens.get(0)))
                || CountryWords.code(tokens.get(0)) != null)) {
            String word = tokens.remove(0);
            country = country == null ? CountryWords.code(word) : country;
            if (CountryWords.code(word) == null) {
                title.add(word);
            }
        }
        if (tokens.isEmpty()) {
            return null;
        }
        Span span = new Span(start + skipped, end);
        boolean organization = tokens.stream().anyMatch(token -> ORGANIZATION_WORDS.contains(Person.folded(token)));
        if (organization) {
            String name = text.substring(span.start(), span.end()).replaceFirst("^(?i)the ", "");
            Person body = people.computeIfAbsent("org:" + Person.folded(name), key -> new Person(name, null, null, true));
            return new Mention(span, Mention.Kind.name, body);
        }
        String name = String.join(" ", tokens);
        String surname = Person.folded(tokens.get(tokens.size() - 1));
        Person known = people.get(surname);
        if (tokens.size() == 1 && known == null && title.isEmpty()) {
            return null;
        }
        String titleText = title.isEmpty() ? null : String.join(" ", title).replaceAll("(?i)^(the|of|for) | (of|for|the)$", "");
        if (known == null) {
            known = new Person(name, titleText, country, false);
            people.put(surname, known);
        } else {
            known.learn(name, titleText, country);
        }
        return new Mention(span, Mention.Kind.name, known);
    }

    /**
     * Whom "he" or "she" means: the subject (first person referred to) of its sentence before it, else of
     * the nearest sentence before that refers to anyone. "Lavrov pointed out … President Donald Trump. He
     * noted …" means Lavrov.
     */
    private static Person subjectBefore(Article article, Mention pronoun, List<Mention> known) {
        for (int i = article.sentenceIndexAt(pronoun.span().start()); i >= 0; i--) {
            Span sentence = article.sentences.get(i);
            for (Mention mention : known.stream().sorted(Comparator.comparingInt(m -> m.span().start())).toList()) {
                if (sentence.contains(mention.span().start()) && mention.span().start() < pronoun.span().start()
                        && !mention.person().organization) {
                    return mention.person();
                }
            }
        }
        return null;
    }

    /** Whom a title at this point means: the last person named before it with that title (and country). */
    private static Person resolve(String text, Mention reference, List<Mention> named) {
        List<Person> before = named.stream().filter(m -> m.span().start() < reference.span().start())
                .filter(m -> !m.person().organization).sorted(Comparator.comparingInt(m -> -m.span().start()))
                .map(Mention::person).toList();
        if (before.isEmpty()) {
            return null;
        }
        Matcher title = TITLE_PHRASE.matcher(reference.span().of(text));
        title.find();
        String head = title.group(2).replace("top diplomat", "minister").replace("diplomat", "minister");
        String country = null;
        for (String word : title.group(1).trim().split("\\s+")) {
            country = country == null && !word.isEmpty() ? CountryWords.code(word) : country;
        }
        for (Person person : before) {
            boolean sameCountry = country == null || country.equals(person.country);
            if (sameCountry && (person.hasTitle(head) || head.equals("official") || head.equals("leader"))) {
                return person;
            }
        }
        String wanted = country;
        return before.stream().filter(p -> wanted == null || wanted.equals(p.country)).findFirst().orElse(before.get(0));
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
