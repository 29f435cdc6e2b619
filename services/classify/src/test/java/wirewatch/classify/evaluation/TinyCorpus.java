package wirewatch.classify.evaluation;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A four-rule set and a nine-story corpus (test resources under {@code evaluation/}) whose evaluation is worked out
 * by hand. Story s02 is labelled PROPOSED although Zelensky "called for" the ceasefire, a deliberate disagreement
 * with the stance reader so the report has a stance mismatch to show.
 *
 * <pre>
 * category          TP FP FN  precision  recall  F1                 support
 * CEASEFIRE          2  1  1  2/3        2/3     4/6                3   s01 s02 found, s03 (other truce) wrong, s04 missed
 * GRAIN_CORRIDOR     0  0  1  -          0       0                  1   no rule for it
 * SANCTIONS_RELIEF   1  0  1  1          1/2     2/3                2   s05 found, s06 missed
 * TERRITORY          0  2  0  0          -       0                  0   s06 and s07 only mention Crimea
 * NEUTRALITY         not scored: no label, no match
 * micro              3  3  3  1/2        1/2     1/2
 * macro                       (2/3+0+1+0)/4 = 0.417, (2/3+0+1/2+0)/4 = 0.292, (2/3+0+2/3+0)/4 = 0.333
 * stance: s01 AGREED ok, s02 PROPOSED vs DEMANDED, s05 PROPOSED ok: 2/3
 * </pre>
 */
public final class TinyCorpus {

    private TinyCorpus() {
    }

    public static Path rules() {
        return resource("/evaluation/rules");
    }

    public static Path corpus() {
        return resource("/evaluation/tiny-corpus.jsonl");
    }

    private static Path resource(String name) {
        try {
            return Path.of(TinyCorpus.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
