package project.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code edge_ngram} token filter: prefixes of each token. {@code min_gram} (default 1),
 * {@code max_gram} (default 2), {@code preserve_original} (default false) and the legacy
 * {@code side} (front/back). Not limited by index.max_ngram_diff (neither is stock's).
 */
final class EdgeNGramFilterFactory extends AbstractTokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;
    private final boolean back;

    EdgeNGramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.minGram = Params.intParam(name, settings, "min_gram", 1);
        this.maxGram = Params.intParam(name, settings, "max_gram", 2);
        this.preserveOriginal = Params.boolParam(name, settings, "preserve_original", false);
        String side = settings.get("side", "front");
        this.back = switch (side) {
            case "front" -> false;
            case "back" -> true;
            default -> throw new IllegalArgumentException("[side] of edge_ngram filter [" + name + "] must be [front] or [back], got [" + side + "]");
        };
        Params.checkGramSizes(name, minGram, maxGram);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (back) {
            // Suffixes: reverse, take prefixes, reverse back.
            TokenStream reversed = new ReverseStringFilter(tokenStream);
            return new ReverseStringFilter(new EdgeNGramTokenFilter(reversed, minGram, maxGram, preserveOriginal));
        }
        return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }

    @Override
    public boolean breaksFastVectorHighlighter() {
        return true;
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }
}
