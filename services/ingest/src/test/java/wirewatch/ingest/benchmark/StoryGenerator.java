package wirewatch.ingest.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A copy of the load harness's generator ({@code deploy/local}, which ingest does not depend on), so this runner
 * posts what {@code deploy/load/run} posts. Wire-style stories that the default rule pack classifies as {@code CEASEFIRE} (even-numbered stories) or
 * {@code SANCTIONS_RELIEF} (odd), each different enough from every other that neither ingest's near-duplicate
 * clustering (stories sharing half of their four-word shingles are one cluster) nor notify's flood control (one
 * alert per cluster and category) folds them together: every sentence has a name, place, number or day at least
 * every four words, sentences are drawn from several templates, and the URL carries the run and the story number.
 * The context words the rules ask for (Kyiv, Ukraine, Moscow) are in the templates; nothing names another war.
 */
final class StoryGenerator {

    static final List<String> CATEGORIES = List.of("CEASEFIRE", "SANCTIONS_RELIEF");

    private static final String[] FIRST = {"Anna", "Oleh", "Dmitri", "Iryna", "Mark", "Sofia", "Pavlo", "Elena",
        "Taras", "Marta", "Viktor", "Olena", "James", "Claire", "Andriy", "Nadia", "Yuri", "Helga", "Tomas", "Lucia"};
    private static final String[] LAST = {"Kovalenko", "Petrov", "Shevchuk", "Morozov", "Bondar", "Lysenko", "Orlov",
        "Hartmann", "Novak", "Fischer", "Melnyk", "Sokolov", "Tkachenko", "Dubois", "Rossi", "Kuznetsov", "Horvat",
        "Varga", "Nowak", "Berg"};
    private static final String[] ROLE = {"envoy", "negotiator", "deputy minister", "spokesperson", "adviser",
        "analyst", "diplomat", "senior official"};
    private static final String[] PLACE = {"Geneva", "Istanbul", "Riyadh", "Vienna", "Helsinki", "Doha", "Oslo",
        "Ankara", "Budapest", "Warsaw", "Bern", "Abu Dhabi", "Rome", "Brussels", "Jeddah", "Paris"};
    private static final String[] DAY = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] MONTH = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] REGION = {"Kharkiv", "Sumy", "Odesa", "Mykolaiv", "Dnipro", "Chernihiv",
        "Poltava", "Kryvyi Rih"};
    private static final String[] SECTOR = {"banks", "fertiliser exporters", "shipping insurers", "aircraft parts",
        "grain traders", "metals producers", "energy traders", "car makers"};

    private final Random random;
    private final String runId;

    /** @param runId part of every URL, so stories of different runs are different stories too */
    StoryGenerator(long seed, String runId) {
        this.random = new Random(seed);
        this.runId = runId;
    }

    record GeneratedStory(String url, String title, String body, String category) {
    }

    GeneratedStory next(int n) {
        boolean ceasefire = n % 2 == 0;
        String url = "https://load.wirewatch.test/" + runId + "/" + n;
        String title = ceasefire ? ceasefireTitle() : sanctionsTitle();
        List<Supplier<String>> templates = new ArrayList<>(ceasefire ? ceasefireSentences() : sanctionsSentences());
        templates.addAll(backgroundSentences());
        var body = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            // The first sentence always carries the category; the rest mix topic and background.
            int pick = i == 0 ? random.nextInt(2) : random.nextInt(templates.size());
            body.append(i == 0 ? "" : " ").append(templates.remove(pick).get());
        }
        return new GeneratedStory(url, title, body.toString(), CATEGORIES.get(ceasefire ? 0 : 1));
    }

    private String ceasefireTitle() {
        return switch (random.nextInt(3)) {
            case 0 -> place() + " talks: " + who() + " sees " + number(3, 90) + "-day truce for Ukraine";
            case 1 -> "Kyiv weighs ceasefire near " + region() + " after " + day() + " meeting in " + place();
            default -> who() + " says Ukraine ceasefire in " + region() + " could start by " + month();
        };
    }

    private String sanctionsTitle() {
        return switch (random.nextInt(3)) {
            case 0 -> "Moscow seeks sanctions relief for " + sector() + ", " + who() + " says in " + place();
            case 1 -> place() + " talks: Russia asks to lift sanctions on " + sector() + " by " + month();
            default -> who() + " says easing sanctions on Russian " + sector() + " splits Ukraine allies";
        };
    }

    private List<Supplier<String>> ceasefireSentences() {
        return List.of(
                () -> who() + ", a " + role() + " in " + place() + ", said on " + day() + " Kyiv could accept a "
                        + number(3, 90) + "-day ceasefire.",
                () -> "Talks in " + place() + " on " + day() + " produced a draft truce for Ukraine's " + region()
                        + " and " + region() + ", " + who() + " said.",
                () -> "According to " + who() + ", " + number(4, 60) + " delegates in " + place()
                        + " discussed a Ukraine ceasefire along " + number(20, 900) + " kilometres near "
                        + region() + ".",
                () -> who() + " warned the truce around Ukraine's " + region() + " could fail within " + number(6, 96)
                        + " hours without " + number(50, 800) + " monitors.");
    }

    private List<Supplier<String>> sanctionsSentences() {
        return List.of(
                () -> who() + ", a " + role() + " in " + place() + ", said on " + day() + " Moscow wants "
                        + place() + " to lift sanctions on " + sector() + ".",
                () -> "Officials in " + place() + " weighed easing sanctions on " + number(3, 70) + " Russian "
                        + sector() + " by " + month() + ", " + who() + " said.",
                () -> who() + " told reporters in " + place() + " Kyiv opposed sanctions relief for Russian "
                        + sector() + " before " + month() + ".",
                () -> "Russia's " + sector() + " lost " + number(2, 40) + " billion dollars since " + month()
                        + ", " + who() + " estimated on " + day() + ".");
    }

    private List<Supplier<String>> backgroundSentences() {
        return List.of(
                () -> "Ukraine and Russia exchanged " + number(10, 400) + " prisoners on " + day() + ", " + who()
                        + " told reporters in " + place() + ".",
                () -> "One " + role() + " in " + place() + " said " + number(2, 30) + " rounds of talks since "
                        + month() + " had cost " + number(5, 95) + " million euros.",
                () -> who() + " and " + who() + " are due in " + place() + " on " + day() + " with "
                        + number(3, 25) + " advisers.");
    }

    private String who() {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    private String role() {
        return ROLE[random.nextInt(ROLE.length)];
    }

    private String place() {
        return PLACE[random.nextInt(PLACE.length)];
    }

    private String day() {
        return DAY[random.nextInt(DAY.length)];
    }

    private String month() {
        return MONTH[random.nextInt(MONTH.length)];
    }

    private String region() {
        return REGION[random.nextInt(REGION.length)];
    }

    private String sector() {
        return SECTOR[random.nextInt(SECTOR.length)];
    }

    private int number(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }
}
