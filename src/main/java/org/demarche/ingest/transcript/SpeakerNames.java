package org.demarche.ingest.transcript;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.ingest.ArticleRules.Named;

/**
 * Turns a label's words into a role and a name: "SECRETARY BLINKEN" is the Secretary, Blinken; "Shri Randhir
 * Jaiswal" is Randhir Jaiswal; "FOREIGN MINISTER" is a role alone. Capitals are set right ("MR MILLER" is
 * Miller), and a surname alone becomes the fullest name the title or text gives it ("Matthew Miller").
 */
final class SpeakerNames {

    /** A label read: the role words before the name, the name (null for a role alone), and whether it was capitals. */
    record Parsed(String role, String name) {}

    private static final Set<String> HONORIFICS =
            Set.of("mr", "mrs", "ms", "miss", "dr", "he", "h.e", "shri", "smt", "sir", "madam", "mme", "m", "dame");
    private static final Set<String> ROLE_WORDS = Set.of(
            "foreign",
            "minister",
            "ministers",
            "secretary",
            "secretary-general",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "deputy",
            "under",
            "assistant",
            "ambassador",
            "president",
            "vice",
            "prime",
            "premier",
            "chancellor",
            "envoy",
            "special",
            "director",
            "director-general",
            "general",
            "official",
            "state",
            "permanent",
            "representative",
            "acting",
            "senior",
            "high",
            "commissioner",
            "chief",
            "counselor",
            "counsellor",
            "adviser",
            "advisor",
            "chair",
            "chairman",
            "chairperson",
            "chairwoman",
            "co-chair",
            "press",
            "national",
            "security",
            "of",
            "the",
            "for",
            "affairs",
            "external",
            "defence",
            "defense",
            "principal",
            "first",
            "head",
            "spokespeople",
            "coordinator",
            "undersecretary",
            "king",
            "queen",
            "leader",
            "governor");

    /** Words in title case that go on from a name in a title without being part of it: "Blinken Joins NPR". */
    private static final String NOT_A_NAME = "(?!(?:Joins|Holds|Meets|Speaks|Remarks|Interview|Press|Regular|Answers"
            + "|Statement|Call|Talks|Visit|Media|Transcript|Speech|Address|With|At|On|In|And|To|During|Delivers|Gives"
            + "|Says|Attends|Briefing|Conference|Doorstop|Meeting)\\b)";

    /** A role word, then up to four more words, then a name: "Foreign Minister Sergey Lavrov", "Sec. Blinken". */
    private static final Pattern TITLED = Pattern.compile(
            "(?:(?!(?:Transcript|Speech|Remarks|Readout|Statement|Interview|By|With)\\b)\\p{Lu}[\\p{L}\\-]* ){0,3}"
                    + "(?i:minister|secretary|sec\\.|spokesperson|spokesman|spokeswoman|president|premier|chancellor|ambassador"
                    + "|envoy|director|counselor|counsellor|adviser|advisor|representative|governor|king|queen)"
                    + "(?: (?:(?i:of|for|the|and)|\\p{Lu}[\\p{L}\\-]*)){0,4}? (?:(?:Dr|Mr|Ms|Mrs|H\\.E)\\.? )?"
                    + "(?!(?:Dr|Mr|Ms|Mrs|Foreign|Affairs|Minister|Ministry|Secretary|State|Defense|Defence|Spokesperson"
                    + "|General|Deputy|Prime|Vice)\\b)(?<name>\\p{Lu}[\\p{L}\\p{M}'\\-]+(?: \\p{Lu}\\.)?(?: "
                    + NOT_A_NAME
                    + "\\p{Lu}[\\p{L}\\p{M}'\\-]+){0,2})(?=’s|'s|\\b)");

    /** Letters after a name that are no part of it: "Hon. Bob Carr MP", "Sir Alan Duncan KCMG". */
    private static final Pattern LETTERS_AFTER =
            Pattern.compile("(?:\\s+(?:MP|MEP|QC|KC|PC|OBE|CBE|MBE|CMG|KCMG|GCMG|AO|AC)\\b\\.?){1,3}$");

    private SpeakerNames() {}

    /** The people with their names without the letters after them: "Bob Carr MP" is Bob Carr. */
    static List<Named> withoutLetters(List<Named> people) {
        return people.stream()
                .map(p -> new Named(
                        LETTERS_AFTER.matcher(p.name()).replaceFirst(""), p.title(), p.country(), p.organization()))
                .toList();
    }

    /** The people a title names after a role: "Foreign Ministry Spokesperson Mao Ning’s Regular Press Conference". */
    static List<Named> titled(String title) {
        List<Named> named = new ArrayList<>();
        Matcher m = TITLED.matcher(title);
        while (m.find()) {
            Parsed parsed = parse(m.group("name").replaceFirst("['’]s$", ""));
            if (parsed.name() != null && !ROLE_WORDS.contains(folded(parsed.name()))) {
                String role = title.substring(m.start(), m.start("name"))
                        .replaceFirst("\\s+(?:Dr|Mr|Ms|Mrs|H\\.E)\\.?\\s*$", "")
                        .strip();
                named.add(new Named(parsed.name(), role, null, false));
            }
        }
        return named;
    }

    /** True when the words are a role: "Official Spokesperson", "Minister for Foreign Affairs". */
    static boolean isRole(String words) {
        if (words == null) {
            return false;
        }
        for (String word : words.split("[ \\t]+")) {
            String folded = folded(word);
            if (ROLE_WORDS.contains(folded)
                    && !Set.of("of", "the", "for", "general", "state", "first", "national")
                            .contains(folded)) {
                return true;
            }
        }
        return false;
    }

    static Parsed parse(String label) {
        List<String> words = new ArrayList<>(List.of(label.strip().split("[ \\t\\u00A0]+")));
        while (!words.isEmpty() && HONORIFICS.contains(folded(words.get(0)).replace(".", ""))) {
            words.remove(0);
        }
        int roleEnd = 0;
        while (roleEnd < words.size() && ROLE_WORDS.contains(folded(words.get(roleEnd)))) {
            roleEnd++;
        }
        // "the" and "of" end no role: "Minister of" + "Foreign Affairs" is all role, "the" alone is nothing.
        String role = roleEnd == 0 ? null : cased(String.join(" ", words.subList(0, roleEnd)));
        String name = roleEnd == words.size() ? null : cased(String.join(" ", words.subList(roleEnd, words.size())));
        if (role != null && Set.of("the", "of", "the of").contains(folded(role))) {
            role = null;
        }
        return new Parsed(role == null ? null : role.replaceFirst("^(?i)the ", ""), name);
    }

    /** The fullest name among the people a text names that ends in this name's last word, else the name as is. */
    static String fullest(String name, List<Named> people) {
        Named known = known(name, people);
        return known != null && known.name().length() > name.length() ? known.name() : name;
    }

    /** The person among those a text names whose name ends in this name's last word, the fullest if several. */
    static Named known(String name, List<Named> people) {
        String surname = folded(name.substring(name.lastIndexOf(' ') + 1));
        Named best = null;
        for (Named person : people) {
            String full = folded(person.name());
            if (!person.organization()
                    && (full.equals(surname) || full.endsWith(" " + surname))
                    && (best == null || person.name().length() > best.name().length())) {
                best = person;
            }
        }
        return best;
    }

    /** Words in capitals set in title case ("NEBENZIA" is Nebenzia); words in mixed case are kept. */
    static String cased(String words) {
        if (!words.equals(words.toUpperCase(Locale.ROOT)) || words.length() <= 3) {
            return words;
        }
        StringBuilder out = new StringBuilder(words.length());
        boolean start = true;
        for (char c : words.toCharArray()) {
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('’', '\'')
                .toLowerCase(Locale.ROOT);
    }
}
