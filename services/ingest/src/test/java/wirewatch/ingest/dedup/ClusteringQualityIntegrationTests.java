package wirewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.ingest.TestDatabases;
import wirewatch.ingest.text.PlainText;

/**
 * Pairwise precision and recall of the clustering, with the configuration shipped in
 * {@code application.yml}, over the labelled set in {@code src/test/resources/clusters} (see its README):
 * 26 wire stories in 6 topics, each with 6 syndicated copies. A pair of stories is a true positive when
 * both the labels and the clustering put them together; precision is the share of pairs clustered
 * together that belong together, recall the share of pairs belonging together that were clustered so.
 */
class ClusteringQualityIntegrationTests {

    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final double TARGET = 0.95;

    record LabelledStory(String id, String cluster, String topic, String variant, int minute, String title,
            String body) {
    }

    @Test
    void clustersSyndicatedCopiesTogetherAndKeepsDifferentStoriesApart() {
        var stories = labelledStories();
        var properties = shippedProperties();
        var predicted = clusterInOrder(stories, properties);

        var pairs = PairCounts.of(stories.stream().map(LabelledStory::cluster).toList(),
                stories.stream().map(story -> predicted.get(story.id())).toList());
        System.out.printf("clustering quality on %d labelled stories (%d true pairs): precision %.3f, recall %.3f "
                        + "(%d true positives, %d false positives, %d false negatives)%n",
                stories.size(), pairs.truePositives() + pairs.falseNegatives(), pairs.precision(), pairs.recall(),
                pairs.truePositives(), pairs.falsePositives(), pairs.falseNegatives());
        System.out.println("recall per kind of copy (copy clustered with its original): "
                + recallByVariant(stories, predicted));
        printMistakes(stories, predicted);
        printMargins(stories, Integer.MAX_VALUE);
        printMargins(stories, properties.boilerplateClusters());

        assertThat(pairs.precision()).as("pairwise precision").isGreaterThanOrEqualTo(TARGET);
        assertThat(pairs.recall()).as("pairwise recall").isGreaterThanOrEqualTo(TARGET);
    }

    @Test
    void countsPairsAsDefined() {
        // Labels {a,a,a,b}, predicted {x,x,y,y}: true pairs (0,1) (0,2) (1,2); predicted pairs (0,1) (2,3).
        var pairs = PairCounts.of(List.of("a", "a", "a", "b"), List.of("x", "x", "y", "y"));

        assertThat(pairs).isEqualTo(new PairCounts(1, 1, 2));
        assertThat(pairs.precision()).isEqualTo(0.5);
        assertThat(pairs.recall()).isEqualTo(1.0 / 3);
    }

    record PairCounts(long truePositives, long falsePositives, long falseNegatives) {

        static PairCounts of(List<String> labels, List<String> predicted) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (var i = 0; i < labels.size(); i++) {
                for (var j = i + 1; j < labels.size(); j++) {
                    var together = labels.get(i).equals(labels.get(j));
                    var clustered = predicted.get(i).equals(predicted.get(j));
                    if (together && clustered) {
                        tp++;
                    } else if (clustered) {
                        fp++;
                    } else if (together) {
                        fn++;
                    }
                }
            }
            return new PairCounts(tp, fp, fn);
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    /** Registers every story in the order of its minute, as ingest would see them arrive. */
    static Map<String, String> clusterInOrder(List<LabelledStory> stories, ClustersProperties properties) {
        // One connection kept open, as a pool would, so connecting is not what gets measured.
        var dataSource = new SingleConnectionDataSource(TestDatabases.newDatabase(), "postgres", "postgres", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        var transactionManager = new DataSourceTransactionManager(dataSource);
        var proxy = new ProxyFactory(new JdbcSeenStories(JdbcClient.create(dataSource), properties));
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource()));
        var store = (SeenStories) proxy.getProxy();
        var transaction = new TransactionTemplate(transactionManager);

        var predicted = new LinkedHashMap<String, String>();
        var storeIds = new LinkedHashMap<String, String>();
        for (var story : stories) {
            var storeId = "s" + storeIds.size();
            storeIds.put(storeId, story.id());
            var sketch = TextSketch.of(PlainText.lines(story.body()));
            var at = START.plus(Duration.ofMinutes(story.minute()));
            var registration = transaction.execute(status ->
                    store.register(storeId, "https://example.com/" + storeId, sketch, at));
            predicted.put(story.id(), storeIds.get(registration.clusterId()));
        }
        return predicted;
    }

    static List<LabelledStory> labelledStories() {
        var mapper = JsonMapper.builder().build();
        try (var in = new ClassPathResource("clusters/labelled-stories.jsonl").getInputStream()) {
            var stories = new ArrayList<LabelledStory>();
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    stories.add(mapper.readValue(line, LabelledStory.class));
                }
            }
            return stories;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clustering settings of {@code application.yml}, so what is measured is what ships. */
    static ClustersProperties shippedProperties() {
        try {
            var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("wirewatch.ingest.clusters", ClustersProperties.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stories placed in a cluster other than their original's, with where they went. */
    private static void printMistakes(List<LabelledStory> stories, Map<String, String> predicted) {
        var originals = new HashMap<String, String>();
        stories.stream().filter(story -> story.variant().equals("original"))
                .forEach(story -> originals.put(story.cluster(), predicted.get(story.id())));
        stories.stream()
                .filter(story -> !predicted.get(story.id()).equals(originals.get(story.cluster())))
                .forEach(story -> System.out.printf("  %s clustered with %s%n", story.id(), predicted.get(story.id())));
    }

    /**
     * How far apart copies and different stories are, to show how much room the threshold has: with all
     * lines, and with the lines that (over the whole set) more than {@code boilerplateClusters} clusters
     * carry set aside, which is what the store does with what it has seen so far.
     */
    private static void printMargins(List<LabelledStory> stories, int boilerplateClusters) {
        var raw = stories.stream().map(story -> TextSketch.of(PlainText.lines(story.body()))).toList();
        var clustersOfLine = new HashMap<Long, Set<String>>();
        for (var i = 0; i < stories.size(); i++) {
            for (var line : raw.get(i).lineHashes()) {
                clustersOfLine.computeIfAbsent(line, key -> new HashSet<>()).add(stories.get(i).cluster());
            }
        }
        var boilerplate = clustersOfLine.entrySet().stream()
                .filter(entry -> entry.getValue().size() > boilerplateClusters)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        var sketches = raw.stream().map(sketch -> sketch.without(boilerplate)).toList();
        var loosestCopy = 1.0;
        var closestStranger = 0.0;
        String closestPair = "";
        for (var i = 0; i < stories.size(); i++) {
            for (var j = i + 1; j < stories.size(); j++) {
                var smaller = Math.min(sketches.get(i).size(), sketches.get(j).size());
                var containment = (double) sketches.get(i).sharedWith(sketches.get(j)) / smaller;
                var sameStory = stories.get(i).cluster().equals(stories.get(j).cluster());
                var withOriginal = stories.get(i).variant().equals("original")
                        || stories.get(j).variant().equals("original");
                if (sameStory && withOriginal) {
                    loosestCopy = Math.min(loosestCopy, containment);
                } else if (!sameStory && containment > closestStranger) {
                    closestStranger = containment;
                    closestPair = stories.get(i).id() + " ~ " + stories.get(j).id();
                }
            }
        }
        var setAside = boilerplate.isEmpty() ? "all lines compared"
                : "%d lines found in more than %d clusters set aside".formatted(
                        boilerplate.size(), boilerplateClusters);
        System.out.printf("containment (%s): loosest copy of its original %.2f, "
                        + "closest pair of different stories %.2f (%s)%n",
                setAside, loosestCopy, closestStranger, closestPair);
    }

    private static Map<String, String> recallByVariant(List<LabelledStory> stories, Map<String, String> predicted) {
        var originals = new LinkedHashMap<String, String>();
        stories.stream().filter(story -> story.variant().equals("original"))
                .forEach(story -> originals.put(story.cluster(), predicted.get(story.id())));
        var hits = new TreeMap<String, int[]>();
        for (var story : stories) {
            if (!story.variant().equals("original")) {
                var counts = hits.computeIfAbsent(story.variant(), variant -> new int[2]);
                counts[1]++;
                if (predicted.get(story.id()).equals(originals.get(story.cluster()))) {
                    counts[0]++;
                }
            }
        }
        var shares = new TreeMap<String, String>();
        hits.forEach((variant, counts) -> shares.put(variant, counts[0] + "/" + counts[1]));
        return shares;
    }
}
