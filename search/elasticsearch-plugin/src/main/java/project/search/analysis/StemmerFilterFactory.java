package project.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * {@code stemmer} token filter for {@code language} (or its alias {@code name}) {@code dutch}: Lucene's
 * Dutch snowball stemmer, as stock analysis-common uses for that language. The index is Dutch only, so
 * the other languages are refused with a 400 that names the one supported, and so is a stemmer without
 * a language (stock would silently stem as English, with Porter).
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {

    StemmerFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        String language = settings.get("language", settings.get("name"));
        if ("dutch".equalsIgnoreCase(language) == false) {
            throw new IllegalArgumentException(
                "Unknown language [" + language + "] for stemmer filter [" + name + "]; the project-analysis plugin supports [dutch]"
            );
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new SnowballFilter(tokenStream, new DutchStemmer());
    }
}
