/**
 * JMH benchmarks of classification throughput: the service's Lucene Monitor path for the default pack and for
 * generated rule sets of 100 to 100,000 rules, against one regular expression per rule over the same stories.
 * Compiled by every build, run only on demand (see the {@code benchmark} Maven profile).
 */
package wirewatch.classify.benchmark;
