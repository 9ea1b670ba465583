package project.search.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

import java.util.Locale;

/**
 * {@code lowercase} as a filter <em>type</em> ({@code {"type": "lowercase", "language": "greek"}}).
 * The server itself only knows the bare name "lowercase" inside an analyzer's filter list; a filter
 * definition of that type needs analysis-common, or this plugin.
 */
final class LowercaseFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final String language;

    LowercaseFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        String lang = settings.get("language");
        this.language = lang == null ? null : lang.toLowerCase(Locale.ROOT);
        if (language != null && language.equals("greek") == false && language.equals("irish") == false && language.equals("turkish") == false) {
            throw new IllegalArgumentException(
                "Unknown [language] [" + lang + "] for lowercase filter [" + name + "]: must be one of [greek, irish, turkish] or left out"
            );
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (language == null) {
            return new LowerCaseFilter(tokenStream);
        }
        return switch (language) {
            case "greek" -> new GreekLowerCaseFilter(tokenStream);
            case "irish" -> new IrishLowerCaseFilter(tokenStream);
            default -> new TurkishLowerCaseFilter(tokenStream);
        };
    }
}
