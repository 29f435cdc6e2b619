/**
 * Stories pushed over HTTP ({@code POST /api/stories}, one JSON story or an NDJSON batch): validating and
 * normalising the request, recording the story in the de-duplication store and publishing it to
 * {@code news.stories.v1} in one step that either fully happens or leaves nothing behind, and the metrics of
 * that flow. Feed polling hands its items to the same {@link wirewatch.ingest.story.StoryIngestion}, so both
 * paths publish alike.
 */
package wirewatch.ingest.story;
