package wirewatch.classify.matching;

import org.apache.lucene.search.Query;

/**
 * One part of a rule: one disjunct of the main query ({@code main}), whose hits are the evidence, with the
 * rule's context and exclusion (each {@code null} when the rule has none). Rules that spell a context or
 * exclusion alike share one instance, so a story answers it once for all of them.
 *
 * @param id        {@code ruleId#n}, unique in the rule set
 * @param condition {@code +main #context -exclude} as one query, for the strategies to select parts by
 */
record RulePart(String id, String ruleId, PreparedQuery main, PreparedQuery context, PreparedQuery exclude,
        Query condition) {
}
