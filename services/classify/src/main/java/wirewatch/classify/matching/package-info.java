/**
 * The Lucene side of classification: parsing rule queries and matching a story against every rule at once
 * with Lucene Monitor, returning the hit offsets of each matching rule and, beside them, the rules that failed.
 * {@link wirewatch.classify.matching.RuleMatcher} is the facade; nothing outside this package touches Lucene.
 */
package wirewatch.classify.matching;
