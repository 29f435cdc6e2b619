/** Health indicators for the readiness probe: the dependencies without which this service cannot do its work. */
package wirewatch.ingest.health;
