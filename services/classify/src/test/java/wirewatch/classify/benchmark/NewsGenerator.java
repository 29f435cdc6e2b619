package wirewatch.classify.benchmark;

import static wirewatch.classify.benchmark.NewsVocabulary.ACTORS;
import static wirewatch.classify.benchmark.NewsVocabulary.ENTITIES;
import static wirewatch.classify.benchmark.NewsVocabulary.FILLER;
import static wirewatch.classify.benchmark.NewsVocabulary.MODIFIERS;
import static wirewatch.classify.benchmark.NewsVocabulary.OBJECTS;
import static wirewatch.classify.benchmark.NewsVocabulary.REPORTING;
import static wirewatch.classify.benchmark.NewsVocabulary.VERBS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import wirewatch.classify.matching.StoryText;

/**
 * Deterministic rules and stories from {@link NewsVocabulary}: the same seed gives the same benchmark input on
 * every machine. Stories read like wire copy (a headline, a dateline, reporting verbs, filler paragraphs) and
 * mention verb-object pairs drawn from the same vocabulary as the rules, so a share of the rules match. One
 * body sentence in four is on such a topic, the rest is the background news is mostly made of: with two in
 * three, as before, every story was dense with every rule's terms and nearly every story matched something,
 * which is not what a wire feed looks like and made the benchmark measure the presearcher's worst case only.
 */
final class NewsGenerator {

    private static final List<String> CATEGORIES = List.of("NATO_NON_ENLARGEMENT", "NEUTRALITY",
            "SANCTIONS_RELIEF", "FROZEN_ASSETS", "RUSSIAN_SPEAKERS", "TERRITORY", "SECURITY_GUARANTEES",
            "CEASEFIRE");

    /**
     * About this many rules of a set are broad ("lift sanctions"~4, "ease energy sanctions"~3); the others
     * name something specific ("freeze Kalomir assets"~2). A real rule set has a few hundred broad rules
     * however large it grows, since there are only so many ways to say "lift sanctions"; sets up to this
     * size are all broad, as the default pack is.
     */
    static final int BROAD_RULES = 500;

    private NewsGenerator() {
    }

    /**
     * Rules like the default pack's: one to three phrases; broad rules name a verb, a modifier and an object
     * ("ease energy sanctions"~3) or only a verb and an object ("lift sanctions"~4), specific ones a verb, a
     * named thing and an object; most carry an actor context and some an exclusion.
     */
    static List<GeneratedRule> rules(int count, long seed) {
        var random = new SplittableRandom(seed);
        var rules = new ArrayList<GeneratedRule>(count);
        for (int i = 0; i < count; i++) {
            var phrases = new ArrayList<GeneratedRule.Phrase>();
            boolean broad = random.nextInt(count) < BROAD_RULES;
            int phraseCount = 1 + random.nextInt(3);
            for (int p = 0; p < phraseCount; p++) {
                var verb = pick(VERBS, random);
                var object = pick(OBJECTS, random);
                if (broad && random.nextInt(10) == 0) {
                    phrases.add(new GeneratedRule.Phrase(List.of(verb, object), 3 + random.nextInt(3)));
                } else {
                    var modifier = broad ? pick(MODIFIERS, random) : pick(ENTITIES, random);
                    phrases.add(new GeneratedRule.Phrase(List.of(verb, modifier, object), 2 + random.nextInt(3)));
                }
            }
            var context = new ArrayList<String>();
            if (random.nextInt(10) < 7) {
                int actors = 2 + random.nextInt(3);
                while (context.size() < actors) {
                    var actor = pick(ACTORS, random).toLowerCase(Locale.ROOT);
                    if (!context.contains(actor)) {
                        context.add(actor);
                    }
                }
            }
            var exclude = random.nextInt(100) < 15 ? pick(MODIFIERS, random) : null;
            rules.add(new GeneratedRule("gen-%06d".formatted(i), CATEGORIES.get(i % CATEGORIES.size()), phrases,
                    context, exclude));
        }
        return rules;
    }

    /** The seed story of the design followed by {@code generated} wire-style stories. */
    static List<StoryText> stories(int generated, long seed) {
        var stories = new ArrayList<StoryText>(generated + 1);
        stories.add(seedStory());
        var random = new Random(seed);
        for (int i = 0; i < generated; i++) {
            stories.add(story(random));
        }
        return stories;
    }

    private static StoryText story(Random random) {
        var actor = pick(ACTORS, random);
        var verb = pick(VERBS, random);
        var title = "%s %s %s %s".formatted(actor, pick(List.of("moves to", "refuses to", "offers to", "vows to"),
                random), verb, pick(OBJECTS, random));
        var body = new StringBuilder(pick(List.of("BRUSSELS", "KYIV", "MOSCOW", "ISTANBUL", "WASHINGTON", "GENEVA"),
                random)).append(" (Wirewatch) - ");
        int paragraphs = 4 + random.nextInt(5);
        for (int p = 0; p < paragraphs; p++) {
            int sentences = 1 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                body.append(random.nextInt(4) != 0 ? pick(FILLER, random) : newsSentence(random)).append(' ');
            }
            body.setLength(body.length() - 1);
            body.append("\n\n");
        }
        return new StoryText(title, body.toString().strip());
    }

    private static String newsSentence(Random random) {
        var actor = pick(ACTORS, random);
        var other = pick(ACTORS, random);
        var verb = pick(VERBS, random);
        var modifier = switch (random.nextInt(3)) {
            case 0 -> pick(MODIFIERS, random) + " ";
            case 1 -> pick(ENTITIES, random) + " ";
            default -> "";
        };
        var object = pick(OBJECTS, random);
        return switch (random.nextInt(4)) {
            case 0 -> "%s %s %s %s%s, according to a statement from %s.".formatted(actor, pick(REPORTING, random),
                    verb, modifier, object, other);
            case 1 -> "The %s of %s%s was raised by %s during talks with %s.".formatted(
                    NewsVocabulary.gerund(verb), modifier, object, actor, other);
            case 2 -> "\"We will not %s any %s%s until %s changes course,\" a senior %s official said.".formatted(
                    verb, modifier, object, other, actor);
            default -> "%s and %s discussed whether to %s the remaining %s%s, two people familiar with the matter said."
                    .formatted(actor, other, verb, modifier, object);
        };
    }

    private static StoryText seedStory() {
        try (var in = NewsGenerator.class.getResourceAsStream("/putin-peace-terms.txt")) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int firstBreak = text.indexOf('\n');
            return new StoryText(text.substring(0, firstBreak), text.substring(firstBreak + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
