/**
 * JMH benchmarks of classification throughput: the service's full classification path for the default pack and
 * for generated rule sets of 100 to 100,000 rules (with either matching strategy), against one regular
 * expression per rule over the same stories; and {@link wirewatch.classify.benchmark.CpuTimeThroughput}, the
 * same workload timed by CPU time for shared machines; and {@link wirewatch.classify.benchmark.PipelineBenchmark},
 * the whole service (Kafka consume, classification, the alerts' publish, the offset commit per poll) under a fixed
 * rate of stories, with the CPU per story of classify and of the broker. Compiled by every build, run only on demand
 * (see the {@code benchmark} Maven profile).
 */
package wirewatch.classify.benchmark;
