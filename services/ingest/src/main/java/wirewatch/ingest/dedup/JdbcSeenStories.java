package wirewatch.ingest.dedup;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SeenStories} in PostgreSQL. A story's id is unique through the primary key and
 * {@code ON CONFLICT DO NOTHING}: a second transaction inserting the same id blocks until the first commits
 * (then sees its row) or rolls back (then inserts its own). Near-duplicates meet through MinHash band keys
 * ({@code cluster_band}), checked exactly on their stored shingles ({@code story_sketch}). Two copies
 * arriving at once would not see each other's uncommitted rows, so a story first takes a transaction-level
 * advisory lock on each of its band keys, in ascending order: copies share a band, so the later one waits
 * for the earlier to commit and then finds it. Lines (paragraphs) are remembered per cluster
 * ({@code story_line}): a line that clusters other than a candidate's carry is boilerplate and left out
 * when comparing with that candidate.
 */
@Repository
class JdbcSeenStories implements SeenStories {

    /** The first key of the two-key advisory locks, reserving a lock space for band keys. */
    private static final int BAND_LOCK_SPACE = 0x636c7573;

    private final JdbcClient jdbc;
    private final ClustersProperties properties;

    JdbcSeenStories(JdbcClient jdbc, ClustersProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Registration register(String id, String canonicalUrl, TextSketch sketch, Instant ingestedAt) {
        return register(id, canonicalUrl, sketch, ingestedAt, clusterId -> { });
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Registration register(String id, String canonicalUrl, TextSketch sketch, Instant ingestedAt,
            Consumer<String> onClustered) {
        var at = OffsetDateTime.ofInstant(ingestedAt, ZoneOffset.UTC);
        var bands = sketch.isEmpty() ? new long[0] : sketch.bands();
        if (!insertAndLock(id, canonicalUrl, bands, at)) {
            var clusterId = jdbc.sql("select cluster_id from seen_story where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            return new Registration.Seen(id, clusterId);
        }
        if (sketch.isEmpty()) {
            onClustered.accept(id);
            return new Registration.New(id);
        }
        var clusterId = nearestCopy(sketch, bands, ingestedAt).map(Candidate::clusterId).orElse(id);
        onClustered.accept(clusterId);
        // One round trip for the four tables: the band locks are held until commit, so every statement from here
        // on keeps the copies that share a band with this story waiting.
        jdbc.sql("""
                        with joined as (
                            update seen_story set cluster_id = :clusterId where id = :id and cluster_id <> :clusterId),
                        sketch as (
                            insert into story_sketch (story_id, cluster_id, shingles, ingested_at)
                            values (:id, :clusterId, :shingles, :ingestedAt)
                            returning story_no),
                        bands as (
                            insert into cluster_band (band_key, story_no)
                            select distinct key, sketch.story_no from unnest(:bands) as key cross join sketch)
                        insert into story_line (line_hash, cluster_id, ingested_at)
                        select line, :clusterId, :ingestedAt from unnest(:lines) as line
                        on conflict (line_hash, cluster_id) do update set ingested_at = excluded.ingested_at
                        where story_line.ingested_at < excluded.ingested_at""")
                .param("id", id)
                .param("clusterId", clusterId)
                .param("shingles", sketch.shingles())
                .param("bands", bands)
                .param("lines", sketch.lineHashes())
                .param("ingestedAt", at)
                .update();
        return new Registration.New(clusterId);
    }

    /**
     * Records the story's id unless it is recorded already and, only when it was not, takes the advisory locks on
     * its band keys: one round trip. The locks are taken for the rows the insert returns, so always after it; a
     * second transaction with the same id waits in the insert holding no band lock, and cannot deadlock with the
     * first. {@code unnest} yields the lock keys in ascending order, the order every transaction locks in.
     *
     * @return whether the story was recorded now
     */
    private boolean insertAndLock(String id, String canonicalUrl, long[] bands, OffsetDateTime at) {
        var locks = Arrays.stream(bands).mapToInt(band -> (int) (band ^ (band >>> 32)))
                .sorted()
                .distinct()
                .toArray();
        // A nested loop is the only join "on true" allows, and a left one keeps the inserted row as its outer side:
        // one lock per key, in array order, and a row to count even when there are no keys (a null key locks
        // nothing: the function is strict).
        return jdbc.sql("""
                        with inserted as (
                            insert into seen_story (id, canonical_url, cluster_id, ingested_at)
                            values (:id, :url, :id, :ingestedAt)
                            on conflict (id) do nothing
                            returning id)
                        select count(distinct inserted.id) = 1 and count(pg_advisory_xact_lock(:space, key)) >= 0
                        from inserted left join unnest(:keys) as key on true""")
                .param("id", id)
                .param("url", canonicalUrl)
                .param("ingestedAt", at)
                .param("space", BAND_LOCK_SPACE)
                .param("keys", locks)
                .query(Boolean.class)
                .single();
    }

    /**
     * The earlier story in the window that this one copies most closely, if any does. One query reads both the
     * candidates (stories sharing most band keys) and, for each of this story's lines seen in the window, the
     * clusters that carry it (see {@link #boilerplate}); the lines only when there are candidates.
     */
    private Optional<Candidate> nearestCopy(TextSketch sketch, long[] bands, Instant ingestedAt) {
        var since = OffsetDateTime.ofInstant(ingestedAt.minus(properties.window()), ZoneOffset.UTC);
        var candidates = new ArrayList<Stored>();
        var clustersOfLines = new HashMap<Long, List<String>>();
        // Each key, candidate and line is looked up on its own, so the plan is index probes whatever the
        // statistics say: with "= any(...)" joins the planner scanned cluster_band, story_sketch or story_line whole
        // whenever its estimates had fallen behind these fast-growing tables (13.5 ms instead of 1.4 ms at 100,000
        // band rows, and growing with the window). "offset 0" keeps each lateral subquery from being flattened
        // into a join that the planner could again answer with a scan; a key's probe has a limit instead, which fences
        // it as well: it reads only the key's most recent rows, walking the primary key (ordered by sketch number,
        // which is the order sketches were written, within each key) backwards, so a key shared by thousands of
        // stories costs no more than one shared by a few. The window is applied to the candidates' sketches: a band
        // row carries no time, and those that left the window are deleted hourly (SketchRetention); until then such
        // a row is a key's oldest, read only when the key has fewer recent ones, and its story, should it rank among
        // the candidates, is dropped here.
        jdbc.sql("""
                        with candidate as (
                            select s.cluster_id, s.shingles, s.ingested_at
                            from (select b.story_no, count(*) as shared_bands
                                  from unnest(:bands) as key
                                  cross join lateral (select story_no from cluster_band
                                                      where band_key = key
                                                      order by story_no desc
                                                      limit :perBand) b
                                  group by b.story_no
                                  order by shared_bands desc, b.story_no desc
                                  limit :limit) c
                            cross join lateral (select cluster_id, shingles, ingested_at from story_sketch
                                                where story_no = c.story_no and ingested_at >= :since
                                                offset 0) s)
                        select cluster_id, shingles, ingested_at, null::bigint as line_hash from candidate
                        union all
                        select l.cluster_id, null, null, l.line_hash
                        from unnest(:lines) as line
                        cross join lateral (select cluster_id, line_hash from story_line
                                            where line_hash = line and ingested_at >= :since
                                            offset 0) l
                        where exists (select 1 from candidate)""")
                .param("bands", bands)
                .param("since", since)
                .param("limit", properties.maxCandidates())
                .param("perBand", properties.storiesPerBand())
                .param("lines", sketch.lineHashes())
                .query((RowCallbackHandler) rs -> {
                    var lineHash = rs.getLong("line_hash");
                    if (rs.wasNull()) {
                        candidates.add(new Stored(rs.getString("cluster_id"),
                                TextSketch.ofShingles(ints(rs.getArray("shingles"))),
                                rs.getObject("ingested_at", OffsetDateTime.class).toInstant()));
                    } else {
                        clustersOfLines.computeIfAbsent(lineHash, line -> new ArrayList<>())
                                .add(rs.getString("cluster_id"));
                    }
                });
        // Among the copies, the one sharing most text; containment alone would favour a story of which
        // little is left once boilerplate is set aside.
        return candidates.stream()
                .map(stored -> stored.compareWith(sketch, boilerplate(clustersOfLines, stored.clusterId())))
                .filter(candidate -> properties.copies(
                        candidate.shared(), candidate.comparedSize(), candidate.fullSize()))
                .max(Comparator.comparingInt(Candidate::shared)
                        .thenComparing(Candidate::ingestedAt, Comparator.reverseOrder()));
    }

    /**
     * The lines that, besides the candidate's own cluster, enough other clusters carry to be boilerplate:
     * sign-offs, promotions, stock background. Text a story shares with unrelated stories is no evidence
     * that it copies this one.
     */
    private Set<Long> boilerplate(Map<Long, List<String>> clustersOfLines, String candidateCluster) {
        return clustersOfLines.entrySet().stream()
                .filter(entry -> entry.getValue().stream().filter(cluster -> !cluster.equals(candidateCluster))
                        .count() >= properties.boilerplateClusters())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static int[] ints(Array array) throws SQLException {
        var boxed = (Integer[]) array.getArray();
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** An earlier story's stored sketch. */
    private record Stored(String clusterId, TextSketch sketch, Instant ingestedAt) {

        Candidate compareWith(TextSketch story, Set<Long> boilerplate) {
            var compared = story.without(boilerplate);
            return new Candidate(clusterId, compared.sharedWith(sketch), Math.min(compared.size(), sketch.size()),
                    Math.min(story.size(), sketch.size()), ingestedAt);
        }
    }

    /**
     * @param comparedSize the smaller of the two, after setting aside boilerplate
     * @param fullSize     the smaller of the two, whole
     */
    private record Candidate(String clusterId, int shared, int comparedSize, int fullSize, Instant ingestedAt) {
    }
}
