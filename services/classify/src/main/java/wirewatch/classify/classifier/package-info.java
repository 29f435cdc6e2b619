/**
 * A rule set ready to classify: compiling rule files (load, parse, build the matcher, run every rule's
 * examples), classifying a story with it, and holding the active set behind an atomic reference so a new set
 * can replace it without stopping classification. Plain classes; {@code ClassifierConfiguration} only wires
 * them into Spring.
 */
package wirewatch.classify.classifier;
