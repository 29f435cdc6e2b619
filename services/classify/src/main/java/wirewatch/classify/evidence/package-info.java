/**
 * From a rule's hits to what an alert says about it: the evidence sentences, the confidence and the stance
 * (demanded, proposed, agreed, rejected or merely reported). Works on plain text and offsets; knows nothing of
 * Lucene beyond the hits the matching package hands over.
 */
package wirewatch.classify.evidence;
