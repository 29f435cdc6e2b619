package wirewatch.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.InvalidRuleSetException;
import wirewatch.classify.rules.RuleFile;

class ActiveRuleSetTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-20T08:00:00Z"), ZoneOffset.UTC);

    private final ActiveRuleSet rules = new ActiveRuleSet(new RuleSetCompiler(CLOCK), CLOCK);

    @Test
    void appliesAValidChangedSetAndRecordsIt() {
        rules.load("dir", () -> truceRules("truce"));
        var first = rules.current().version();

        var status = rules.reload("dir", () -> truceRules("armistice"));

        assertThat(status.outcome()).isEqualTo(RuleSetStatus.Outcome.APPLIED);
        assertThat(rules.current().version()).isNotEqualTo(first).isEqualTo(status.version());
        assertThat(rules.classify(new StoryText("Armistice signed", "")).matched()).isTrue();
        assertThat(rules.history()).extracting(RuleSetStatus::outcome)
                .containsExactly(RuleSetStatus.Outcome.APPLIED, RuleSetStatus.Outcome.APPLIED);
    }

    @Test
    void rejectsAnInvalidSetWithItsFileAndLineAndKeepsThePreviousOne() {
        rules.load("dir", () -> truceRules("truce"));
        var active = rules.current();

        var status = rules.reload("dir", () -> List.of(new RuleFile("broken.yaml", """
                - id: broken
                  category: CEASEFIRE
                  query: '"unclosed phrase'
                  examples:
                    match: [unclosed phrase]
                """)));

        assertThat(status.outcome()).isEqualTo(RuleSetStatus.Outcome.REJECTED);
        assertThat(status.problems()).singleElement().asString().startsWith("broken.yaml:3: rule 'broken': query does not parse");
        assertThat(rules.current()).isSameAs(active);
        assertThat(active.isOpen()).isTrue();
        assertThat(rules.status()).isEqualTo(status);
        assertThat(rules.classify(new StoryText("Truce holds", "")).rulesetVersion()).isEqualTo(active.version());
    }

    @Test
    void doesNotRecompileTheActiveSetOrTheSetLastRejected() {
        rules.load("dir", () -> truceRules("truce"));
        var active = rules.current();

        var same = rules.reload("dir", () -> truceRules("truce"));
        assertThat(same.outcome()).isEqualTo(RuleSetStatus.Outcome.UNCHANGED);
        assertThat(rules.current()).isSameAs(active);

        rules.reload("dir", () -> List.of(new RuleFile("broken.yaml", "- id: [")));
        var rejectedAgain = rules.reload("dir", () -> List.of(new RuleFile("broken.yaml", "- id: [")));
        assertThat(rejectedAgain.outcome()).isEqualTo(RuleSetStatus.Outcome.UNCHANGED);

        var reverted = rules.reload("dir", () -> truceRules("truce"));
        assertThat(reverted.outcome()).isEqualTo(RuleSetStatus.Outcome.UNCHANGED);
        assertThat(rules.history()).extracting(RuleSetStatus::outcome).containsExactly(
                RuleSetStatus.Outcome.APPLIED, RuleSetStatus.Outcome.REJECTED, RuleSetStatus.Outcome.UNCHANGED);
    }

    @Test
    void rejectsUnreadableFilesWithTheReason() {
        rules.load("dir", () -> truceRules("truce"));

        var status = rules.reload("dir", () -> {
            throw new IllegalStateException("rules directory /gone does not exist");
        });

        assertThat(status.outcome()).isEqualTo(RuleSetStatus.Outcome.REJECTED);
        assertThat(status.version()).isNull();
        assertThat(status.problems()).containsExactly("rules directory /gone does not exist");
    }

    @Test
    void failsStartupLoadingOnAnInvalidSet() {
        assertThatThrownBy(() -> rules.load("dir", () -> List.of(new RuleFile("broken.yaml", "- id: ["))))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("broken.yaml:1");
    }

    @Test
    void keepsOnlyTheLastAttemptsInTheHistory() {
        for (int i = 0; i < ActiveRuleSet.HISTORY_SIZE + 3; i++) {
            rules.reload("dir", () -> truceRules("truce" + rules.history().size()));
        }

        assertThat(rules.history()).hasSize(ActiveRuleSet.HISTORY_SIZE);
    }

    @Test
    void classifiesWithoutFailureWhileSetsAreSwappedAndClosesEveryReplacedSet() throws Exception {
        rules.load("dir", () -> truceRules("truce"));
        var loaded = new ConcurrentLinkedQueue<CompiledRuleSet>(List.of(rules.current()));
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var classified = new AtomicInteger();
        var swapping = new AtomicBoolean(true);
        var started = new CountDownLatch(3);
        var pool = Executors.newFixedThreadPool(3);
        for (int thread = 0; thread < 3; thread++) {
            pool.execute(() -> {
                started.countDown();
                while (swapping.get()) {
                    try {
                        var classification = rules.classify(new StoryText("Truce and armistice", "A truce."));
                        assertThat(classification.matched()).isTrue();
                        classified.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
        }
        started.await();
        for (int swap = 0; swap < 40; swap++) {
            var word = swap % 2 == 0 ? "armistice" : "truce";
            rules.reload("dir", () -> truceRules(word, "swap " + rules.history().size()));
            loaded.add(rules.current());
        }
        swapping.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(classified.get()).isPositive();
        var active = rules.current();
        assertThat(loaded).hasSize(41).filteredOn(set -> set != active).allSatisfy(
                set -> assertThat(set.isOpen()).as("replaced set %s still open", set.version()).isFalse());
        rules.close();
        assertThat(active.isOpen()).isFalse();
    }

    private static List<RuleFile> truceRules(String word) {
        return truceRules(word, "");
    }

    /** One valid rule matching {@code word}; the comment changes the content, and so the version, only. */
    private static List<RuleFile> truceRules(String word, String comment) {
        return new ArrayList<>(List.of(new RuleFile("ceasefire.yaml", """
                # %s
                - id: truce
                  category: CEASEFIRE
                  query: %s
                  examples:
                    match: [The %s holds.]
                """.formatted(comment, word, word))));
    }
}
