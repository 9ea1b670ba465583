package project.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code edge_ngram} token filter: prefixes of each token, for search as you type. {@code min_gram}
 * (default 1), {@code max_gram} (default 2), {@code preserve_original} (default false). Not limited by
 * index.max_ngram_diff (neither is stock's). Stock's deprecated {@code side: back} is refused rather
 * than ignored, so settings that rely on it fail loudly here instead of analysing differently.
 */
final class EdgeNGramFilterFactory extends AbstractTokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;

    EdgeNGramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.minGram = Params.intParam(name, settings, "min_gram", 1);
        this.maxGram = Params.intParam(name, settings, "max_gram", 2);
        this.preserveOriginal = Params.boolParam(name, settings, "preserve_original", false);
        String side = settings.get("side", "front");
        if (side.equals("front") == false) {
            throw new IllegalArgumentException("[side] of edge_ngram filter [" + name + "] must be [front], got [" + side + "]");
        }
        Params.checkGramSizes(name, minGram, maxGram);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
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
