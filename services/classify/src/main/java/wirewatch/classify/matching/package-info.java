/**
 * The Lucene side of classification: parsing rule queries, analysing stories, and matching a story against
 * every rule at once, returning the hit offsets of each matching rule and, beside them, the rules that failed.
 * {@link wirewatch.classify.matching.RuleMatcher} is the facade; nothing outside this package touches Lucene.
 * Which rules are worth verifying against a story is decided by an index of the terms each rule needs
 * ({@code TermFilteredStrategy}); Lucene Monitor ({@code MonitorStrategy}) is kept as the reference it must
 * agree with. Either way, a rule matches only when Lucene's own query says so.
 */
package wirewatch.classify.matching;
