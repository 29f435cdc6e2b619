/**
 * Feed polling: the feed registry and its API ({@code registry}), fetching a feed over HTTP politely and
 * safely ({@code fetch}), reading documents into items ({@code reader}), and deciding which instance polls
 * which feed when, turning items into stories and publishing each once ({@code poll}).
 */
package wirewatch.ingest.feed;
