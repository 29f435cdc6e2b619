/**
 * The rule files: the YAML format, its loader and validation (every problem reported as {@code file:line}),
 * and the rule-set version (a content hash). Plain Java with no Lucene and no Spring container, so the command-line
 * tools and the service load rules the same way.
 */
package wirewatch.classify.rules;
