package wirewatch.ingest.dedup;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param window         how far back a story looks for earlier copies of itself; copies further apart
 *                       start a new cluster, and sketches older than this are deleted
 * @param minContainment share of the smaller story's shingles that must appear in the other for the two
 *                       to be copies; containment rather than Jaccard, so a copy with paragraphs cut still
 *                       counts
 * @param minShared      shingles two stories must share besides, unless the smaller has fewer: a few
 *                       common words must not join two stories of which little is left to compare
 * @param maxCandidates  earlier stories checked exactly per new story, those sharing most band keys first
 * @param storiesPerBand the most recent stories read per band key when looking for candidates: a key that many
 *                       unrelated stories share (a stock phrase) would otherwise cost every story carrying it a
 *                       read of all of them, more as the window fills; a copy shares several keys, most of them
 *                       with few stories, and the copies arriving together are the most recent on each key
 * @param boilerplateClusters a line (paragraph) that at least this many clusters other than a candidate's
 *                       carry within the window is boilerplate — a sign-off, a promotion, stock background
 *                       — and not compared with that candidate
 */
@ConfigurationProperties("wirewatch.ingest.clusters")
public record ClustersProperties(Duration window, double minContainment, int minShared, int maxCandidates,
        int storiesPerBand, int boilerplateClusters) {

    public ClustersProperties {
        Objects.requireNonNull(window, "wirewatch.ingest.clusters.window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("wirewatch.ingest.clusters.window must be positive, was " + window);
        }
        if (!(minContainment > 0 && minContainment <= 1)) {
            throw new IllegalArgumentException(
                    "wirewatch.ingest.clusters.min-containment must be in (0, 1], was " + minContainment);
        }
        if (minShared < 1 || maxCandidates < 1 || storiesPerBand < 1 || boilerplateClusters < 1) {
            throw new IllegalArgumentException("wirewatch.ingest.clusters.min-shared, max-candidates, "
                    + "stories-per-band and boilerplate-clusters must be at least 1");
        }
    }

    /**
     * Whether two stories are copies of each other.
     *
     * @param shared       shingles they share, boilerplate set aside
     * @param comparedSize shingles of the smaller of the two, boilerplate set aside
     * @param fullSize     shingles of the smaller of the two, whole
     */
    boolean copies(int shared, int comparedSize, int fullSize) {
        return comparedSize > 0
                && shared >= Math.min(minShared, fullSize)
                && shared >= minContainment * comparedSize;
    }
}
