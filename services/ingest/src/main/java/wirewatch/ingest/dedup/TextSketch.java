package wirewatch.ingest.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import wirewatch.ingest.text.PlainText;

/**
 * What near-duplicate clustering knows of a story's body: its word shingles, and the MinHash band keys
 * through which other stories sharing many of those shingles find it.
 * <p>
 * A shingle is a run of {@value #SHINGLE_WORDS} consecutive words of the lower-cased, accent-preserving,
 * punctuation-free text, taken within one sentence only: syndication partners reorder sentences and
 * paragraphs, which would break any shingle spanning two of them. A sentence shorter than that is one
 * shingle, so even a one-line story has something to compare. Shingles are kept as sorted, distinct
 * 32-bit hashes — at a few hundred per story collisions are negligible, and they are all that is stored.
 * The sketch also remembers which shingles came from which line, so that lines known to be boilerplate
 * can be left out of the comparison.
 */
public final class TextSketch {

    static final int SHINGLE_WORDS = 4;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"'”’»)\\]]*\\s+");

    private final List<Line> lines;
    private final int[] shingles;
    // Computed on first use: only the story being registered needs band keys. Stored candidates and their
    // boilerplate-free variants are only compared, and computing theirs was most of a story's CPU time in
    // clustering (96 hashes per shingle, for up to 40 sketches per story).
    private volatile long[] bands;

    private TextSketch(List<Line> lines, int[] shingles) {
        this.lines = lines;
        this.shingles = shingles;
    }

    private static TextSketch ofLines(List<Line> lines) {
        var shingles = lines.stream()
                .flatMapToInt(line -> Arrays.stream(line.shingles()))
                .sorted()
                .distinct()
                .toArray();
        return new TextSketch(List.copyOf(lines), shingles);
    }

    /** The sketch of a story body in plain text, as {@link PlainText#lines} gives it. */
    public static TextSketch of(String body) {
        if (body == null || body.isBlank()) {
            return ofLines(List.of());
        }
        var lines = new ArrayList<Line>();
        for (var text : body.split("\\R")) {
            var sentences = new ArrayList<List<String>>();
            var all = new ArrayList<String>();
            for (var sentence : SENTENCE_END.split(text)) {
                var words = words(sentence);
                sentences.add(words);
                all.addAll(words);
            }
            if (!all.isEmpty()) {
                lines.add(new Line(lineHash(all), shingles(sentences)));
            }
        }
        return ofLines(lines);
    }

    /** A sketch from stored shingles, as read back from the database; it knows no lines. */
    static TextSketch ofShingles(int[] sortedDistinctShingles) {
        return new TextSketch(List.of(), sortedDistinctShingles.clone());
    }

    /**
     * This sketch without the given lines (by {@link #lineHashes hash}): boilerplate such as sign-offs and
     * stock background paragraphs is no evidence that two stories are the same. When nothing would remain,
     * the sketch stays whole, since then the whole story is text seen before.
     */
    TextSketch without(Set<Long> lineHashes) {
        var kept = lines.stream().filter(line -> !lineHashes.contains(line.hash())).toList();
        return kept.size() == lines.size() || kept.isEmpty() ? this : ofLines(kept);
    }

    /** Hashes of the body's lines (paragraphs), each over its words, to recognise repeated boilerplate. */
    long[] lineHashes() {
        return lines.stream().mapToLong(Line::hash).distinct().toArray();
    }

    /** True when the body has no words: such a story can only be its own cluster. */
    public boolean isEmpty() {
        return shingles.length == 0;
    }

    int[] shingles() {
        return shingles.clone();
    }

    long[] bands() {
        var computed = bands;
        if (computed == null) {
            computed = shingles.length == 0 ? new long[0] : MinHash.bands(shingles);
            bands = computed;
        }
        return computed.clone();
    }

    /** How many shingles this and the other sketch share (both arrays are sorted and distinct). */
    int sharedWith(TextSketch other) {
        var shared = 0;
        var i = 0;
        var j = 0;
        while (i < shingles.length && j < other.shingles.length) {
            var compared = Integer.compare(shingles[i], other.shingles[j]);
            if (compared == 0) {
                shared++;
                i++;
                j++;
            } else if (compared < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    int size() {
        return shingles.length;
    }

    /** The runs of letters and numbers (Unicode categories L and N) of the folded sentence. */
    private static List<String> words(String sentence) {
        var folded = Normalizer.normalize(sentence, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        var words = new ArrayList<String>();
        var start = -1;
        for (var i = 0; i < folded.length(); ) {
            var codePoint = folded.codePointAt(i);
            if (isWordCharacter(codePoint)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(folded.substring(start));
        }
        return words;
    }

    private static boolean isWordCharacter(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** The shingles of a line's sentences, in order: each run of four words, or a shorter sentence whole. */
    private static int[] shingles(List<List<String>> sentences) {
        var count = 0;
        for (var words : sentences) {
            count += words.isEmpty() ? 0 : Math.max(1, words.size() - SHINGLE_WORDS + 1);
        }
        var hashes = new int[count];
        var next = 0;
        for (var words : sentences) {
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() < SHINGLE_WORDS) {
                hashes[next++] = hash(words);
                continue;
            }
            for (var start = 0; start + SHINGLE_WORDS <= words.size(); start++) {
                hashes[next++] = hash(words.subList(start, start + SHINGLE_WORDS));
            }
        }
        return hashes;
    }

    /** FNV-1a over the words and a separator, folded to 32 bits after a 64-bit finaliser. */
    private static int hash(List<String> words) {
        var hash = lineHash(words);
        return (int) (hash ^ (hash >>> 32));
    }

    private static long lineHash(List<String> words) {
        var hash = 0xcbf29ce484222325L;
        for (var word : words) {
            for (var i = 0; i < word.length(); i++) {
                hash = (hash ^ word.charAt(i)) * 0x100000001b3L;
            }
            hash = (hash ^ ' ') * 0x100000001b3L;
        }
        return MinHash.mix(hash);
    }

    private record Line(long hash, int[] shingles) {
    }
}
