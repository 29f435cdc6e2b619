package wirewatch.classify.matching;

/**
 * One part of a rule as the Monitor selects it: one disjunct of the main query ({@code main}), whose hits are
 * the evidence, with the rule's context and exclusion (each {@code null} when the rule has none). Rules that
 * spell a context or exclusion alike share one instance, so a story answers it once for all of them.
 */
record RulePart(String ruleId, PreparedQuery main, PreparedQuery context, PreparedQuery exclude) {
}
