package project.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code ngram} token filter: {@code min_gram} (default 1), {@code max_gram} (default 2),
 * {@code preserve_original} (default false). As in stock, max_gram - min_gram may not exceed the
 * index setting {@code index.max_ngram_diff} (default 1).
 */
final class NGramFilterFactory extends AbstractTokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;

    NGramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.minGram = Params.intParam(name, settings, "min_gram", 1);
        this.maxGram = Params.intParam(name, settings, "max_gram", 2);
        this.preserveOriginal = Params.boolParam(name, settings, "preserve_original", false);
        Params.checkGramSizes(name, minGram, maxGram);
        checkNgramDiff(indexSettings, "NGram Token Filter [" + name + "]", minGram, maxGram);
    }

    static void checkNgramDiff(IndexSettings indexSettings, String what, int minGram, int maxGram) {
        int allowed = indexSettings.getMaxNgramDiff();
        int diff = maxGram - minGram;
        if (diff > allowed) {
            throw new IllegalArgumentException(
                "The difference between max_gram and min_gram in " + what + " must be less than or equal to: [" + allowed
                    + "] but was [" + diff + "]. This limit can be set by changing the [" + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey()
                    + "] index level setting."
            );
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new NGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        // As stock: n-grams of synonym rules would match nonsense.
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }
}
