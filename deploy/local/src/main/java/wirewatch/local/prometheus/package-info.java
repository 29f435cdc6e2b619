/**
 * An optional real Prometheus for the local run (Debian's {@code prometheus} package, or any binary on the PATH),
 * scraping the three services with the repository's alert rules.
 */
package wirewatch.local.prometheus;
