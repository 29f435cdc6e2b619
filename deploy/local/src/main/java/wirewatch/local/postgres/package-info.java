/**
 * A real PostgreSQL server run from the zonky binaries inside the launcher JVM, with a data directory that survives
 * restarts and the role and databases the services expect.
 */
package wirewatch.local.postgres;
