package wirewatch.classify.matching;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * A query ready to run against any story. Lucene rewrites a query before it runs it, and rewriting a boolean
 * query allocates and hashes its whole tree: done for every candidate of every story, that was a quarter of
 * all matching time. Terms, phrases and booleans of them rewrite the same whatever the story, so those are
 * rewritten once, when the rule set is built; a query that depends on the story's terms (wildcards, fuzzy
 * terms, custom queries) is still rewritten for each story. A query of terms alone also keeps its
 * {@link TermPresence} ({@code null} otherwise), which answers it from the story's terms; any query keeps the
 * terms it {@linkplain RequiredTerms requires}, so a story without them is answered without an index.
 */
record PreparedQuery(Query query, boolean rewriteForEachStory, TermPresence presence, String[][] required) {

    /** @param rewriter a searcher over no documents, enough to rewrite story-independent queries */
    static PreparedQuery of(Query query, IndexSearcher rewriter) throws IOException {
        if (!isStoryIndependent(query)) {
            return new PreparedQuery(query, true, null, RequiredTerms.asArrays(query));
        }
        var rewritten = rewriter.rewrite(query);
        return new PreparedQuery(rewritten, false, TermPresence.of(rewritten), RequiredTerms.asArrays(rewritten));
    }

    Query on(IndexSearcher story) throws IOException {
        return rewriteForEachStory ? story.rewrite(query) : query;
    }

    private static boolean isStoryIndependent(Query query) {
        var independent = new boolean[] {true};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (!(leaf instanceof TermQuery || leaf instanceof PhraseQuery || leaf instanceof SynonymQuery
                        || leaf instanceof MultiPhraseQuery)) {
                    independent[0] = false;
                }
            }

            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                independent[0] = false;
            }

            @Override
            public void visitLeaf(Query leaf) {
                if (!(leaf instanceof MatchAllDocsQuery || leaf instanceof MatchNoDocsQuery)) {
                    independent[0] = false;
                }
            }
        });
        return independent[0];
    }
}
