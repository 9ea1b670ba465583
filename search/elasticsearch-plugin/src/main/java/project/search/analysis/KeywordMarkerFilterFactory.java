package project.search.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code keyword_marker} token filter: protects words from a later stemmer. Words come from
 * {@code keywords} (inline), {@code keywords_path} (file in the config directory) or a regular
 * expression {@code keywords_pattern}; {@code ignore_case} (default false) applies to the word list.
 */
final class KeywordMarkerFilterFactory extends AbstractTokenFilterFactory {

    private final CharArraySet keywords;
    private final Pattern pattern;

    KeywordMarkerFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        boolean ignoreCase = Params.boolParam(name, settings, "ignore_case", false);
        String patternString = settings.get("keywords_pattern");
        CharArraySet words = Analysis.getWordSet(env, settings, "keywords");
        if (patternString != null && words != null) {
            throw new IllegalArgumentException(
                "keyword_marker filter [" + name + "]: cannot specify both [keywords_pattern] and [keywords] or [keywords_path]"
            );
        }
        if (patternString != null) {
            try {
                this.pattern = Pattern.compile(patternString);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                    "keyword_marker filter [" + name + "]: invalid [keywords_pattern] [" + patternString + "]: " + e.getDescription()
                );
            }
            this.keywords = null;
        } else if (words != null) {
            this.pattern = null;
            this.keywords = new CharArraySet(words, ignoreCase);
        } else {
            throw new IllegalArgumentException(
                "keyword_marker filter [" + name + "] requires one of [keywords], [keywords_path] or [keywords_pattern]"
            );
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (pattern != null) {
            return new PatternKeywordMarkerFilter(tokenStream, pattern);
        }
        return new SetKeywordMarkerFilter(tokenStream, keywords);
    }
}
